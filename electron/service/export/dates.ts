import { format, parse, type Locale } from 'date-fns';
import * as dateLocales from 'date-fns/locale';

const byCode = new Map<string, Locale>(Object.values(dateLocales).map((l) => [l.code ?? '', l]));

/**
 * The date-fns locale for a setting such as "en-GB" or "de-DE" (date-fns has "de" but no "de-DE"),
 * or for the system's locale when the setting is empty. Falls back to British English, whose
 * day-month-year order misleads nobody.
 */
export function dateLocaleFor(setting: string): Locale {
  const wanted = setting || Intl.DateTimeFormat().resolvedOptions().locale;
  const [language = ''] = wanted.split('-');
  return (
    byCode.get(wanted) ??
    byCode.get(language) ??
    (language === 'en' ? dateLocales.enUS : undefined) ??
    dateLocales.enGB
  );
}

/** Formats dates and times as the document's reader expects them. */
export interface DateStyle {
  /** "Tuesday, 24 November 2026" */
  long(isoDate: string): string;
  /** "24 Nov 2026", for table cells */
  short(isoDate: string): string;
  /** "14:00" or "2:00 PM" */
  time(hhmm: string): string;
  /** "1 Oct 2026 – 31 Oct 2026" */
  period(start: string | null, end: string | null): string;
  /** A moment (the document date), as a long date. */
  instant(at: Date): string;
  /** Whether the locale sets pages on US Letter rather than A4. */
  letterPaper: boolean;
}

// Parsed as local dates: `new Date('YYYY-MM-DD')` is UTC midnight and shows the previous day west of Greenwich.
const localDate = (iso: string) => parse(iso, 'yyyy-MM-dd', new Date(2000, 0, 1));

export function dateStyleFor(setting: string): DateStyle {
  const locale = dateLocaleFor(setting);
  const short = (iso: string) => format(localDate(iso), 'PP', { locale });
  return {
    long: (iso) => format(localDate(iso), 'PPPP', { locale }),
    short,
    time: (hhmm) => format(parse(hhmm, 'HH:mm', new Date(2000, 0, 1)), 'p', { locale }),
    period: (start, end) => {
      if (start && end) return `${short(start)} – ${short(end)}`;
      if (start) return `from ${short(start)}`;
      return end ? `until ${short(end)}` : '';
    },
    instant: (at) => format(at, 'PPP', { locale }),
    letterPaper: ['en-US', 'en-CA', 'es-MX', 'fr-CA'].includes(locale.code ?? ''),
  };
}
