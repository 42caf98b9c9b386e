/**
 * iCalendar files (RFC 5545) built with ical-generator, which escapes and folds; what is ours is only
 * the text cleaning (readers reject control characters) and the time-zone choice.
 */
import ical, { ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { xmlSafe, xmlSafeLine } from '../export/sanitise';

/**
 * Text for a calendar property: iCalendar TEXT allows no control characters but tab and (escaped)
 * line ends, and readers refuse U+FFFE and lone surrogates just as Word does.
 */
export const calendarText = (text: string): string => xmlSafe(text);

/** A name inside a quoted parameter (CN="…"): one line, and no double quote (RFC 5545 has no escape for it). */
export const calendarName = (text: string): string => xmlSafeLine(text).replaceAll('"', "'").trim();

export function newCalendar(method: ICalCalendarMethod | null): ICalCalendar {
  const calendar = ical({
    prodId: { company: 'BRM Workbook', product: 'BRM Workbook', language: 'EN' },
    ...(method ? { method } : {}),
  });
  // No calendar-wide zone (that would make DTSTAMP local): each timed event names its own TZID, and
  // the generator adds the matching VTIMEZONE so readers need no zone database of their own.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  return calendar;
}

/**
 * The zone meetings are held in: the laptop's own. Null when it has no VTIMEZONE definition (UTC,
 * `Etc/…` zones): times are then written in UTC, which every reader understands.
 */
export function meetingTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const definition = zone ? getVtimezoneComponent(zone) : null;
  // The name the VTIMEZONE itself carries: ICU may say "Asia/Calcutta" where the definition is
  // "Asia/Kolkata", and a TZID that matches no VTIMEZONE leaves readers guessing.
  return definition?.match(/^TZID:(.+?)\r?$/m)?.[1] ?? null;
}

/** A `YYYY-MM-DD` day at a `HH:MM` time of the laptop's zone. */
export function localDateTime(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min);
}

/**
 * An all-day date. ical-generator writes a date-only value from the UTC fields of the Date when the
 * event has no zone, so the day is built at UTC midnight: it never moves in any zone.
 */
export function allDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export const ICS_METHOD = ICalCalendarMethod;
