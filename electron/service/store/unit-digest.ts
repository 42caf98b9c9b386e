import path from 'node:path';
import type { ActionItem } from '../../../shared/domain/meetings';
import { readDerivedFile, sameStamp, stampOf, writeDerivedFile, type FileStamp } from './derived-file';
import type { ShardStore } from './shard-store';
import { unitRecordsShard } from './shards';

/** Written this long after a unit's actions changed, off the path of the change. */
const WRITE_DELAY_MS = 2000;
/** How often, while the unit files are still being read after the start, to look whether all are in. */
const READ_CHECK_MS = 1000;

/** What one digest keeps of each unit file's actions, and how its file is named and checked. */
export interface DigestSpec<E> {
  /** The file under `units/` (a dot file: never taken for a unit file, never backed up). */
  file: string;
  /** The derived file's own name and format; a file of another format is rebuilt. */
  derived: string;
  format: number;
  /** The entry of a unit whose file is in memory. */
  make(actions: readonly ActionItem[]): E;
  /** Whether a stored entry has the shape this digest writes (the file as a whole is checked by CRC-32). */
  fits(value: Partial<E>): boolean;
  /**
   * Read as the store opens (a small digest the first question needs), or only when first asked (a large
   * one, which would slow every start).
   */
  readAtStart: boolean;
}

/** One unit's entry as stored: the digest of its file, and which file (size, change time, version). */
interface Stored<E> {
  stamp: FileStamp;
  schemaVersion: number;
  entry: E;
}

const isStored = (value: unknown): value is Stored<unknown> => {
  const stored = value as Partial<Stored<unknown>> | null;
  return (
    typeof stored === 'object' &&
    stored !== null &&
    stored.schemaVersion === unitRecordsShard.version &&
    Array.isArray(stored.stamp) &&
    typeof stored.entry === 'object' &&
    stored.entry !== null
  );
};

/**
 * What the action register needs of every unit file, kept in a derived file under `units/` so that a
 * question is answered without waiting for the unit files, which are read in the background after the
 * start (a team-sized workbook's take many seconds). Each entry holds the size and change time of the
 * unit file it was made from and is used only while that file is unchanged and not yet in memory; the
 * file is checked whole (CRC-32, format) and rebuilt from the unit files when it is missing, damaged,
 * stale or foreign; it is never backed up (snapshots and exports hold store files only).
 */
export class UnitDigest<E> {
  private readonly entries = new Map<string, Stored<E>>();
  /** Units whose entry was found to be of the file in memory. */
  private readonly checked = new Set<string>();
  private readonly file: string;
  private writeTimer: NodeJS.Timeout | null = null;
  private readTimer: NodeJS.Timeout | null = null;
  private changed = false;
  private loaded = false;

  constructor(
    private readonly store: ShardStore,
    private readonly spec: DigestSpec<E>,
  ) {
    this.file = path.join(store.dataDir, unitRecordsShard.dir ?? '', spec.file);
    if (spec.readAtStart) this.load();
    store.onWrite((kind, key) => {
      if (kind === unitRecordsShard && key !== null) this.refresh(key);
    });
    // A restore or an import replaced the unit files: the entries whose file changed no longer count.
    store.onReload(() => {
      this.dropStale();
      this.watchReads();
    });
    store.onClose(() => this.write());
    this.watchReads();
  }

  /**
   * The entry for a unit, or null when there is none made from the unit's file as it is now. Once the file
   * is in memory, its entry is checked against it once: a file recovered from a snapshot as it was read is
   * another file, and what is in memory answers for it.
   */
  entry(unitId: string): E | null {
    this.load();
    const stored = this.entries.get(unitId);
    if (!stored) return null;
    if (!this.checked.has(unitId) && this.store.isRead(unitRecordsShard, unitId)) {
      if (!sameStamp(stored.stamp, stampOf(this.store.filePath(unitRecordsShard, unitId)))) {
        this.entries.delete(unitId);
        this.changed = true;
        return null;
      }
      this.checked.add(unitId);
    }
    return stored.entry;
  }

