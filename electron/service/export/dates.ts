import { format, type Locale } from 'date-fns';
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

/**
 * A stored (already validated) date as local midnight: `new Date('YYYY-MM-DD')` would be UTC midnight and
 * show the previous day west of Greenwich. Built directly rather than with date-fns `parse`, which is slow
 * enough to show in the export of a long action list.
 */
function localDate(iso: string): Date {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
}

export function dateStyleFor(setting: string): DateStyle {
  const locale = dateLocaleFor(setting);
  const short = (iso: string) => format(localDate(iso), 'PP', { locale });
  return {
    long: (iso) => format(localDate(iso), 'PPPP', { locale }),
    short,
    time: (hhmm) => {
      const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
      return format(new Date(2000, 0, 1, hours, minutes), 'p', { locale });
    },
    period: (start, end) => {
      if (start && end) return `${short(start)} – ${short(end)}`;
      if (start) return `from ${short(start)}`;
      return end ? `until ${short(end)}` : '';
    },
    instant: (at) => format(at, 'PPP', { locale }),
    letterPaper: ['en-US', 'en-CA', 'es-MX', 'fr-CA'].includes(locale.code ?? ''),
  };
}
