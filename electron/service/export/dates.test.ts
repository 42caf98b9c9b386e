import { afterEach, describe, expect, it } from 'vitest';
import { dateLocaleFor, dateStyleFor } from './dates';

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('document dates', () => {
  it('never moves a date a day, whatever the time zone (DST change days included)', () => {
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London']) {
      process.env.TZ = tz;
      const dates = dateStyleFor('en-GB');
      expect(dates.short('2026-03-08'), tz).toBe('8 Mar 2026');
      expect(dates.short('2026-03-29'), tz).toBe('29 Mar 2026');
      expect(dates.long('2026-11-01'), tz).toBe('Sunday, 1 November 2026');
    }
  });

  it('formats for the locale in the settings', () => {
    expect(dateStyleFor('de-DE').long('2026-11-24')).toBe('Dienstag, 24. November 2026');
    expect(dateStyleFor('en-US').short('2026-11-24')).toBe('Nov 24, 2026');
    expect(dateStyleFor('en-US').time('14:05')).toBe('2:05 PM');
    expect(dateStyleFor('en-GB').time('14:05')).toBe('14:05');
    expect(dateStyleFor('en-GB').period('2026-10-01', '2026-10-31')).toBe('1 Oct 2026 – 31 Oct 2026');
  });

  it('finds the nearest date-fns locale and the paper size that goes with it', () => {
    expect(dateLocaleFor('de-AT').code).toBe('de-AT');
    expect(dateLocaleFor('de-DE').code).toBe('de');
    expect(dateLocaleFor('en').code).toBe('en-US');
    expect(dateLocaleFor('xx-YY').code).toBe('en-GB');
    expect(dateStyleFor('en-US').letterPaper).toBe(true);
    expect(dateStyleFor('en-GB').letterPaper).toBe(false);
  });
});
