import { newId } from '../../../shared/domain/ids';
import type { IncomingRow, TeamConnection } from './connection';
import { fieldLabel, mergeRecords, sameJson } from './merge';
import { checkIncoming, recordKey, recordKindNamed, type RecordWrite } from './records';
import type { OutboxEntry } from './sync-files';
import { BATCH, type SyncCore } from './sync-core';

/** The conflict field of a record deleted on one side and edited on the other. */
export const RECORD_FIELD = '(record)';

/** Pulls colleagues' changes since the last change number and applies them, batch by batch. */
export async function pullAll(core: SyncCore, conn: TeamConnection): Promise<void> {
  for (;;) {
    const rows = await conn.pull(core.state.lastChangeNo, BATCH);
    if (rows.length === 0) return;
    applyRows(core, rows);
    if (rows.length < BATCH) return;
  }
}

/** Applies one batch of pulled rows. Synchronous: no local edit can slip in between merge and write. */
export function applyRows(core: SyncCore, rows: readonly IncomingRow[]): void {
  const { outbox, state } = core;
  const writes: RecordWrite[] = [];
  const skipped: string[] = [];
  for (const row of rows) {
    const key = recordKey(row.kind, row.id);
    if ((state.versions[key] ?? 0) >= row.changeNo) continue;
    state.versions[key] = row.changeNo;
    const checked = checkIncoming(row.kind, row.id, row.shard, row.deleted ? null : row.json);
    if (!checked.ok) {
      skipped.push(`${checked.reason}, from ${row.writer}`);
      continue;
    }
    const incoming = checked.record;
    const entry = outbox.pending.get(key);
    if (!entry) {
      writes.push({ kind: checked.kind, id: row.id, shard: row.shard, record: incoming });
      continue;
    }
    if (entry.sentIds.includes(row.changeId)) {
      // This laptop's own change coming back (its answer was lost): what is here already includes it.
      Object.assign(entry, { base: incoming, baseNo: row.changeNo });
      if (sameJson(entry.json, incoming)) outbox.pending.delete(key);
      continue;
    }
    const record = mergeInto(core, entry, incoming, row);
    writes.push({ kind: checked.kind, id: row.id, shard: entry.shard ?? row.shard, record });
  }
  // The outbox (rebased entries and new conflicts) is on disk before the store changes: a crash in between
  // pulls the same rows again, and merging them again changes nothing.
  outbox.save();
  const refused = outbox.writeUncaptured(core.store, writes);
  for (const write of refused) skipped.push(`a ${write.kind.name} the workbook could not store`);
  state.lastChangeNo = Math.max(state.lastChangeNo, ...rows.map((r) => r.changeNo));
  core.stateChanged();
  if (skipped.length > 0)
    core.store.notify(
      'warning',
      `The team sync skipped ${skipped.length} record${skipped.length === 1 ? '' : 's'} it could not accept: ` +
        `${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}. Your workbook is unchanged by them.`,
    );
}

/**
 * A colleague changed a record this laptop has also changed. Fields merge; clashes go to the inbox and
 * provisionally take the server's value, so both laptops show the same until the BRM decides. Returns
 * the record to store.
 */
function mergeInto(
  core: SyncCore,
  entry: OutboxEntry,
  incoming: Record<string, unknown> | null,
  row: IncomingRow,
): Record<string, unknown> | null {
  const { outbox } = core;
  const key = recordKey(entry.kind, entry.id);
  const mine = entry.json as Record<string, unknown> | null;
  const base = entry.base as Record<string, unknown> | null;
  const kind = recordKindNamed(entry.kind)!;
  const conflict = (
    field: string,
    mineValue: unknown,
    theirs: unknown,
    baseValue: unknown,
    record: unknown,
  ) =>
    outbox.conflicts.push({
      id: newId(),
      kind: entry.kind,
      recordId: entry.id,
      shard: entry.shard ?? row.shard,
      field,
      label:
        field === RECORD_FIELD ? 'the whole record' : fieldLabel(record as Record<string, unknown>, field),
      base: baseValue ?? null,
      mine: mineValue ?? null,
      theirs: theirs ?? null,
      writer: row.writer,
      at: core.now().toISOString(),
    });
  if (mine === null || incoming === null) {
    outbox.pending.delete(key);
    if (mine !== incoming) conflict(RECORD_FIELD, mine, incoming, base, mine ?? incoming);
    return incoming;
  }
  const { merged, conflicts } = mergeRecords(base, mine, incoming);
  const valid = kind.schema.safeParse(merged);
  if (!valid.success) {
    // The merged whole breaks a rule of the record: keep the server's, and this laptop's in the inbox.
    outbox.pending.delete(key);
    conflict(RECORD_FIELD, mine, incoming, base, mine);
    return incoming;
  }
  for (const c of conflicts) conflict(c.field, c.mine, c.theirs, fieldValue(base, c.field), mine);
  const record = valid.data as Record<string, unknown>;
  if (sameJson(record, incoming)) outbox.pending.delete(key);
  else
    Object.assign(entry, {
      base: incoming,
      baseNo: row.changeNo,
      json: record,
      changeId: newId(),
      sentIds: [],
    });
  return record;
}

/** One field's value in a record (as named by fieldsOf), for the merged-text suggestion. */
export function fieldValue(record: Record<string, unknown> | null, field: string): unknown {
  if (!record) return null;
  const element = /^([^[\]]+)\[([^[\]]+)\]\.(.+)$/.exec(field);
  if (!element) return record[field];
  const list = record[element[1]!];
  const item = Array.isArray(list)
    ? (list as Record<string, unknown>[]).find((e) => e.id === element[2])
    : undefined;
  return item?.[element[3]!];
}
