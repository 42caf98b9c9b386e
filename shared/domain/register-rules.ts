import {
  addDays,
  differenceInCalendarDays,
  format,
  getQuarter,
  parse,
  startOfQuarter,
  subDays,
  subMonths,
} from 'date-fns';
import type { IsoDate } from './common';
import {
  TARGET_DIRECTION_SYMBOLS,
  isAgreementInForce,
  type Agreement,
  type Feedback,
  type Survey,
} from './registers';
import { TIME_ACTIVITIES, isRelationshipCentric, type TimeActivity, type TimeEntry } from './time-log';

/** Date-only strings are local calendar days: parse them as local midnight, never as UTC. */
export const parseIsoDate = (date: IsoDate): Date => parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1));
export const toIsoDate = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
export const daysBetween = (from: IsoDate, to: IsoDate): number =>
  differenceInCalendarDays(parseIsoDate(to), parseIsoDate(from));

const round = (value: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

// ── Agreements ────────────────────────────────────────────────────────────────

/** Seed 002 makes the BRM negotiate agreements before they lapse: a quarter's notice is the default. */
export const AGREEMENT_DUE_DAYS = 90;

export interface AgreementDue {
  /** Which date makes the agreement due: its review, or its end. */
  reason: 'review' | 'end';
  date: IsoDate;
  /** Days from today; negative when the date has passed. */
  days: number;
}

/**
 * When an agreement in force needs the BRM: its review or end date falls within `withinDays` of today,
 * or has already passed without the agreement being updated. Drafts and expired agreements never do.
 */
export function agreementDue(
  agreement: Pick<Agreement, 'status' | 'reviewDate' | 'endDate'>,
  today: IsoDate,
  withinDays: number = AGREEMENT_DUE_DAYS,
): AgreementDue | null {
  if (!isAgreementInForce(agreement.status)) return null;
  const candidates: AgreementDue[] = [];
  if (agreement.reviewDate)
    candidates.push({
      reason: 'review',
      date: agreement.reviewDate,
      days: daysBetween(today, agreement.reviewDate),
    });
  if (agreement.endDate)
    candidates.push({ reason: 'end', date: agreement.endDate, days: daysBetween(today, agreement.endDate) });
  const due = candidates.filter((c) => c.days <= withinDays).sort((a, b) => a.days - b.days);
  return due[0] ?? null;
}

/** Agreements due for review or renewal, the most urgent first. */
export function dueAgreements<A extends Pick<Agreement, 'status' | 'reviewDate' | 'endDate'>>(
  agreements: readonly A[],
  today: IsoDate,
  withinDays: number = AGREEMENT_DUE_DAYS,
): Array<{ agreement: A; due: AgreementDue }> {
  return agreements
    .map((agreement) => ({ agreement, due: agreementDue(agreement, today, withinDays) }))
    .filter((x): x is { agreement: A; due: AgreementDue } => x.due !== null)
    .sort((a, b) => a.due.days - b.due.days);
}

/** "Review in 23 days", "End date passed 4 days ago": how the register and dashboard phrase it. */
export function describeDue(due: AgreementDue): string {
  const what = due.reason === 'review' ? 'Review' : 'Ends';
  if (due.days === 0) return due.reason === 'review' ? 'Review due today' : 'Ends today';
  if (due.days > 0) return `${what} in ${due.days} day${due.days === 1 ? '' : 's'}`;
  const ago = -due.days;
  return due.reason === 'review'
    ? `Review overdue by ${ago} day${ago === 1 ? '' : 's'}`
    : `Ended ${ago} day${ago === 1 ? '' : 's'} ago`;
}

/** "Email: Availability ≥ 99.5 %, Restore time ≤ 4 h": an agreement's services, one line each. */
export function serviceLines(agreement: Pick<Agreement, 'services'>): string[] {
  return agreement.services.map((s) => {
    const levels = s.levels.map(
      (l) => `${l.metric} ${TARGET_DIRECTION_SYMBOLS[l.direction]} ${l.target}${l.unit ? ` ${l.unit}` : ''}`,
    );
    return levels.length ? `${s.name}: ${levels.join(', ')}` : s.name;
  });
}

// ── Satisfaction ──────────────────────────────────────────────────────────────

/** A survey's result: the mean of the scores given (unanswered questions do not count). */
export function surveyAverage(survey: Pick<Survey, 'scores'>): number | null {
  const scores = Object.values(survey.scores);
  if (scores.length === 0) return null;
  return round(scores.reduce((a, b) => a + b, 0) / scores.length);
}

export interface SatisfactionPoint {
  /** The survey's date, or the first day of the quarter for quarterly figures. */
  date: IsoDate;
  label: string;
  average: number;
  /** How many surveys the point is made of. */
  count: number;
}

export interface SatisfactionSummary {
  points: SatisfactionPoint[];
  latest: SatisfactionPoint | null;
  previous: SatisfactionPoint | null;
  /** latest − previous, or null without two results. */
  change: number | null;
}

const summarise = (points: SatisfactionPoint[]): SatisfactionSummary => {
  const latest = points.at(-1) ?? null;
  const previous = points.at(-2) ?? null;
  return {
    points,
    latest,
    previous,
    change: latest && previous ? round(latest.average - previous.average) : null,
  };
};

const bySurveyDate = (a: Survey, b: Survey) =>
  a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt);

