import { useEffect, useState } from 'react';
import type { MeetingSummary } from '../../shared/contract/meetings';
import type { Contact } from '../../shared/domain/customers';
import { defaultInvitees, latestBefore } from '../../shared/domain/meeting-plans';
import type { Invitee, MeetingKind } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';

/** The unit's meetings while the planner is open, to warn about one a few days away. */
export function useUnitMeetings(open: boolean, unitId: string): MeetingSummary[] {
  const [meetings, setMeetings] = useState<MeetingSummary[]>([]);
  useEffect(() => {
    let live = true;
    if (!open || !unitId) {
      setMeetings([]);
      return;
    }
    api
      .listMeetings({ unitId })
      .then((list) => live && setMeetings(list))
      .catch(() => live && setMeetings([]));
    return () => {
      live = false;
    };
  }, [open, unitId]);
  return meetings;
}

/**
 * Ticks the default invitees of a new meeting (see `defaultInvitees`) whenever the unit or kind changes,
 * until the BRM ticks or unticks someone. Periodic defaults need the previous meeting's attendance, read
 * here from the store.
 */
export function useDefaultInvitees(args: {
  active: boolean;
  kind: MeetingKind;
  date: string;
  contacts: readonly Contact[];
  meetings: readonly MeetingSummary[];
  apply: (invitees: Invitee[]) => void;
}): void {
  const { active, kind, date, contacts, meetings, apply } = args;
  const previousId = kind === 'periodic' ? (latestBefore(date, meetings)?.id ?? null) : null;
  useEffect(() => {
    if (!active) return;
    let live = true;
    const previous = previousId ? api.getMeeting({ id: previousId }).then((d) => d.meeting) : null;
    void Promise.resolve(previous)
      .catch(() => null)
      .then((meeting) => {
        if (live) apply(defaultInvitees(kind, contacts, meeting));
      });
    return () => {
      live = false;
    };
  }, [active, kind, contacts, previousId, apply]);
}
