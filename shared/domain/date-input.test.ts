import { describe, expect, it } from 'vitest';
import {
  dateInputPattern,
  formatDateInput,
  formatTimeInput,
  parseDateInput,
  parseTimeInput,
} from './date-input';

describe('date fields in the locale of the setting', () => {
  it('show the stored day in the locale’s numeric order', () => {
    expect(formatDateInput('2026-12-09', 'de-DE')).toBe('09.12.2026');
    expect(formatDateInput('2026-12-09', 'en-GB')).toBe('09/12/2026');
    expect(formatDateInput('2026-12-09', 'en-US')).toBe('12/09/2026');
    expect(formatDateInput('', 'de-DE')).toBe('');
    expect(dateInputPattern('de-DE').pattern).toBe('DD.MM.YYYY');
    expect(dateInputPattern('en-US').pattern).toBe('MM/DD/YYYY');
  });

  it('read what is typed in that order, and ISO dates pasted from a file', () => {
    expect(parseDateInput('24.12.2026', 'de-DE')).toEqual({ ok: true, value: '2026-12-24' });
    expect(parseDateInput('24/12/2026', 'en-GB')).toEqual({ ok: true, value: '2026-12-24' });
    expect(parseDateInput('12/24/2026', 'en-US')).toEqual({ ok: true, value: '2026-12-24' });
    expect(parseDateInput('3.1.27', 'de-DE')).toEqual({ ok: true, value: '2027-01-03' });
    expect(parseDateInput(' 2026-12-24 ', 'en-US')).toEqual({ ok: true, value: '2026-12-24' });
    expect(parseDateInput('', 'de-DE')).toEqual({ ok: true, value: '' });
  });

  it('refuse days that do not exist and text that is no date, naming the pattern', () => {
    for (const typed of [
      '31.02.2026',
      '24.13.2026',
      '12/24/2026',
      'tomorrow',
      '24.12',
      '1.1.1',
      '24.12.2026x',
    ]) {
      const parsed = parseDateInput(typed, 'de-DE');
      expect(parsed.ok, typed).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain('type it as DD.MM.YYYY');
    }
    // The US order is refused in Britain rather than read as the 24th month.
    expect(parseDateInput('12/24/2026', 'en-GB').ok).toBe(false);
  });

  it('never move a day, whatever the time zone', () => {
    const original = process.env.TZ;
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata']) {
      process.env.TZ = tz;
      expect(formatDateInput('2026-03-29', 'en-GB'), tz).toBe('29/03/2026');
      expect(parseDateInput('29/03/2026', 'en-GB'), tz).toEqual({ ok: true, value: '2026-03-29' });
    }
    process.env.TZ = original;
  });
});

describe('time fields in the locale of the setting', () => {
  it('show a 24-hour clock in Britain and Germany and a 12-hour one in the US', () => {
    expect(formatTimeInput('14:30', 'en-GB')).toBe('14:30');
    expect(formatTimeInput('09:05', 'de-DE')).toBe('09:05');
    expect(formatTimeInput('14:30', 'en-US')).toBe('2:30 PM');
    expect(formatTimeInput('00:15', 'en-US')).toBe('12:15 AM');
  });

  it('read typed times with or without AM/PM and refuse impossible ones', () => {
    expect(parseTimeInput('14:30', 'de-DE')).toEqual({ ok: true, value: '14:30' });
    expect(parseTimeInput('9', 'en-GB')).toEqual({ ok: true, value: '09:00' });
    expect(parseTimeInput('2:30 pm', 'en-US')).toEqual({ ok: true, value: '14:30' });
    expect(parseTimeInput('12 AM', 'en-US')).toEqual({ ok: true, value: '00:00' });
    expect(parseTimeInput('1430', 'en-GB')).toEqual({ ok: true, value: '14:30' });
    for (const typed of ['25:00', '14:75', '13 PM', 'noon']) {
      expect(parseTimeInput(typed, 'en-GB').ok, typed).toBe(false);
    }
  });
});
