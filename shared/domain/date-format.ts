/**
 * Every date and time the BRM reads — on screen, in error messages, in Word — is written here, in one
 * locale: the setting, or the operating system's when the setting is empty. Intl does the work on both
 * sides (Node and Chromium carry the same ICU data), so the meeting page and the minutes read alike:
 * with de-DE both say "9. Dezember 2026".
 *
 * Calendar days ('YYYY-MM-DD') are formatted as UTC midnight in the UTC zone, so no time zone or
 * daylight-saving change can move one by a day. Moments (an export time) are formatted in local time.
 */

/** The locale the BRM asked for, or the system's; a tag Intl does not know falls back to British English. */
export function resolveLocale(setting: string): string {
  const wanted = setting.trim() || new Intl.DateTimeFormat().resolvedOptions().locale;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([wanted])[0] ?? 'en-GB';
  } catch {
    return 'en-GB';
  }
}

/** Formats dates and times as the reader expects them. */
export interface DateStyle {
  /** The BCP-47 tag used, e.g. "en-GB": also the language Word proofs the document in. */
  locale: string;
  /** "Wednesday 9 December 2026" / "Mittwoch, 9. Dezember 2026" */
  long(isoDate: string): string;
  /** "9 December 2026" / "9. Dezember 2026" */
  full(isoDate: string): string;
  /** "Wed, 9 Dec 2026": a day on screen, weekday included. */
  day(isoDate: string): string;
  /** "9 Dec 2026", for table cells and lists. */
  short(isoDate: string): string;
  /** "9 Dec", where the year is evident. */
  dayMonth(isoDate: string): string;
  /** "Dec 2026": a month in a chart or a report. */
  month(isoDate: string): string;
  /** "14:00" or "2:00 PM". */
  time(hhmm: string): string;
  /** "1 Oct 2026 – 31 Oct 2026" */
  period(start: string | null, end: string | null): string;
  /** A moment (an export, a backup), as a date in local time. */
  instant(at: Date): string;
  /** A moment with its local time: "24 Nov 2026, 10:15". */
  instantWithTime(at: Date): string;
  /** Whether the locale sets pages on US Letter rather than A4. */
  letterPaper: boolean;
}

const calendarDay = (iso: string): Date => {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
};

const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'PR']);

export function dateStyleFor(setting: string): DateStyle {
  const locale = resolveLocale(setting);
  const dayFormat = (options: Intl.DateTimeFormatOptions) => {
    const f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    return (iso: string) => f.format(calendarDay(iso));
  };
  const short = dayFormat({ day: 'numeric', month: 'short', year: 'numeric' });
  const clock = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const localDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const localDateTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  const region = new Intl.Locale(locale).maximize().region ?? '';
  return {
    locale,
    long: dayFormat({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }),
    full: dayFormat({ day: 'numeric', month: 'long', year: 'numeric' }),
    day: dayFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }),
    short,
    dayMonth: dayFormat({ day: 'numeric', month: 'short' }),
    month: dayFormat({ month: 'short', year: 'numeric' }),
    time: (hhmm) => {
      const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
      return clock.format(new Date(Date.UTC(2000, 0, 1, hours, minutes)));
    },
    period: (start, end) => {
      if (start && end) return `${short(start)} – ${short(end)}`;
      if (start) return `from ${short(start)}`;
      return end ? `until ${short(end)}` : '';
    },
    instant: (at) => localDate.format(at),
    instantWithTime: (at) => localDateTime.format(at),
    letterPaper: LETTER_REGIONS.has(region),
  };
}

/**
 * The style the screen (and the service's messages) use. The renderer sets it from the settings when they
 * load or change; the service when the workbook opens and when the setting is saved.
 */
let display: DateStyle = dateStyleFor('');

export function setDisplayLocale(setting: string): DateStyle {
  display = dateStyleFor(setting);
  return display;
}

export const displayDates = (): DateStyle => display;
