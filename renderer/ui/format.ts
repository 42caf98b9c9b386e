import { format } from 'date-fns';
import { displayDates } from '../../shared/domain/date-format';

/** Today as the user's local calendar day. */
export const todayIso = (): string => format(new Date(), 'yyyy-MM-dd');

/** "15 Jun 2026" in the display locale (the setting, or the system's). */
export const formatDate = (iso: string | null): string => (iso ? displayDates().short(iso) : '—');

export const formatScore = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : value.toFixed(1);

/** "+0.4", "−0.2", "±0.0": the sign always shows, so a change reads as a change. */
export function formatChange(value: number | null): string {
  if (value === null) return '';
  if (Math.abs(value) < 0.05) return '±0.0';
  return `${value > 0 ? '+' : '−'}${Math.abs(value).toFixed(1)}`;
}

export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null) return '—';
  try {
    return new Intl.NumberFormat(undefined, {
      style: currency ? 'currency' : 'decimal',
      currency: currency || undefined,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString()} ${currency}`;
  }
}

export const plural = (count: number, one: string, many = `${one}s`): string =>
  `${count} ${count === 1 ? one : many}`;
