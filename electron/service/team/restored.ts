import { sameJson } from './merge';
import { allRecords, recordKey, type LocatedRecord, type RecordWrite } from './records';
import type { SyncCore } from './sync-core';

export type RecordsByKey = Map<string, LocatedRecord>;

/** Every shared record of the workbook by record key: taken just before a restore or import. */
export function recordsByKey(core: SyncCore): RecordsByKey {
  const out: RecordsByKey = new Map();
  for (const record of allRecords(core.store)) out.set(recordKey(record.kind.name, record.id), record);
  return out;
}

/**
 * After a restore or import replaced the workbook: what it changed goes into the outbox as ordinary local
 * edits, on the version this laptop held before (so a colleague's edit of the same field since is a
 * conflict, never silently overwritten). What it took away is not deleted for the team: a record the
 * team holds (a colleague's unit added after the backup was taken) is put back, because a backup of one
 * laptop must not wipe colleagues' work; a record the server never saw just goes.
 * Returns how many records are sent and how many were kept.
 */
export function captureReplacement(core: SyncCore, before: RecordsByKey): { sent: number; kept: number } {
  const { outbox, state } = core;
  const after = recordsByKey(core);
  let sent = 0;
  for (const [key, rec] of after) {
    const prev = before.get(key);
    if (prev && sameJson(prev.record, rec.record)) continue;
    outbox.enqueue(key, rec.kind.name, rec.id, rec.shard, prev?.record ?? null, rec.record);
    sent += 1;
  }
  const keep: RecordWrite[] = [];
  for (const [key, prev] of before) {
    if (after.has(key)) continue;
    if (state.versions[key] !== undefined || outbox.pending.get(key)?.sentIds.length)
      keep.push({ kind: prev.kind, id: prev.id, shard: prev.shard, record: prev.record });
    else outbox.enqueue(key, prev.kind.name, prev.id, prev.shard, prev.record, null);
  }
  // On disk before the kept records are written back: a crash in between leaves nothing unsent.
  outbox.save();
  const refused = outbox.writeUncaptured(core.store, keep);
  return { sent, kept: keep.length - refused.length };
}
