import { describe, expect, it } from 'vitest';
import { nextMeetingDate, parseDay } from './meeting-dates';
import { describeSeriesRule, seriesDates, seriesRuleOf, seriesStartProblem } from './meeting-series';

const monthly = { frequency: 'monthly' as const, interval: 1 };

describe('the dates of a series', () => {
  it('follow the same weekday pattern as "Plan next meeting", month after month', () => {
    // A first to fourth weekday: "the last" differs on purpose (the rule keeps to the last, while the
    // next meeting after a fourth Thursday that happened to be the last is the next month's fourth).
    for (const first of ['2026-01-14', '2026-03-02', '2026-01-22', '2026-05-27', '2026-10-23']) {
      const dates = seriesDates(seriesRuleOf(first, monthly), { count: 24, until: null });
      dates.slice(1).forEach((date, i) => expect(date, `after ${dates[i]}`).toBe(nextMeetingDate(dates[i]!)));
      expect(dates.every((d) => ![0, 6].includes(parseDay(d).getDay()))).toBe(true);
    }
  });

  it('turn a fifth weekday into the last one of each month', () => {
    const rule = seriesRuleOf('2026-04-29', monthly);
    expect(rule.week).toBe(-1);
    expect(describeSeriesRule(rule)).toBe('Monthly on the last Wednesday');
    expect(seriesDates(rule, { count: 3, until: null })).toEqual(['2026-04-29', '2026-05-27', '2026-06-24']);
  });

  it('end on the given date, inclusive', () => {
    const rule = seriesRuleOf('2026-12-01', { frequency: 'weekly', interval: 3 });
    expect(describeSeriesRule(rule)).toBe('Every 3 weeks on Tuesday');
    expect(seriesDates(rule, { count: null, until: '2027-01-12' })).toEqual([
      '2026-12-01',
      '2026-12-22',
      '2027-01-12',
    ]);
  });

  it('refuse a weekend start, a single meeting and more than 60', () => {
    expect(seriesStartProblem('2026-12-05')).toMatch(/Monday to Friday/);
    expect(seriesStartProblem('2026-12-04')).toBeNull();
    const rule = seriesRuleOf('2026-12-01', { frequency: 'weekly', interval: 1 });
    expect(() => seriesDates(rule, { count: null, until: '2026-12-03' })).toThrow(/only one meeting/);
    expect(() => seriesDates(rule, { count: null, until: '2026-11-03' })).toThrow(/ends before/);
    expect(() => seriesDates(rule, { count: null, until: '2028-12-03' })).toThrow(/more than 60/);
  });
});
