import { formatDay, formatDayLong } from './meeting-dates';
import {
  MEETING_KIND_LABELS,
  isActionOpen,
  type ActionItem,
  type ActionStatus,
  type Meeting,
} from './meetings';

/** What a list of actions needs to know about the meetings they mention. */
export type MeetingRef = Pick<Meeting, 'id' | 'unitId' | 'kind' | 'date' | 'status'>;

export const meetingRefOf = (m: MeetingRef): MeetingRef => ({
  id: m.id,
  unitId: m.unitId,
  kind: m.kind,
  date: m.date,
  status: m.status,
});

/** "Periodic review, Tue 10 Mar 2026". */
export const meetingLabel = (m: Pick<MeetingRef, 'kind' | 'date'>): string =>
  `${MEETING_KIND_LABELS[m.kind]} review, ${formatDayLong(m.date)}`;

export interface TrailLine {
  event: 'raised' | 'updated' | 'closed';
  date: string;
  meetingId: string | null;
  /** Null when the meeting is not known (deleted) or the line was recorded outside a meeting. */
  meeting: MeetingRef | null;
  status: ActionStatus;
  note: string;
  /** Who changed it outside a meeting; empty for what was said in a meeting. */
  by: string;
}

/** An action's history, oldest first: raised in …, updated in …, closed in …. */
export function actionTrail(
  action: ActionItem,
  meetingOf: (id: string) => MeetingRef | undefined,
): TrailLine[] {
  const raisedIn = action.raisedInMeetingId ? (meetingOf(action.raisedInMeetingId) ?? null) : null;
  const lines: TrailLine[] = [
    {
      event: 'raised',
      date: raisedIn?.date ?? formatDay(new Date(action.createdAt)),
      meetingId: action.raisedInMeetingId,
      meeting: raisedIn,
      status: 'open',
      note: '',
      by: '',
    },
  ];
  for (const update of action.trail) {
    lines.push({
      event: isActionOpen(update.status) ? 'updated' : 'closed',
      date: update.date,
      meetingId: update.meetingId,
      meeting: update.meetingId ? (meetingOf(update.meetingId) ?? null) : null,
      status: update.status,
      note: update.note,
      by: update.by ?? '',
    });
  }
  return lines;
}
