import type { TeamPhase } from '../../shared/contract/team';

/** The status-bar words for each phase (off: nothing is shown). */
export const PHASE_LABELS: Record<Exclude<TeamPhase, 'off'>, string> = {
  offline: 'Offline',
  syncing: 'Syncing…',
  'up-to-date': 'Up to date',
};

export const conflictsText = (n: number): string => (n === 1 ? '1 conflict' : `${n} conflicts`);

/** A moment as a BRM reads it: "2 Dec 2026, 09:14". */
export function timeText(iso: string | null): string {
  if (!iso) return 'Never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** One side of a conflict as readable text; null means the record was deleted on that side. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'Deleted';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(valueText).join('\n');
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== '' && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join('\n');
}
