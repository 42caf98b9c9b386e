import { afterEach, describe, expect, it } from 'vitest';
import { dateStyleFor, displayDates, resolveLocale, setDisplayLocale } from './date-format';
import { formatDayLong, formatPeriod } from './meeting-dates';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
  setDisplayLocale('');
});

const ZONES = [
  'Pacific/Kiritimati',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Europe/London',
  'Pacific/Pago_Pago',
];

describe('one date style for screen and Word', () => {
  it('never moves a calendar day, whatever the time zone (DST change days and year ends included)', () => {
    for (const tz of ZONES) {
      process.env.TZ = tz;
      const gb = dateStyleFor('en-GB');
      expect(gb.short('2026-03-08'), tz).toBe('8 Mar 2026');
      expect(gb.short('2026-03-29'), tz).toBe('29 Mar 2026');
      expect(gb.short('2026-12-31'), tz).toBe('31 Dec 2026');
      expect(dateStyleFor('de-DE').full('2026-12-09'), tz).toBe('9. Dezember 2026');
      expect(dateStyleFor('en-US').short('2027-01-01'), tz).toBe('Jan 1, 2027');
      expect(gb.time('14:00'), tz).toBe('14:00');
    }
  });

  it('writes each locale as its readers expect', () => {
    expect(dateStyleFor('de-DE').long('2026-12-09')).toBe('Mittwoch, 9. Dezember 2026');
    expect(dateStyleFor('en-GB').long('2026-12-09')).toContain('9 December 2026');
    expect(dateStyleFor('en-US').long('2026-12-09')).toBe('Wednesday, December 9, 2026');
    expect(dateStyleFor('fr-FR').full('2026-12-09')).toBe('9 décembre 2026');
    expect(dateStyleFor('en-US').time('14:05')).toBe('2:05 PM');
    expect(dateStyleFor('de-DE').time('14:05')).toBe('14:05');
    expect(dateStyleFor('en-GB').period('2026-10-01', '2026-10-31')).toBe('1 Oct 2026 – 31 Oct 2026');
    expect(dateStyleFor('en-GB').month('2026-10-01')).toBe('Oct 2026');
  });

  it('falls back to the system locale when the setting is empty, and to British English for nonsense', () => {
    expect(resolveLocale('')).toBe(new Intl.DateTimeFormat().resolvedOptions().locale);
    expect(resolveLocale('de-DE')).toBe('de-DE');
    expect(resolveLocale('zz-ZZ!')).toBe('en-GB');
    expect(dateStyleFor('en-US').letterPaper).toBe(true);
    expect(dateStyleFor('en-GB').letterPaper).toBe(false);
    expect(dateStyleFor('de-DE').letterPaper).toBe(false);
  });

  it('drives the screen’s day and period labels from the setting', () => {
    setDisplayLocale('de-DE');
    expect(displayDates().locale).toBe('de-DE');
    expect(formatDayLong('2026-12-09')).toBe('Mi., 9. Dez. 2026');
    expect(formatPeriod('2026-11-01', '2026-11-30')).toBe('1. Nov. 2026 – 30. Nov. 2026');
    setDisplayLocale('en-GB');
    expect(formatDayLong('2026-12-09')).toBe('Wed, 9 Dec 2026');
  });
});
