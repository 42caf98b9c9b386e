import { WorkbookError } from '../../shared/contract/define';
import type { HostAdapter } from './host';
import type { ShardStore } from './store/shard-store';

/** Everything a feature service may use. Passed in, so tests build one on a temporary folder. */
export interface ServiceContext {
  readonly store: ShardStore;
  readonly host: HostAdapter;
  readonly now: () => Date;
}

/** Stamps a new record with its identity and timestamps. */
export function stamp<T extends object>(ctx: ServiceContext, id: string, fields: T) {
  const at = ctx.now().toISOString();
  return { id, createdAt: at, updatedAt: at, ...fields };
}

/** Replaces one record in a list by id, refreshing updatedAt; throws not-found when it is absent. */
export function replaceById<T extends { id: string; updatedAt: string }>(
  ctx: ServiceContext,
  list: readonly T[],
  id: string,
  change: (current: T) => T,
  what: string,
): { list: T[]; record: T } {
  const index = list.findIndex((r) => r.id === id);
  const current = list[index];
  if (!current) throw notFound(what);
  const record = { ...change(current), updatedAt: ctx.now().toISOString() };
  const next = list.slice();
  next[index] = record;
  return { list: next, record };
}

export function notFound(what: string): WorkbookError {
  return new WorkbookError('not-found', `That ${what} no longer exists. It may have been deleted.`);
}
