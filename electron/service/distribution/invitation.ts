/**
 * The calendar invitation of a meeting: one VEVENT whose UID is the meeting's for ever, so a changed
 * date, time or place (SEQUENCE raised) or a cancellation replaces the entry in every calendar.
 */
import { ICalAttendeeRole, ICalAttendeeStatus, ICalEventStatus } from 'ical-generator';
import { MEETING_KIND_LABELS, type Meeting } from '../../../shared/domain/meetings';
import type { Recipient } from '../../../shared/domain/distribution';
import {
  ICS_METHOD,
  allDay,
  calendarName,
  calendarText,
  localDateTime,
  meetingTimeZone,
  newCalendar,
} from './calendar-file';

/** Meetings have no end time in the workbook; reviews are booked for an hour. */
const MEETING_MINUTES = 60;

export interface InvitationInput {
  meeting: Meeting;
  unitName: string;
  organiser: Recipient;
  /** Invitees with an address: all required participants (an invitation lists no optional guests). */
  attendees: readonly Recipient[];
  cancel: boolean;
  /** When the file is written (DTSTAMP). */
  now: Date;
}

/** The stable UID: the meeting id never changes, and the domain part keeps it unique across apps. */
export const invitationUid = (meetingId: string) => `${meetingId}@brm-workbook`;

/** The sequence a cancellation carries: above every invitation sent before it. */
export const sequenceOf = (meeting: Meeting, cancel: boolean) =>
  (meeting.invitationSequence ?? 0) + (cancel ? 1 : 0);

function agendaText(meeting: Meeting): string {
  const lines = meeting.agenda.map((item, i) => `${i + 1}. ${item.title}`);
  const why = meeting.trigger.trim() ? [`Why: ${meeting.trigger.trim()}`, ''] : [];
  return calendarText([...why, 'Agenda', ...lines].join('\n'));
}

/** An online meeting's link is the location when that is all the location says. */
const linkIn = (location: string) => (/^https:\/\/\S+$/.test(location.trim()) ? location.trim() : null);

export function invitationCalendar(input: InvitationInput): string {
  const { meeting } = input;
  const calendar = newCalendar(input.cancel ? ICS_METHOD.CANCEL : ICS_METHOD.REQUEST);
  const zone = meetingTimeZone();
  const timed = meeting.time !== '';
  const start = timed ? localDateTime(meeting.date, meeting.time) : allDay(meeting.date);
  const location = calendarText(meeting.location)
    .replace(/\s*\n\s*/g, ', ')
    .trim();
  const link = linkIn(meeting.location);
  calendar.createEvent({
    id: invitationUid(meeting.id),
    sequence: sequenceOf(meeting, input.cancel),
    stamp: input.now,
    start,
    ...(timed
      ? { end: new Date(start.getTime() + MEETING_MINUTES * 60_000), timezone: zone }
      : { allDay: true }),
    summary: calendarText(
      `${input.unitName} ${MEETING_KIND_LABELS[meeting.kind].toLowerCase()} review`,
    ).replace(/\n/g, ' '),
    description: agendaText(meeting),
    location: location || null,
    url: link,
    status: input.cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: {
      name: calendarName(input.organiser.name) || input.organiser.email,
      email: input.organiser.email,
    },
    attendees: input.attendees.map((a) => ({
      name: calendarName(a.name) || a.email,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      rsvp: !input.cancel,
      status: ICalAttendeeStatus.NEEDSACTION,
    })),
  });
  return calendar.toString();
}
