/**
 * Dates and times as the BRM types them into a field, in the locale of the setting (shared/domain/
 * date-format.ts): de-DE "24.12.2026", en-GB "24/12/2026", en-US "12/24/2026"; times "14:30" or, where the
 * locale reads a 12-hour clock, "2:30 PM". The stored value stays 'YYYY-MM-DD' and 'HH:mm'. Intl supplies
 * each locale's order of day, month and year, so no pattern table has to be kept.
 */
import { resolveLocale } from './date-format';

type Part = 'day' | 'month' | 'year';

/** How a locale writes a numeric date: the order of its parts and the pattern shown as a hint. */
export interface DateInputPattern {
  order: Part[];
  /** "DD.MM.YYYY", "MM/DD/YYYY" */
  pattern: string;
}

const numericDate = (locale: string) =>
  new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });

const PLACEHOLDER: Record<Part, string> = { day: 'DD', month: 'MM', year: 'YYYY' };

export function dateInputPattern(setting: string): DateInputPattern {
  const parts = numericDate(resolveLocale(setting)).formatToParts(new Date(Date.UTC(2026, 11, 24)));
  const order: Part[] = [];
  let pattern = '';
  for (const part of parts) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') {
      order.push(part.type);
      pattern += PLACEHOLDER[part.type];
    } else pattern += part.value;
  }
  return { order, pattern: pattern.trim() };
}

/** '2026-12-24' as the locale writes it in a field: "24.12.2026"; '' stays ''. */
export function formatDateInput(iso: string, setting: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return numericDate(resolveLocale(setting)).format(new Date(Date.UTC(year, month - 1, day)));
}

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isCalendarDay = (year: number, month: number, day: number) => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Reads a typed date in the locale's order ("24.12.2026", "24/12/26", "24-12-2026"); a year-first
 * ISO date ("2026-12-24", as pasted from a file) is read too. '' is no date (value ''). A day that does
 * not exist (31.02.2026) or a line that is no date gets a message naming the expected pattern.
 */
export function parseDateInput(text: string, setting: string): Parsed {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: '' };
  const { order, pattern } = dateInputPattern(setting);
  const groups = typed.split(/[^0-9]+/).filter((g) => g !== '');
  const refused: Parsed = { ok: false, message: `“${typed}” is not a date: type it as ${pattern}.` };
  if (groups.length !== 3 || !/^[0-9\s./-]+$/.test(typed)) return refused;
  const yearFirst = groups[0]!.length === 4;
  const parts = yearFirst ? (['year', 'month', 'day'] as Part[]) : order;
  const value = (part: Part) => groups[parts.indexOf(part)]!;
  const yearText = value('year');
  if (yearText.length !== 2 && yearText.length !== 4) return refused;
  if (value('day').length > 2 || value('month').length > 2) return refused;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const month = Number(value('month'));
  const day = Number(value('day'));
  if (year < 1900 || !isCalendarDay(year, month, day)) return refused;
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

/** Whether the locale reads the clock in 12 hours ("2:30 PM") rather than 24 ("14:30"). */
export function usesTwelveHours(setting: string): boolean {
  const options = new Intl.DateTimeFormat(resolveLocale(setting), { hour: 'numeric' }).resolvedOptions();
  return options.hourCycle === 'h12' || options.hourCycle === 'h11';
}

/** '14:30' as the locale writes it in a field: "14:30" or "2:30 PM"; '' stays ''. */
export function formatTimeInput(hhmm: string, setting: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return '';
  const hours = Number(match[1]);
  const minutes = match[2]!;
  if (!usesTwelveHours(setting)) return `${pad(hours)}:${minutes}`;
  return `${hours % 12 === 0 ? 12 : hours % 12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

/**
 * Reads a typed time: "14:30", "14.30", "1430", "9" (9:00), and with AM/PM ("2:30 pm", "2pm") in any
 * locale. '' is no time.
 */
export function parseTimeInput(text: string, setting: string): Parsed {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: '' };
  const example = usesTwelveHours(setting) ? '2:30 PM' : '14:30';
  const refused: Parsed = { ok: false, message: `“${typed}” is not a time: type it as ${example}.` };
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(typed);
  if (!match) return refused;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (hours < 1 || hours > 12) return refused;
    hours = (hours % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hours > 23 || minutes > 59) return refused;
  return { ok: true, value: `${pad(hours)}:${pad(minutes)}` };
}
