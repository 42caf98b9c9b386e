import { setDisplayLocale } from '../../shared/domain/date-format';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultDueDate,
  defaultPeriod,
  dueDateProblem,
  formatDayLong,
  isOverdue,
  nextMeetingDate,
  todayOf,
} from '../../shared/domain/meeting-dates';

/**
 * The rules run in this process's zone and again in zones far from UTC: Node honours a change of
 * process.env.TZ at run time, so each block below really computes in that zone (checked by its offset).
 */
const ZONES = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata'] as const;
const originalTz = process.env.TZ;
afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe.each(ZONES)('meeting dates in %s', (zone) => {
  const inZone = (fn: () => void) => () => {
    process.env.TZ = zone;
    fn();
  };

  it(
    'really runs in that zone',
    inZone(() => {
      const offsets = {
        UTC: 0,
        'Pacific/Kiritimati': -840,
        'America/Los_Angeles': 480,
        'Asia/Kolkata': -330,
      };
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(offsets[zone]);
    }),
  );

  it(
    'plans the next periodic review one month later, the 31st becoming the month end',
    inZone(() => {
      expect(nextMeetingDate('2026-03-10')).toBe('2026-04-10');
      expect(nextMeetingDate('2026-01-31')).toBe('2026-02-28');
      expect(nextMeetingDate('2024-01-31')).toBe('2024-02-29'); // leap year
      expect(nextMeetingDate('2024-01-30')).toBe('2024-02-29');
      expect(nextMeetingDate('2026-03-31')).toBe('2026-04-30');
      expect(nextMeetingDate('2026-12-15')).toBe('2027-01-15');
      expect(nextMeetingDate('2024-02-29')).toBe('2024-03-29');
      // Across the daylight-saving changes of both hemispheres.
      expect(nextMeetingDate('2026-02-08')).toBe('2026-03-08');
      expect(nextMeetingDate('2026-10-04')).toBe('2026-11-04');
      expect(nextMeetingDate('2026-03-29')).toBe('2026-04-29');
    }),
  );

  it(
    'defaults the period under review',
    inZone(() => {
      expect(defaultPeriod('periodic', '2026-03-10')).toEqual({
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
      });
      expect(defaultPeriod('periodic', '2024-03-31')).toEqual({
        periodStart: '2024-02-01',
        periodEnd: '2024-02-29',
      });
      expect(defaultPeriod('periodic', '2026-01-05')).toEqual({
        periodStart: '2025-12-01',
        periodEnd: '2025-12-31',
      });
      expect(defaultPeriod('annual', '2026-03-10')).toEqual({
        periodStart: '2025-03-01',
        periodEnd: '2026-02-28',
      });
      expect(defaultPeriod('annual', '2025-01-20')).toEqual({
        periodStart: '2024-01-01',
        periodEnd: '2024-12-31',
      });
      expect(defaultPeriod('adhoc', '2026-03-10')).toBeNull();
    }),
  );

  it(
    'keeps due dates on the same calendar day',
    inZone(() => {
      expect(defaultDueDate('2026-03-01')).toBe('2026-03-15'); // across the US spring change
      expect(defaultDueDate('2026-10-20')).toBe('2026-11-03'); // across the European/US autumn changes
      expect(defaultDueDate('2024-02-20')).toBe('2024-03-05'); // through 29 February
      expect(defaultDueDate('2026-12-25')).toBe('2027-01-08');
      setDisplayLocale('en-GB');
      expect(formatDayLong('2026-03-08')).toBe('Sun, 8 Mar 2026');
      expect(dueDateProblem('2026-03-09', '2026-03-10')).toContain('before the meeting (Tue, 10 Mar 2026)');
      expect(dueDateProblem('2026-03-10', '2026-03-10')).toBeNull();
    }),
  );

  it(
    "takes today from this computer's calendar, not UTC's",
    inZone(() => {
      // 23:30 local on 8 March is still 8 March here, whatever the UTC date is.
      expect(todayOf(new Date(2026, 2, 8, 23, 30))).toBe('2026-03-08');
      expect(todayOf(new Date(2026, 2, 8, 0, 30))).toBe('2026-03-08');
      expect(isOverdue({ status: 'open', dueDate: '2026-03-07' }, '2026-03-08')).toBe(true);
      expect(isOverdue({ status: 'open', dueDate: '2026-03-08' }, '2026-03-08')).toBe(false);
      expect(isOverdue({ status: 'done', dueDate: '2026-03-01' }, '2026-03-08')).toBe(false);
    }),
  );
});
