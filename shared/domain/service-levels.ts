/**
 * Judging service results against agreed targets. A target says which way is good: availability
 * must be at least 99.5 %, a resolution time at most 8 h. Reaching the target exactly meets it.
 */
import { addMonths, eachMonthOfInterval, format, parse } from 'date-fns';
import { TARGET_DIRECTION_SYMBOLS, type Agreement, type TargetDirection } from './registers';
import type { Month, ServiceResult } from './review-pack';
import { displayDates } from './date-format';

/** One service level of one agreement, flattened for judging and showing results. */
export interface ServiceLevelRef {
  agreementId: string;
  agreementTitle: string;
  serviceLevelId: string;
  service: string;
  metric: string;
  target: number;
  /** What the numbers are in: "%", "h", "tickets". */
  unit: string;
  direction: TargetDirection;
}

/** Every service level of the agreements, in their order: what results can be recorded against. */
export function serviceLevelsOf(agreements: readonly Agreement[]): ServiceLevelRef[] {
  return agreements.flatMap((agreement) =>
    agreement.services.flatMap((service) =>
      service.levels.map((level) => ({
        agreementId: agreement.id,
        agreementTitle: agreement.title,
        serviceLevelId: level.id,
        service: service.name,
        metric: level.metric,
        target: level.target,
        unit: level.unit,
        direction: level.direction,
      })),
    ),
  );
}

export type Verdict = 'met' | 'missed';
export const VERDICT_LABELS: Record<Verdict, string> = { met: 'Met', missed: 'Missed' };

/**
 * Values typed as decimals (99.5) compare exactly, but values computed by a tool (an average) can be a
 * hair off the target; a relative tolerance keeps 99.49999999999 from counting as a miss of 99.5.
 */
const TOLERANCE = 1e-9;

export function judge(level: Pick<ServiceLevelRef, 'target' | 'direction'>, achieved: number): Verdict {
  const slack = TOLERANCE * Math.max(1, Math.abs(level.target));
  const met =
    level.direction === 'at-least' ? achieved >= level.target - slack : achieved <= level.target + slack;
  return met ? 'met' : 'missed';
}

/** "≥ 99.5 %", "≤ 8 h": the target as people write it. */
export function describeTarget(level: Pick<ServiceLevelRef, 'target' | 'direction' | 'unit'>): string {
  return `${TARGET_DIRECTION_SYMBOLS[level.direction]} ${formatValue(level.target, level.unit)}`;
}

/** A value with its unit; a percent sign sits close, words keep a space ("99.5 %" is the SI style). */
export function formatValue(value: number, unit: string): string {
  const number = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(4)));
  return unit ? `${number} ${unit}` : number;
}

// ── Months ────────────────────────────────────────────────────────────────────

const parseMonth = (month: Month) => parse(`${month}-01`, 'yyyy-MM-dd', new Date(2000, 0, 1));
const parseDate = (date: string) => parse(date, 'yyyy-MM-dd', new Date(2000, 0, 1));

/** The calendar months a period touches: a meeting's period under review, by its first and last day. */
export function monthsOfPeriod(periodStart: string, periodEnd: string): Month[] {
  const start = parseDate(periodStart);
  const end = parseDate(periodEnd);
  if (end < start) return [];
  return eachMonthOfInterval({ start, end }).map((d) => format(d, 'yyyy-MM'));
}

/** The `count` months ending with `last`, oldest first: the window of a trend chart. */
export function monthsEndingWith(last: Month, count: number): Month[] {
  const end = parseMonth(last);
  return Array.from({ length: count }, (_, i) => format(addMonths(end, i - count + 1), 'yyyy-MM'));
}

/** "Oct 2026" */
export function monthLabel(month: Month): string {
  return displayDates().month(`${month}-01`);
}

// ── Results with verdicts ─────────────────────────────────────────────────────

export interface JudgedResult {
  level: ServiceLevelRef;
  month: Month;
  achieved: number;
  verdict: Verdict;
  note: string;
}

const levelKey = (agreementId: string, serviceLevelId: string) => `${agreementId}/${serviceLevelId}`;

/** Each result whose service level still exists, judged against that level's current target. */
export function judgeResults(
  levels: readonly ServiceLevelRef[],
  results: readonly ServiceResult[],
): JudgedResult[] {
  const byKey = new Map(levels.map((l) => [levelKey(l.agreementId, l.serviceLevelId), l]));
  const out: JudgedResult[] = [];
  for (const r of results) {
    const level = byKey.get(levelKey(r.agreementId, r.serviceLevelId));
    if (!level) continue;
    out.push({
      level,
      month: r.month,
      achieved: r.achieved,
      verdict: judge(level, r.achieved),
      note: r.note,
    });
  }
  return out;
}

/** One row of the service performance table: a service level and its result in each month asked for. */
export interface PerformanceRow {
  level: ServiceLevelRef;
  /** Month → result, for the months that have one. */
  byMonth: Record<Month, JudgedResult>;
}

/**
 * The performance table for some months: one row per service level (in the agreements' order), with
 * the result of each month. Levels without any result in those months are left out unless asked for.
 */
export function performanceTable(
  levels: readonly ServiceLevelRef[],
  results: readonly ServiceResult[],
  months: readonly Month[],
  options: { includeEmpty?: boolean } = {},
): PerformanceRow[] {
  const wanted = new Set(months);
  const judged = judgeResults(
    levels,
    results.filter((r) => wanted.has(r.month)),
  );
  return levels
    .map((level) => {
      const byMonth: Record<Month, JudgedResult> = {};
      for (const j of judged) {
        if (j.level === level) byMonth[j.month] = j;
      }
      return { level, byMonth };
    })
    .filter((row) => options.includeEmpty || Object.keys(row.byMonth).length > 0);
}

/** A service level's history over a window of months: a point per month that has a value. */
export interface TrendPoint {
  month: Month;
  achieved: number;
  verdict: Verdict;
}

export function trendOf(
  level: ServiceLevelRef,
  results: readonly ServiceResult[],
  window: readonly Month[],
): TrendPoint[] {
  const wanted = new Set(window);
  return results
    .filter(
      (r) =>
        r.agreementId === level.agreementId &&
        r.serviceLevelId === level.serviceLevelId &&
        wanted.has(r.month),
    )
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((r) => ({ month: r.month, achieved: r.achieved, verdict: judge(level, r.achieved) }));
}
