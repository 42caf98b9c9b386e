import { z } from 'zod';

/** Upper bounds keep a runaway paste (or a hostile caller) from growing the store without limit. */
export const LIMITS = {
  name: 200,
  shortText: 2_000,
  longText: 100_000,
  minutes: 2_000_000,
  list: 5_000,
} as const;

/**
 * Record ids name store files, so they are file-name-safe; and they are never the name of a property
 * every object has (`__proto__`, `constructor`, …), so a lookup by id in a plain object cannot find one.
 */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'Not a valid record id.')
  .refine((id) => !(id in Object.prototype) && id !== 'prototype', 'Not a valid record id.');

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  .refine(isCalendarDate, 'This date does not exist.');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when a 'YYYY-MM-DD' string names a real day (no 31 April; 29 February only in leap years).
 * Plain arithmetic: it runs for every date of every record loaded, and parsing with date-fns made
 * loading a ten-year workbook take seconds.
 */
export function isCalendarDate(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (!(month >= 1 && month <= 12 && day >= 1)) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time in the form HH:MM.');

/** ISO-8601 instant (with time zone), used for createdAt/updatedAt and history entries. */
export const instantSchema = z.string().datetime({ offset: true });

export const requiredName = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(LIMITS.name, `${label} can be at most ${LIMITS.name} characters.`);

export const optionalText = (max: number = LIMITS.shortText) =>
  z.string().max(max, `This text can be at most ${max.toLocaleString('en')} characters.`);

/**
 * Rich text (shared/rich-text): up to `max` characters as typed. The stored Markdown escapes what it
 * would misread with a backslash, at most one per character, so it may be up to twice that long.
 */
export const richText = (max: number) => optionalText(max * 2);

export const emailSchema = z
  .string()
  .trim()
  .max(LIMITS.name)
  .refine(
    (value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value),
    'Enter an email address like name@example.com.',
  );

/** Fields every stored record carries. */
export const recordMeta = {
  id: idSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
};

export type IsoDate = string;
export type Instant = string;
