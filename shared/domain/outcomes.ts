/**
 * Value realisation (seed 000: "formally analyse the results of provider investments"): the business
 * outcomes a unit's IT work should deliver, each with a measure, a baseline, a target by a date, and the
 * values measured over time. Values keep the text as the BRM entered it ("92 %", "3.5 days"); the number
 * at its start is what is charted and judged.
 */
import { z } from 'zod';
import {
  LIMITS,
  idSchema,
  isoDateSchema,
  optionalText,
  recordMeta,
  requiredName,
  type IsoDate,
} from './common';
import { requiredDate } from './meetings';
import { daysBetween } from './register-rules';

const MEASURED = /^\s*([-+]?\d+(?:[.,]\d+)?)\s*(\S.*)?$/s;

/** "92 %" → 92 and "%"; "3,5 days" → 3.5 and "days"; null when the text does not start with a number. */
export function parseMeasured(text: string): { value: number; unit: string } | null {
  const match = MEASURED.exec(text);
  if (!match) return null;
  const value = Number(match[1]!.replace(',', '.'));
  return Number.isFinite(value) ? { value, unit: (match[2] ?? '').trim() } : null;
}

/** A number with its unit, as entered: kept verbatim, refused unless it starts with a number. */
export const measuredTextSchema = z
  .string()
  .trim()
  .min(1, 'Enter a number, with its unit if it has one (e.g. 92 %).')
  .max(LIMITS.name, `This can be at most ${LIMITS.name} characters.`)
  .refine((text) => parseMeasured(text) !== null, 'Start with a number, then its unit if any (e.g. 92 %).');

export const outcomeFieldsShape = z.strictObject({
  outcome: requiredName('Outcome'),
  measure: optionalText(LIMITS.name),
  baseline: measuredTextSchema,
  baselineDate: requiredDate('Give the date of the baseline.'),
  target: measuredTextSchema,
  targetDate: requiredDate('Give the date the target is due.'),
  /** The business owner: a contact of the unit. */
  ownerContactId: idSchema.nullable(),
  projectIds: z.array(idSchema).max(200),
  requirementIds: z.array(idSchema).max(200),
});

export const outcomeFieldsSchema = outcomeFieldsShape.superRefine((fields, ctx) => {
  if (fields.targetDate <= fields.baselineDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['targetDate'],
      message: 'The target date must be after the baseline date.',
    });
  }
  if (parseMeasured(fields.baseline)?.value === parseMeasured(fields.target)?.value) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'The target is the same as the baseline.' });
  }
});
export type OutcomeFields = z.infer<typeof outcomeFieldsSchema>;

export const outcomeValueSchema = z.strictObject({
  id: idSchema,
  createdAt: recordMeta.createdAt,
  date: isoDateSchema,
  /** As entered, unit included. */
  value: z.string().max(LIMITS.name),
  note: optionalText(LIMITS.shortText),
  /** The meeting it was reported in, or null when recorded outside one. */
  meetingId: idSchema.nullable(),
});
export type OutcomeValue = z.infer<typeof outcomeValueSchema>;

