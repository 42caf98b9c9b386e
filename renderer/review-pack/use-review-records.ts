import { useCallback, useEffect, useState } from 'react';
import type { MeetingSummary } from '../../shared/contract/meetings';
import type { UnitReviewRecords } from '../../shared/contract/review-pack';
import { MEETING_KIND_LABELS } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { messageOf } from '../ui/use-form';

/** A unit's review-pack registers, loaded for the view that shows them and refreshed after each change. */
export function useReviewRecords(unitId: string | null) {
  const [records, setRecords] = useState<UnitReviewRecords | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!unitId) return;
    try {
      setRecords(await api.getReviewRecords({ unitId }));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [unitId]);
  useEffect(() => {
    setRecords(null);
    void reload();
  }, [reload]);
  return { records, error, reload };
}

export interface MeetingOption {
  id: string;
  label: string;
}

/** "3 Nov 2026 · Periodic review" (in the display locale): how a meeting is named in a picker or a table. */
export const meetingLabel = (m: Pick<MeetingSummary, 'date' | 'kind'>): string =>
  `${formatDate(m.date)} · ${MEETING_KIND_LABELS[m.kind]} review`;

/** The unit's meetings, newest first, for "discussed in" pickers and labels. */
export function useUnitMeetings(unitId: string | null): MeetingOption[] {
  const [meetings, setMeetings] = useState<MeetingOption[]>([]);
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    api
      .listMeetings({ unitId })
      .then((list) => {
        if (!live) return;
        setMeetings(
          [...list]
            .sort((a, b) => b.date.localeCompare(a.date))
            .map((m) => ({ id: m.id, label: meetingLabel(m) })),
        );
      })
      .catch(() => live && setMeetings([]));
    return () => {
      live = false;
    };
  }, [unitId]);
  return meetings;
}
