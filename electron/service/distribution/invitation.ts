/**
 * The calendar invitation of a meeting: one VEVENT whose UID is the meeting's for ever, so a changed
 * date, time or place (SEQUENCE raised) or a cancellation replaces the entry in every calendar.
 * A meeting of a series planned ahead is known to calendars by the series' UID and its date in the
 * series' rule (RECURRENCE-ID); the series itself is one VEVENT with the rule (RRULE) and the skipped
 * dates (EXDATE), followed by one VEVENT for each meeting moved off its date.
 */
import {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalEventRepeatingFreq,
  ICalEventStatus,
  ICalWeekday,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import { describeSeriesRule, type MeetingSeries } from '../../../shared/domain/meeting-series';
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

export interface SeriesInvitationInput extends InvitationInput {
  series: MeetingSeries;
  /** The meetings of the series as planned now: those off their rule's date, time or place are listed. */
  seriesMeetings: readonly Meeting[];
}

/** The stable UID: the meeting (or series) id never changes, and the domain part keeps it unique across apps. */
export const invitationUid = (id: string) => `${id}@brm-workbook`;

/** The sequence a cancellation carries: above every invitation sent before it. */
export const sequenceOf = (meeting: Meeting, cancel: boolean) =>
  (meeting.invitationSequence ?? 0) + (cancel ? 1 : 0);

/** One meeting of a series: the series' changes and the meeting's own both raise it. */
export const occurrenceSequenceOf = (series: MeetingSeries, meeting: Meeting, cancel: boolean) =>
  series.sequence + sequenceOf(meeting, cancel);

export const seriesSequenceOf = (series: MeetingSeries, cancel: boolean) =>
  series.sequence + (cancel ? 1 : 0);

const WEEKDAYS = [
  ICalWeekday.SU,
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
];

function agendaText(meeting: Meeting, heading: string[] = []): string {
  const lines = meeting.agenda.map((item, i) => `${i + 1}. ${item.title}`);
  const why = meeting.trigger.trim() ? [`Why: ${meeting.trigger.trim()}`, ''] : [];
  return calendarText([...heading, ...why, 'Agenda', ...lines].join('\n'));
}

/** An online meeting's link is the location when that is all the location says. */
const linkIn = (location: string) => (/^https:\/\/\S+$/.test(location.trim()) ? location.trim() : null);

/** Start, end and zone of a meeting on `date` at `time` ('' for all day), as ical-generator takes them. */
function timesOf(date: string, time: string): Pick<ICalEventData, 'start' | 'end' | 'timezone' | 'allDay'> {
  if (time === '') return { start: allDay(date), allDay: true };
  const start = localDateTime(date, time);
  return { start, end: new Date(start.getTime() + MEETING_MINUTES * 60_000), timezone: meetingTimeZone() };
}

const whereOf = (location: string) => ({
  location:
    calendarText(location)
      .replace(/\s*\n\s*/g, ', ')
      .trim() || null,
  url: linkIn(location),
});

/** What every invitation of the meeting says: who, what, where; the caller adds when and which UID. */
function eventOf(input: InvitationInput): Omit<ICalEventData, 'start'> {
  const { meeting } = input;
  return {
    stamp: input.now,
    summary: calendarText(
      `${input.unitName} ${MEETING_KIND_LABELS[meeting.kind].toLowerCase()} review`,
    ).replace(/\n/g, ' '),
    description: agendaText(meeting),
    ...whereOf(meeting.location),
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
  };
}

const methodOf = (cancel: boolean) => (cancel ? ICS_METHOD.CANCEL : ICS_METHOD.REQUEST);

/** A meeting's own invitation; one of a series is the series' event on its date (RECURRENCE-ID). */
export function invitationCalendar(input: InvitationInput & { series?: MeetingSeries }): string {
  const { meeting, series } = input;
  const calendar = newCalendar(methodOf(input.cancel));
  if (series && meeting.series) {
    occurrenceEvent(calendar, input, series, meeting);
  } else {
    calendar.createEvent({
      ...eventOf(input),
      ...timesOf(meeting.date, meeting.time),
      id: invitationUid(meeting.id),
      sequence: sequenceOf(meeting, input.cancel),
    });
  }
  return calendar.toString();
}

function occurrenceEvent(
  calendar: ICalCalendar,
  input: InvitationInput,
  series: MeetingSeries,
  meeting: Meeting,
): void {
  calendar.createEvent({
    ...eventOf({ ...input, meeting }),
    ...timesOf(meeting.date, meeting.time),
    id: invitationUid(series.id),
    recurrenceId: localDateTime(meeting.series!.occurrence, series.time),
    sequence: occurrenceSequenceOf(series, meeting, input.cancel),
  });
}

/** Whether a meeting of the series is no longer where and when the rule puts it. */
const movedOff = (series: MeetingSeries, meeting: Meeting) =>
  meeting.series !== undefined &&
  (meeting.date !== meeting.series.occurrence ||
    meeting.time !== series.time ||
    meeting.location !== series.location);

/**
 * The whole series: one VEVENT with the rule (COUNT, so readers need no time zone to find the end) and
 * the skipped dates, then each moved meeting as its own VEVENT with the same UID and a RECURRENCE-ID.
 */
export function seriesInvitationCalendar(input: SeriesInvitationInput): string {
  const { series } = input;
  const calendar = newCalendar(methodOf(input.cancel));
  calendar.createEvent({
    ...eventOf(input),
    ...whereOf(series.location),
    description: agendaText(input.meeting, [describeSeriesRule(series), '']),
    ...timesOf(series.first, series.time),
    id: invitationUid(series.id),
    sequence: seriesSequenceOf(series, input.cancel),
    repeating: {
      freq: series.frequency === 'weekly' ? ICalEventRepeatingFreq.WEEKLY : ICalEventRepeatingFreq.MONTHLY,
      interval: series.interval,
      count: series.count,
      byDay: [WEEKDAYS[series.weekday]!],
      ...(series.week === null ? {} : { bySetPos: [series.week] }),
      ...(series.skipped.length
        ? { exclude: series.skipped.map((date) => localDateTime(date, series.time)) }
        : {}),
    },
  });
  if (!input.cancel) {
    for (const meeting of input.seriesMeetings.filter((m) => movedOff(series, m))) {
      occurrenceEvent(calendar, { ...input, meeting }, series, meeting);
    }
  }
  return calendar.toString();
}
