import { newId } from '../../../shared/domain/ids';
import type { ShardKind } from '../store/shard-kind';
import type { ShardStore } from '../store/shard-store';
import { canon, sameJson } from './merge';
import {
  currentRecord,
  isSharedShard,
  recordKey,
  recordKindNamed,
  recordsIn,
  writeRecords,
  type RecordWrite,
} from './records';
import type { Conflict, OutboxEntry, SyncFiles } from './sync-files';

/**
 * What this laptop changed and the server does not have yet (one entry per record, edits coalesced), and
 * the conflict inbox. Both live in `team/outbox.json`, written before the store file they describe: a
 * change the outbox could not record is refused by the store, so nothing unsynced is ever kept.
 */
export class LocalOutbox {
  readonly pending: Map<string, OutboxEntry>;
  conflicts: Conflict[];
  /** True while pulled records are written into the store: those are not local changes. */
  private applying = false;

  constructor(
    private readonly files: SyncFiles,
    /** The server version of every record this laptop holds (state.json), for an entry's base. */
    private readonly versions: () => Readonly<Record<string, number>>,
  ) {
    const stored = files.readOutbox();
    this.pending = new Map(stored.pending.map((e) => [recordKey(e.kind, e.id), e]));
    this.conflicts = stored.conflicts;
  }

  save(): void {
    this.files.writeOutbox({ pending: [...this.pending.values()], conflicts: this.conflicts });
  }

  /**
   * Records one store change (a shard's content before and after) as outbox entries. True when a shared
   * record changed; the outbox is then on disk. Throws when it cannot be written, which refuses the change.
   */
  capture(shard: ShardKind<unknown>, key: string | null, before: unknown, after: unknown): boolean {
    if (this.applying || !isSharedShard(shard)) return false;
    const was = recordsIn(shard, key, before);
    const now = recordsIn(shard, key, after);
    let changed = false;
    for (const [k, rec] of now) {
      const prev = was.get(k);
      if (prev && canon(prev.record) === canon(rec.record)) continue;
      this.enqueue(k, rec.kind.name, rec.id, rec.shard, prev?.record ?? null, rec.record);
      changed = true;
    }
    for (const [k, prev] of was) {
      if (now.has(k)) continue;
      this.enqueue(k, prev.kind.name, prev.id, prev.shard, prev.record, null);
      changed = true;
    }
    if (changed) this.save();
    return changed;
  }

  enqueue(
    key: string,
    kind: string,
    id: string,
    shard: string | null,
    before: unknown,
    after: unknown,
  ): void {
    const entry = this.pending.get(key);
    if (entry) {
      Object.assign(entry, { json: after, changeId: newId(), shard: shard ?? entry.shard });
      // Created and deleted before the server ever saw it: nothing to send.
      if (after === null && entry.baseNo === 0 && entry.base === null) this.pending.delete(key);
      return;
    }
    const baseNo = this.versions()[key] ?? 0;
    if (after === null && baseNo === 0) return;
    this.pending.set(key, {
      changeId: newId(),
      kind,
      id,
      shard,
      base: before,
      baseNo,
      json: after,
      sentIds: [],
    });
  }

  /** Writes pulled (or kept) records into the store without taking them for local changes. */
  writeUncaptured(store: ShardStore, writes: readonly RecordWrite[]): RecordWrite[] {
    this.applying = true;
    try {
      return writeRecords(store, writes);
    } finally {
      this.applying = false;
    }
  }

  /**
   * A crash between writing the outbox and writing the store leaves an entry for a change the store never
   * acknowledged; it must not reach colleagues. At start each entry is brought back to what the store
   * holds (earlier, acknowledged edits of the record stay in it); an entry never sent whose record is
   * back where it started is dropped. One already sent is kept, so the server returns to this state too.
   */
  reconcile(store: ShardStore): void {
    let changed = false;
    for (const [key, entry] of this.pending) {
      const kind = recordKindNamed(entry.kind);
      if (!kind) continue;
      const stored = currentRecord(store, kind, entry.id, entry.shard);
      if (sameJson(stored, entry.json)) continue;
      changed = true;
      if (entry.sentIds.length === 0 && sameJson(stored, entry.base)) this.pending.delete(key);
      else Object.assign(entry, { json: stored, changeId: newId() });
    }
    if (!changed) return;
    try {
      this.save();
    } catch {
      // A read-only workbook (another copy holds the folder): the entries are corrected again next start.
    }
  }
}
