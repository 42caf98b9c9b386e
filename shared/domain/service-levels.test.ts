import { describe, expect, it } from 'vitest';
import type { ServiceResult } from './review-pack';
import {
  describeTarget,
  judge,
  monthsEndingWith,
  monthsOfPeriod,
  performanceTable,
  trendOf,
  type ServiceLevelRef,
} from './service-levels';

const availability: ServiceLevelRef = {
  agreementId: 'agreement1',
  agreementTitle: 'Retail SLA',
  serviceLevelId: 'level-availability',
  service: 'Online banking',
  metric: 'Availability',
  target: 99.5,
  unit: '%',
  direction: 'at-least',
};
const resolution: ServiceLevelRef = {
  ...availability,
  serviceLevelId: 'level-resolution',
  metric: 'P1 resolution time',
  target: 8,
  unit: 'h',
  direction: 'at-most',
};

const result = (level: ServiceLevelRef, month: string, achieved: number): ServiceResult => ({
  id: `r-${level.serviceLevelId}-${month}`,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  agreementId: level.agreementId,
  serviceLevelId: level.serviceLevelId,
  month,
  achieved,
  note: '',
  source: 'typed',
});

describe('met / missed', () => {
  it('judges "at least" targets: higher is better, the target itself is met', () => {
    expect(judge(availability, 99.7)).toBe('met');
    expect(judge(availability, 99.5)).toBe('met');
    expect(judge(availability, 99.49)).toBe('missed');
    expect(judge(availability, 99.49999999999999)).toBe('met');
  });

  it('judges "at most" targets: lower is better, the target itself is met', () => {
    expect(judge(resolution, 6.5)).toBe('met');
    expect(judge(resolution, 8)).toBe('met');
    expect(judge(resolution, 8.01)).toBe('missed');
    expect(judge({ target: 0, direction: 'at-most' }, 1)).toBe('missed');
    expect(judge({ target: 0, direction: 'at-most' }, 0)).toBe('met');
  });

  it('writes targets the way people do', () => {
    expect(describeTarget(availability)).toBe('≥ 99.5 %');
    expect(describeTarget(resolution)).toBe('≤ 8 h');
    expect(describeTarget({ target: 3, direction: 'at-most', unit: '' })).toBe('≤ 3');
  });
});

describe('months', () => {
  it('lists the months a period touches', () => {
    expect(monthsOfPeriod('2026-10-01', '2026-10-31')).toEqual(['2026-10']);
    expect(monthsOfPeriod('2025-11-15', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOfPeriod('2026-10-31', '2026-10-01')).toEqual([]);
  });

  it('gives a trend window ending with a month, across a year end', () => {
    expect(monthsEndingWith('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('performance table and trend', () => {
  const results = [
    result(availability, '2026-09', 99.9),
    result(availability, '2026-10', 98.2),
    result(resolution, '2026-10', 7),
    result({ ...availability, serviceLevelId: 'level-gone' }, '2026-10', 10),
  ];

  it('has a row per level with a result in the months asked for, judged', () => {
    const rows = performanceTable([availability, resolution], results, ['2026-10']);
    expect(rows.map((r) => [r.level.metric, r.byMonth['2026-10']?.verdict])).toEqual([
      ['Availability', 'missed'],
      ['P1 resolution time', 'met'],
    ]);
    expect(performanceTable([availability, resolution], results, ['2026-08'])).toEqual([]);
    expect(performanceTable([resolution], results, ['2026-08'], { includeEmpty: true })).toHaveLength(1);
  });

  it('draws a trend from the results in the window, oldest first', () => {
    expect(trendOf(availability, [...results].reverse(), monthsEndingWith('2026-10', 12))).toEqual([
      { month: '2026-09', achieved: 99.9, verdict: 'met' },
      { month: '2026-10', achieved: 98.2, verdict: 'missed' },
    ]);
  });
});
