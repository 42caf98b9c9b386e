import type { BusinessUnit } from '../../../shared/domain/customers';
import { notFound } from '../context';
import type { ShardStore } from './shard-store';
import { directoryShard, unitRecordsShard, type UnitRecords } from './shards';

/**
 * The one way services read and write a unit's records file (its actions and registers): every
 * service, export included, goes through here rather than through the shard directly.
 */

/** A unit's records file, or its empty form before anything was recorded for the unit. */
export function unitRecordsOf(store: ShardStore, unitId: string): UnitRecords {
  return store.has(unitRecordsShard, unitId) ? store.get(unitRecordsShard, unitId) : unitRecordsShard.empty();
}

/** The unit, or a not-found error a person can act on. */
export function requireUnit(store: ShardStore, unitId: string): BusinessUnit {
  const unit = store.get(directoryShard).units.find((u) => u.id === unitId);
  if (!unit) throw notFound('business unit');
  return unit;
}

/** Rewrites the unit's file with `change` applied, keeping every register it does not touch. */
export function updateUnitRecords(
  store: ShardStore,
  unitId: string,
  change: (current: UnitRecords) => Partial<UnitRecords>,
): UnitRecords {
  const current = unitRecordsOf(store, unitId);
  return store.put(unitRecordsShard, unitId, { ...current, ...change(current) });
}

/** The registers kept as lists of records with an id in a unit's file (all but the pack comments). */
export type UnitRegister = Exclude<keyof UnitRecords, 'packComments'>;
type RecordOf<K extends UnitRegister> = UnitRecords[K][number];

/** Adds one record to a unit's register. */
export function addUnitRecord<K extends UnitRegister>(
  store: ShardStore,
  unitId: string,
  key: K,
  record: RecordOf<K>,
): RecordOf<K> {
  updateUnitRecords(store, unitId, (current) => ({ [key]: [...current[key], record] }));
  return record;
}

/** Replaces one record of a unit's register by id, refreshing updatedAt; not-found names `what`. */
export function replaceUnitRecord<K extends UnitRegister>(
  store: ShardStore,
  unitId: string,
  key: K,
  id: string,
  change: (current: RecordOf<K>) => RecordOf<K>,
  what: string,
  now: Date,
): RecordOf<K> {
  const list: readonly RecordOf<K>[] = unitRecordsOf(store, unitId)[key];
  const index = list.findIndex((r) => r.id === id);
  const current = list[index];
  if (!current) throw notFound(what);
  const record = { ...change(current), updatedAt: now.toISOString() };
  updateUnitRecords(store, unitId, () => ({ [key]: list.with(index, record) }));
  return record;
}

/** Removes one record from a unit's register by id; not-found names `what`. */
export function removeUnitRecord(
  store: ShardStore,
  unitId: string,
  key: UnitRegister,
  id: string,
  what: string,
): { deleted: string } {
  const list: ReadonlyArray<{ id: string }> = unitRecordsOf(store, unitId)[key];
  if (!list.some((r) => r.id === id)) throw notFound(what);
  updateUnitRecords(store, unitId, () => ({ [key]: list.filter((r) => r.id !== id) }));
  return { deleted: id };
}
