/**
 * A periodic review planned ahead as a series: "monthly on the 2nd Wednesday, 6 meetings" or "every 2
 * weeks on Tuesday until 2027-06-30". Every meeting of the series is planned at once (so each can be
 * prepared, moved or skipped on its own), and calendars receive the series as one event with a
 * recurrence rule; a skipped meeting is an exception date of that rule.
 */
import { z } from 'zod';
import { addDays, addMonths, addWeeks, getDate, getDay, startOfMonth } from 'date-fns';
import { LIMITS, isoDateSchema, optionalText, recordMeta, idSchema, timeOfDaySchema } from './common';
import { formatDay, parseDay } from './meeting-dates';

export const SERIES_FREQUENCIES = ['monthly', 'weekly'] as const;
export type SeriesFrequency = (typeof SERIES_FREQUENCIES)[number];

/** More than five years of monthly reviews is not a plan but a wish; calendars cope badly too. */
export const MAX_SERIES_MEETINGS = 60;

/** Monday to Friday as date-fns numbers them (Sunday 0): a review series never meets at the weekend. */
const WORKING_DAYS = [1, 2, 3, 4, 5] as const;

/** How the BRM asks for a series in the planner: the first meeting's date gives weekday and week. */
export const seriesRepeatSchema = z
  .strictObject({
    frequency: z.enum(SERIES_FREQUENCIES),
    /** Every `interval` months or weeks. */
    interval: z.number().int().min(1, 'Repeat at least every 1.').max(12, 'Repeat at most every 12.'),
    /** How many meetings, skipped ones included; or null with `until`. */
    count: z
      .number()
      .int()
      .min(2, 'A series has at least 2 meetings.')
      .max(MAX_SERIES_MEETINGS, `A series has at most ${MAX_SERIES_MEETINGS} meetings.`)
      .nullable(),
    /** The last day a meeting of the series may fall on; or null with `count`. */
    until: isoDateSchema.nullable(),
  })
  .superRefine((repeat, ctx) => {
    if ((repeat.count === null) === (repeat.until === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: 'End the series either after a number of meetings or on a date.',
      });
    }
  });
export type SeriesRepeat = z.infer<typeof seriesRepeatSchema>;

/** A stored series: the rule, what calendars were told, and the meetings planned from it. */
export const meetingSeriesSchema = z.strictObject({
  ...recordMeta,
  frequency: z.enum(SERIES_FREQUENCIES),
  interval: z.number().int().min(1).max(12),
  /** date-fns weekday, Monday 1 … Friday 5. */
  weekday: z.number().int().min(1).max(5),
  /** Monthly: which such weekday of the month (1–4, or -1 for the last); weekly: null. */
  week: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]).nullable(),
  /** The first meeting's date (the rule's start). */
  first: isoDateSchema,
  /** Every date the rule gives, skipped ones included (the rule's COUNT). */
  count: z.number().int().min(2).max(MAX_SERIES_MEETINGS),
  /** The end date the BRM gave, if the series was asked for "until" a date. */
  until: isoDateSchema.nullable(),
  time: timeOfDaySchema,
  location: optionalText(LIMITS.name * 5),
  /** Dates of the rule that were skipped: the EXDATEs calendars receive. */
  skipped: z.array(isoDateSchema).max(MAX_SERIES_MEETINGS),
  /** The meetings planned from it, by id (a skipped one is removed). */
  meetingIds: z.array(idSchema).max(MAX_SERIES_MEETINGS),
  /** The series invitation's SEQUENCE: raised whenever the series changes (a meeting skipped). */
  sequence: z.number().int().min(0).max(1_000_000),
});
export type MeetingSeries = z.infer<typeof meetingSeriesSchema>;

export type SeriesRule = Pick<MeetingSeries, 'frequency' | 'interval' | 'weekday' | 'week' | 'first'>;

/** Why a first date cannot start a series, or null. */
export function seriesStartProblem(first: string): string | null {
  const weekday = getDay(parseDay(first));
  return (WORKING_DAYS as readonly number[]).includes(weekday)
    ? null
    : 'A review series meets on a working day: start it on a Monday to Friday.';
}

/**
 * The rule a first date gives: its weekday and, monthly, which such weekday of the month it is. A fifth
 * one (as `nextMeetingDate` has it) becomes "the last", since most months have no fifth.
 */
export function seriesRuleOf(
  first: string,
  repeat: Pick<SeriesRepeat, 'frequency' | 'interval'>,
): SeriesRule {
  const day = parseDay(first);
  const nth = Math.ceil(getDate(day) / 7);
  return {
    frequency: repeat.frequency,
    interval: repeat.interval,
    weekday: getDay(day),
    week: repeat.frequency === 'weekly' ? null : nth >= 5 ? -1 : (nth as 1 | 2 | 3 | 4),
    first,
  };
}

/** The `week`-th `weekday` of the month `month` starts in (the last one for -1). */
function weekdayOfMonth(month: Date, weekday: number, week: number): Date {
  const first = addDays(month, (weekday - getDay(month) + 7) % 7);
  if (week > 0) return addDays(first, (week - 1) * 7);
  const last = addDays(first, 28);
  return last.getMonth() === month.getMonth() ? last : addDays(first, 21);
}

/** The `index`-th date of the rule (0 is the first meeting). */
function occurrence(rule: SeriesRule, index: number): string {
  const first = parseDay(rule.first);
  if (rule.frequency === 'weekly') return formatDay(addWeeks(first, index * rule.interval));
  const month = startOfMonth(addMonths(first, index * rule.interval));
  return formatDay(weekdayOfMonth(month, rule.weekday, rule.week ?? 1));
}

/**
 * Every date of the rule, in order: `count` of them, or those up to `until`. Too many (or none past the
 * first) is refused with a sentence the planner shows.
 */
export function seriesDates(rule: SeriesRule, end: Pick<SeriesRepeat, 'count' | 'until'>): string[] {
  if (end.until !== null && end.until < rule.first) {
    throw new RangeError('The series ends before its first meeting. Choose a later end date.');
  }
  const dates: string[] = [];
  for (let i = 0; ; i++) {
    const date = occurrence(rule, i);
    if (end.count !== null ? i >= end.count : date > end.until!) break;
    if (dates.length === MAX_SERIES_MEETINGS) {
      throw new RangeError(
        `That makes more than ${MAX_SERIES_MEETINGS} meetings. Choose an earlier end date or repeat less often.`,
      );
    }
    dates.push(date);
  }
  if (dates.length < 2) {
    throw new RangeError('That gives only one meeting. Choose a later end date, or plan a single meeting.');
  }
  return dates;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEK_NAMES: Record<string, string> = { '1': '1st', '2': '2nd', '3': '3rd', '4': '4th', '-1': 'last' };

/** "Monthly on the 2nd Wednesday", "Every 2 weeks on Tuesday": how the planner and the page say it. */
export function describeSeriesRule(rule: Pick<SeriesRule, 'frequency' | 'interval' | 'weekday' | 'week'>) {
  const day = WEEKDAY_NAMES[rule.weekday] ?? '';
  if (rule.frequency === 'weekly') {
    return rule.interval === 1 ? `Weekly on ${day}` : `Every ${rule.interval} weeks on ${day}`;
  }
  const which = `the ${WEEK_NAMES[String(rule.week ?? 1)]} ${day}`;
  return rule.interval === 1 ? `Monthly on ${which}` : `Every ${rule.interval} months on ${which}`;
}
