import { describe, expect, it } from 'vitest';
import {
  chartText,
  seriesDomain,
  outcomeFieldsSchema,
  outcomeStanding,
  outcomesChangedIn,
  outcomesForAnnualReview,
  parseMeasured,
  valueSeries,
  type Outcome,
} from './outcomes';

const outcome = (values: Array<[string, string]>, over: Partial<Outcome> = {}): Outcome => ({
  id: 'outc000001',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  unitId: 'unit-000001',
  outcome: 'Faster order handling',
  measure: 'Order lead time',
  baseline: '10 days',
  baselineDate: '2026-01-01',
  target: '5 days',
  targetDate: '2026-12-31',
  ownerContactId: null,
  projectIds: [],
  requirementIds: [],
  values: values.map(([date, value], i) => ({
    id: `valu00000${i}`,
    createdAt: `2026-01-0${i + 1}T00:00:00.000Z`,
    date,
    value,
    note: '',
    meetingId: null,
  })),
  ...over,
});

describe('value series', () => {
  it('reads a number with its unit as entered, decimal point or comma', () => {
    expect(parseMeasured('92 %')).toEqual({ value: 92, unit: '%' });
    expect(parseMeasured('3,5 days')).toEqual({ value: 3.5, unit: 'days' });
    expect(parseMeasured('-2')).toEqual({ value: -2, unit: '' });
    expect(parseMeasured('about 5')).toBeNull();
  });

  it('starts with the baseline and orders measured values by date, keeping the text as entered', () => {
    const series = valueSeries(
      outcome([
        ['2026-06-01', '7 days'],
        ['2026-03-01', '9 days'],
      ]),
    );
    expect(series.map((p) => [p.date, p.value, p.text, p.kind])).toEqual([
      ['2026-01-01', 10, '10 days', 'baseline'],
      ['2026-03-01', 9, '9 days', 'measured'],
      ['2026-06-01', 7, '7 days', 'measured'],
    ]);
  });

  it('judges on track, off track, achieved and missed in either direction', () => {
    // Halfway through the year, halfway down from 10 to 5 is 7.5: 7 is ahead, 9 behind.
    expect(outcomeStanding(outcome([['2026-07-02', '7 days']]), '2026-07-10')).toBe('on-track');
    expect(outcomeStanding(outcome([['2026-07-02', '9 days']]), '2026-07-10')).toBe('off-track');
    expect(outcomeStanding(outcome([['2026-07-02', '5 days']]), '2026-07-10')).toBe('achieved');
    expect(outcomeStanding(outcome([['2026-07-02', '9 days']]), '2027-01-05')).toBe('missed');
    expect(outcomeStanding(outcome([]), '2026-07-10')).toBe('not-measured');
    const up = outcome([['2026-07-02', '80 %']], { baseline: '60 %', target: '90 %' });
    expect(outcomeStanding(up, '2026-07-10')).toBe('on-track');
  });

  it('puts due or off-track outcomes on the annual agenda, and changed ones in a period', () => {
    const offTrack = outcome([['2026-07-02', '10 days']], { targetDate: '2028-12-31' });
    const farAndFine = outcome([['2026-01-01', '10 days']], { id: 'outc000002', targetDate: '2030-01-01' });
    const listed = outcomesForAnnualReview([offTrack, farAndFine], '2026-07-10');
    expect(listed.map((o) => [o.outcome.id, o.standing])).toEqual([['outc000001', 'off-track']]);
    expect(outcomesChangedIn([offTrack, farAndFine], { from: '2026-07-01', to: '2026-07-31' })).toEqual([
      offTrack,
    ]);
  });

  it('refuses a target date on or before the baseline date, and numbers without a number', () => {
    const fields = {
      outcome: 'X',
      measure: '',
      baseline: '10 days',
      baselineDate: '2026-05-01',
      target: 'five',
      targetDate: '2026-05-01',
      ownerContactId: null,
      projectIds: [],
      requirementIds: [],
    };
    const result = outcomeFieldsSchema.safeParse(fields);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]),
    );
    expect(messages.targetDate).toMatch(/after the baseline date/);
    expect(messages.target).toMatch(/Start with a number/);
  });
});

describe('chart text', () => {
  it('keeps hostile text as text on one line, without control characters', () => {
    expect(chartText('a\u0000b\nc\uffff<script>')).toBe('a b c <script>');
    expect(chartText('x'.repeat(200)).length).toBe(120);
  });

  it('spans the baseline, the values and the target', () => {
    expect(seriesDomain([{ value: 10 }, { value: 8 }], 5)).toEqual([4.5, 10.5]);
  });
});