/** One unit's results survey by survey: its trend, its latest result and the change against the one before. */
export function unitSatisfaction(surveys: readonly Survey[]): SatisfactionSummary {
  const points: SatisfactionPoint[] = [];
  for (const survey of [...surveys].sort(bySurveyDate)) {
    const average = surveyAverage(survey);
    if (average !== null) points.push({ date: survey.date, label: survey.date, average, count: 1 });
  }
  return summarise(points);
}

/**
 * Results across units, per calendar quarter: the mean of the survey results in the quarter. Units survey
 * at different times, so a quarter is the smallest period in which their results can be compared.
 */
export function quarterlySatisfaction(surveys: readonly Survey[]): SatisfactionSummary {
  const buckets = new Map<string, { date: IsoDate; label: string; sum: number; count: number }>();
  for (const survey of surveys) {
    const average = surveyAverage(survey);
    if (average === null) continue;
    const day = parseIsoDate(survey.date);
    const start = toIsoDate(startOfQuarter(day));
    const bucket = buckets.get(start) ?? {
      date: start,
      label: `Q${getQuarter(day)} ${format(day, 'yyyy')}`,
      sum: 0,
      count: 0,
    };
    bucket.sum += average;
    bucket.count += 1;
    buckets.set(start, bucket);
  }
  const points = [...buckets.values()]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((b) => ({ date: b.date, label: b.label, average: round(b.sum / b.count), count: b.count }));
  return summarise(points);
}

/** The middle of the quarter a quarterly point stands for: where it belongs on a time axis. */
export const quarterMiddle = (quarterStart: IsoDate): IsoDate =>
  toIsoDate(addDays(parseIsoDate(quarterStart), 45));

// ── Complaints and compliments ────────────────────────────────────────────────

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export const inRange = (date: IsoDate, range: DateRange): boolean => date >= range.from && date <= range.to;

/** The last `months` months up to today, and the same length of time before them. */
export function comparisonPeriods(
  today: IsoDate,
  months: number,
): { current: DateRange; previous: DateRange } {
  // Counted back from the day after today, so month ends line up (31 May → from 1 March, not 29 February).
  const after = addDays(parseIsoDate(today), 1);
  const currentStart = subMonths(after, months);
  const previousStart = subMonths(after, months * 2);
  return {
    current: { from: toIsoDate(currentStart), to: today },
    previous: { from: toIsoDate(previousStart), to: toIsoDate(subDays(currentStart, 1)) },
  };
}

export interface ComplaintComparison {
  current: DateRange & { complaints: number; compliments: number };
  previous: DateRange & { complaints: number; compliments: number };
}

/** Seed 002's measure "the number of complaints": this period against the one before. */
export function compareComplaints(
  feedback: readonly Pick<Feedback, 'kind' | 'date'>[],
  today: IsoDate,
  months = 3,
): ComplaintComparison {
  const { current, previous } = comparisonPeriods(today, months);
  const count = (range: DateRange, kind: Feedback['kind']) =>
    feedback.filter((f) => f.kind === kind && inRange(f.date, range)).length;
  return {
    current: {
      ...current,
      complaints: count(current, 'complaint'),
      compliments: count(current, 'compliment'),
    },
    previous: {
      ...previous,
      complaints: count(previous, 'complaint'),
      compliments: count(previous, 'compliment'),
    },
  };
}

// ── The BRM's time ────────────────────────────────────────────────────────────

export interface TimeSplit {
  hours: Record<TimeActivity, number>;
  /** Percent of the logged hours per activity (0 when nothing is logged). */
  share: Record<TimeActivity, number>;
  totalHours: number;
  /** Seed 000's headline: the share of time spent on relationship-centric activities. */
  relationshipShare: number;
}

export function timeSplit(entries: readonly Pick<TimeEntry, 'activity' | 'hours'>[]): TimeSplit {
  const hours = Object.fromEntries(TIME_ACTIVITIES.map((a) => [a, 0])) as Record<TimeActivity, number>;
  for (const entry of entries) hours[entry.activity] += entry.hours;
  const totalHours = round(
    TIME_ACTIVITIES.reduce((sum, a) => sum + hours[a], 0),
    2,
  );
  const share = Object.fromEntries(
    TIME_ACTIVITIES.map((a) => [a, totalHours > 0 ? round((hours[a] / totalHours) * 100, 1) : 0]),
  ) as Record<TimeActivity, number>;
  return { hours, share, totalHours, relationshipShare: relationshipShareOf(share) };
}

/** The relationship-centric part of a split given in percent (a logged split or the ideal one). */
export function relationshipShareOf(split: Record<TimeActivity, number>): number {
  return round(
    TIME_ACTIVITIES.filter(isRelationshipCentric).reduce((sum, a) => sum + split[a], 0),
    1,
  );
}

/** Years a date range touches: the time log keeps one file per year. */
export function yearsOf(range: DateRange): string[] {
  const years: string[] = [];
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y++) years.push(String(y));
  return years;
}

/** The period a time view shows: this month, the last three months, or this calendar year. */
export type TimePeriod = 'month' | 'three-months' | 'year';
export function timePeriodRange(period: TimePeriod, today: IsoDate): DateRange {
  switch (period) {
    case 'month':
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case 'three-months':
      return comparisonPeriods(today, 3).current;
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/**
 * The coming twelve months from a date, up to the day before its anniversary (the annual review's window).
 * The anniversary of 29 February is 1 March, so the window ends on 28 February.
 */
export function nextTwelveMonths(from: IsoDate): DateRange {
  const day = parseIsoDate(from);
  const anniversary = new Date(day.getFullYear() + 1, day.getMonth(), day.getDate());
  return { from, to: toIsoDate(subDays(anniversary, 1)) };
}
