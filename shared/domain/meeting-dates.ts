import { addDays, addMonths, endOfMonth, format, isValid, parse, startOfMonth, subMonths } from 'date-fns';
import { displayDates } from './date-format';
import { isActionOpen, type ActionItem, type MeetingKind } from './meetings';

/**
 * Date rules for meetings and actions. Every date here is a calendar day ('YYYY-MM-DD'): it is parsed to
 * LOCAL midnight, moved with date-fns (which works on local calendar fields), and formatted back, so no time
 * zone or daylight-saving change can move it by a day. `new Date('YYYY-MM-DD')` (UTC midnight) is never used.
 */
const DAY = 'yyyy-MM-dd';
const REFERENCE = new Date(2000, 0, 1);

export function parseDay(day: string): Date {
  const date = parse(day, DAY, REFERENCE);
  if (!isValid(date)) throw new RangeError(`Not a calendar date: ${day}`);
  return date;
}

export const formatDay = (date: Date): string => format(date, DAY);

/** Today on this computer's calendar. */
export const todayOf = (now: Date = new Date()): string => formatDay(now);

/** Days after a meeting by which a new action is due unless the BRM says otherwise. */
export const DEFAULT_DUE_DAYS = 14;

export const defaultDueDate = (meetingDate: string): string =>
  formatDay(addDays(parseDay(meetingDate), DEFAULT_DUE_DAYS));

/**
 * The period a review looks back on by default: a periodic (monthly) review covers the previous calendar
 * month; an annual review the twelve full months before the meeting's month; an ad hoc meeting has none.
 */
export function defaultPeriod(
  kind: MeetingKind,
  meetingDate: string,
): { periodStart: string; periodEnd: string } | null {
  const day = parseDay(meetingDate);
  if (kind === 'periodic') {
    const previous = subMonths(day, 1);
    return { periodStart: formatDay(startOfMonth(previous)), periodEnd: formatDay(endOfMonth(previous)) };
  }
  if (kind === 'annual') {
    return {
      periodStart: formatDay(startOfMonth(subMonths(day, 12))),
      periodEnd: formatDay(endOfMonth(subMonths(day, 1))),
    };
  }
  return null;
}

/** The next periodic review: one month later; a day the next month lacks (the 31st) becomes its last day. */
export const nextMeetingDate = (meetingDate: string): string =>
  formatDay(addMonths(parseDay(meetingDate), 1));

/** Open or in progress, and due before today. */
export const isOverdue = (action: Pick<ActionItem, 'status' | 'dueDate'>, today: string): boolean =>
  isActionOpen(action.status) && action.dueDate < today;

/** Why a due date is not acceptable for an action raised in a meeting on `meetingDate`, or null. */
export function dueDateProblem(dueDate: string, meetingDate: string): string | null {
  if (dueDate < meetingDate) {
    return `The due date is before the meeting (${formatDayLong(meetingDate)}). Choose the meeting date or later.`;
  }
  return null;
}

/**
 * Why a meeting dated after today should not be marked held or finalised without the BRM confirming it
 * (a wrong date, or minutes finalised before the meeting took place), or null when it is not in the future.
 */
export function futureMeetingWarning(meetingDate: string, today: string): string | null {
  if (meetingDate <= today) return null;
  return `This meeting is dated ${formatDayLong(meetingDate)}, after today. Check the date: confirm only if it really took place already.`;
}

/** A complaint or compliment cannot have been received after today. */
export function futureReceiptProblem(kind: string, date: string, today: string): string | null {
  if (date <= today) return null;
  return `A ${kind} cannot be received in the future: ${formatDayLong(date)} is after today. Give the date it was received.`;
}

/** "Tue, 10 Mar 2026" in the display locale: how a calendar day is shown to the BRM. */
export const formatDayLong = (day: string): string => displayDates().day(day);

/** "1 Feb 2026 – 28 Feb 2026" for a period under review, in the display locale. */
export const formatPeriod = (start: string, end: string): string => displayDates().period(start, end);