export const outcomeSchema = z.strictObject({
  ...recordMeta,
  ...outcomeFieldsShape.shape,
  unitId: idSchema,
  values: z.array(outcomeValueSchema).max(LIMITS.list),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const emptyOutcomeFields = (): OutcomeFields => ({
  outcome: '',
  measure: '',
  baseline: '',
  baselineDate: '',
  target: '',
  targetDate: '',
  ownerContactId: null,
  projectIds: [],
  requirementIds: [],
});

export interface SeriesPoint {
  date: IsoDate;
  value: number;
  /** As entered. */
  text: string;
  kind: 'baseline' | 'measured';
}

/** The baseline, then every measured value that parses, by date (same day: in the order recorded). */
export function valueSeries(outcome: Pick<Outcome, 'baseline' | 'baselineDate' | 'values'>): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  const base = parseMeasured(outcome.baseline);
  if (base)
    points.push({ date: outcome.baselineDate, value: base.value, text: outcome.baseline, kind: 'baseline' });
  const measured = [...outcome.values].sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
  for (const v of measured) {
    const parsed = parseMeasured(v.value);
    if (parsed) points.push({ date: v.date, value: parsed.value, text: v.value, kind: 'measured' });
  }
  return points;
}

export const OUTCOME_STANDINGS = ['achieved', 'on-track', 'off-track', 'not-measured', 'missed'] as const;
export type OutcomeStanding = (typeof OUTCOME_STANDINGS)[number];
export const OUTCOME_STANDING_LABELS: Record<OutcomeStanding, string> = {
  achieved: 'Achieved',
  'on-track': 'On track',
  'off-track': 'Off track',
  'not-measured': 'Not measured yet',
  missed: 'Missed',
};

/** How far along the way from baseline to target a value is: 0 at the baseline, 1 at the target. */
export function progressOf(outcome: Pick<Outcome, 'baseline' | 'target'>, value: number): number | null {
  const base = parseMeasured(outcome.baseline)?.value;
  const target = parseMeasured(outcome.target)?.value;
  if (base === undefined || target === undefined || base === target) return null;
  return (value - base) / (target - base);
}

/**
 * Where an outcome stands: achieved once the latest value reaches the target (either direction); missed
 * when the target date has passed without it; off track when the latest value is behind the straight line
 * from the baseline to the target on the day it was measured; not measured while there is no value yet.
 */
export function outcomeStanding(outcome: Outcome, today: IsoDate): OutcomeStanding {
  const latest = valueSeries(outcome)
    .filter((p) => p.kind === 'measured')
    .at(-1);
  if (!latest) return today > outcome.targetDate ? 'missed' : 'not-measured';
  const progress = progressOf(outcome, latest.value) ?? 0;
  if (progress >= 1) return 'achieved';
  if (today > outcome.targetDate) return 'missed';
  const span = daysBetween(outcome.baselineDate, outcome.targetDate);
  const expected = span > 0 ? Math.max(0, daysBetween(outcome.baselineDate, latest.date)) / span : 1;
  return progress + 1e-9 >= expected ? 'on-track' : 'off-track';
}

/** Days before its target date that an outcome counts as due (the annual review looks a year ahead). */
export const OUTCOME_DUE_DAYS = 365;

/** For the annual review: outcomes due within a year, or off track or missed, and not yet achieved. */
export function outcomesForAnnualReview(
  outcomes: readonly Outcome[],
  today: IsoDate,
): Array<{ outcome: Outcome; standing: OutcomeStanding; due: boolean }> {
  return outcomes
    .map((outcome) => ({
      outcome,
      standing: outcomeStanding(outcome, today),
      due: daysBetween(today, outcome.targetDate) <= OUTCOME_DUE_DAYS,
    }))
    .filter(
      (o) => o.standing !== 'achieved' && (o.due || o.standing === 'off-track' || o.standing === 'missed'),
    )
    .sort((a, b) => a.outcome.targetDate.localeCompare(b.outcome.targetDate));
}

/** For a periodic review: outcomes with a value recorded in its period. */
export function outcomesChangedIn(
  outcomes: readonly Outcome[],
  period: { from: IsoDate; to: IsoDate },
): Outcome[] {
  return outcomes.filter((o) => o.values.some((v) => v.date >= period.from && v.date <= period.to));
}

/**
 * Text that goes into a chart (titles, tooltips): one line, no control or non-characters, clipped. The
 * chart is SVG, drawn on screen and into Word reports, and a stray control character breaks either.
 */
export function chartText(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f\ufffe\uffff]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** The chart's vertical range: baseline, target and every value, with a little room around them. */
export function seriesDomain(points: readonly { value: number }[], target: number): [number, number] {
  const values = [...points.map((p) => p.value), target];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max === min ? Math.max(1, Math.abs(max) * 0.1) : (max - min) * 0.1;
  return [min - pad, max + pad];
}