  /** Reads the digest file once; entries already made from memory (written since the start) stay. */
  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    const payload = readDerivedFile(this.file, this.spec.derived, this.spec.format);
    let stored: Record<string, unknown> = {};
    try {
      if (payload) stored = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    } catch {
      // Rebuilt below, as a missing one.
    }
    if (!payload) this.changed = true;
    // The file is whole as this class wrote it (its CRC-32 matched), from checked unit files: its entries
    // are taken as they are once their envelope fits. Checking every action against its schema cost a
    // tenth of the start.
    for (const [unitId, value] of Object.entries(stored)) {
      if (this.entries.has(unitId) || !this.store.has(unitRecordsShard, unitId)) continue;
      if (isStored(value) && this.spec.fits(value.entry as Partial<E>))
        this.entries.set(unitId, value as Stored<E>);
    }
    this.dropStale();
  }

  /** Forgets every entry whose unit file is gone or has changed since the entry was made. */
  private dropStale(): void {
    for (const [unitId, entry] of this.entries) {
      const current = this.store.has(unitRecordsShard, unitId)
        ? stampOf(this.store.filePath(unitRecordsShard, unitId))
        : null;
      if (!sameStamp(entry.stamp, current)) {
        this.entries.delete(unitId);
        this.changed = true;
      }
      this.checked.delete(unitId);
    }
  }

  /** Makes the entry of a unit whose file is in memory (just written, or read in the background). */
  private refresh(unitId: string): void {
    const stamp = this.store.has(unitRecordsShard, unitId)
      ? stampOf(this.store.filePath(unitRecordsShard, unitId))
      : null;
    if (!stamp || !this.store.isRead(unitRecordsShard, unitId)) {
      if (this.entries.delete(unitId)) this.scheduleWrite();
      return;
    }
    const { actions } = this.store.get(unitRecordsShard, unitId);
    this.entries.set(unitId, {
      stamp,
      schemaVersion: unitRecordsShard.version,
      entry: this.spec.make(actions),
    });
    this.scheduleWrite();
  }

  /**
   * Unit files are read in the background after the start: once they all are, entries missing for any
   * of them are made and the digest written, so the next start has it.
   */
  private watchReads(): void {
    if (this.readTimer) clearTimeout(this.readTimer);
    const check = () => {
      const keys = this.store.keys(unitRecordsShard);
      if (keys.some((key) => !this.store.isRead(unitRecordsShard, key))) {
        this.readTimer = setTimeout(check, READ_CHECK_MS).unref();
        return;
      }
      this.readTimer = null;
      this.write();
    };
    this.readTimer = setTimeout(check, 0).unref();
  }

  private scheduleWrite(): void {
    this.changed = true;
    if (this.writeTimer) return;
    this.writeTimer = setTimeout(() => this.write(), WRITE_DELAY_MS).unref();
  }

  /** Completes the entries of the unit files in memory and writes the digest if anything changed. */
  write(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    const keys = this.store.keys(unitRecordsShard);
    // A workbook without unit files needs no digest (and its folder is not created for one).
    if (keys.length === 0 || this.store.readOnlyReason) return;
    // Entries of unread files come from the file, and an unchanged file is not written again.
    this.load();
    for (const key of keys) {
      if (!this.entries.has(key) && this.store.isRead(unitRecordsShard, key)) this.refresh(key);
    }
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    if (!this.changed) return;
    try {
      const stored = Object.fromEntries(this.entries);
      writeDerivedFile(this.file, this.spec.derived, this.spec.format, Buffer.from(JSON.stringify(stored)));
      this.changed = false;
    } catch {
      // A digest that could not be written costs only reading the unit files at the next start.
    }
  }
}

const digests = new WeakMap<ShardStore, Map<DigestSpec<never>, UnitDigest<unknown>>>();

/** The one digest of a kind for a store (several services ask it; one keeps it). */
export function unitDigest<E>(store: ShardStore, spec: DigestSpec<E>): UnitDigest<E> {
  let ofStore = digests.get(store);
  if (!ofStore) digests.set(store, (ofStore = new Map()));
  let digest = ofStore.get(spec as DigestSpec<never>) as UnitDigest<E> | undefined;
  if (!digest) ofStore.set(spec as DigestSpec<never>, (digest = new UnitDigest(store, spec)));
  return digest;
}
