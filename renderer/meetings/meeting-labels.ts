import { displayDates } from '../../shared/domain/date-format';
import { formatPeriod } from '../../shared/domain/meeting-dates';
import {
  MEETING_KIND_LABELS,
  type Meeting,
  type MeetingKind,
  type MeetingStatus,
} from '../../shared/domain/meetings';

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  finalised: 'Finalised',
};

export const MEETING_STATUS_COLORS: Record<MeetingStatus, 'informative' | 'warning' | 'success'> = {
  planned: 'informative',
  held: 'warning',
  finalised: 'success',
};

export const meetingKindTitle = (kind: MeetingKind): string => `${MEETING_KIND_LABELS[kind]} service review`;

/** "Tuesday, 31 March 2026 at 10:00" ("Mittwoch, 9. Dezember 2026 at 14:00"), in the display locale. */
export const meetingWhen = (m: Pick<Meeting, 'date' | 'time'>): string =>
  `${displayDates().long(m.date)}${m.time ? ` at ${displayDates().time(m.time)}` : ''}`;

export const meetingPeriod = (m: Pick<Meeting, 'periodStart' | 'periodEnd'>): string | null =>
  m.periodStart && m.periodEnd ? formatPeriod(m.periodStart, m.periodEnd) : null;

/** A location that is a link is shown as one (online meetings). */
export const isOnlineLink = (location: string): boolean => /^https:\/\/\S+$/.test(location.trim());

/** IT roles a BRM often invites (seed 004): offered as suggestions, any role may be typed. */
export const IT_ROLE_SUGGESTIONS = [
  'Service level manager',
  'Major incident manager',
  'Service owner',
  'Problem manager',
  'Procurement',
  'Development team lead',
  'Subject matter expert',
] as const;
