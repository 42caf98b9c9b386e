import path from 'node:path';
import type { ActionItem } from '../../../shared/domain/meetings';
import { readDerivedFile, sameStamp, stampOf, writeDerivedFile, type FileStamp } from './derived-file';
import type { ShardStore } from './shard-store';
import { unitRecordsShard } from './shards';

export const OPEN_ACTIONS_FILE = '.open-actions.json';
/** The summary's own format; bumped when an entry's shape changes (a file of another format is rebuilt). */
const FORMAT = 1;
/** Written this long after a unit's actions changed, off the path of the change. */
const WRITE_DELAY_MS = 2000;
/** How often, while the unit files are still being read after the start, to look whether all are in. */
const READ_CHECK_MS = 1000;

/** The statuses an open action has. */
export const OPEN_STATUSES: ReadonlySet<string> = new Set(['open', 'in-progress']);

/** What the action register needs of one unit file when it asks only for open actions. */
export interface OpenActionsEntry {
  /** The unit's open and in-progress actions, in file order. */
  open: ActionItem[];
  /** Every owner named by any of the unit's actions (the register's owner filter lists them all). */
  owners: string[];
  /** How many actions the unit has in all. */
  total: number;
}

/** One unit's entry as stored: the summary of its file, and which file (size, change time, version). */
interface StoredEntry extends OpenActionsEntry {
  stamp: FileStamp;
  schemaVersion: number;
}

/** An entry of this unit-file version, with a stamp: what the summary's own writer always writes. */
const isEntry = (value: unknown): value is StoredEntry => {
  const entry = value as Partial<StoredEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    entry.schemaVersion === unitRecordsShard.version &&
    Array.isArray(entry.stamp) &&
    Array.isArray(entry.open) &&
    Array.isArray(entry.owners) &&
    typeof entry.total === 'number'
  );
};

/**
 * The open actions of every unit, kept in `units/.open-actions.json` so that the first question after the
 * start that needs only open actions (the dashboard, the register as it opens) is answered without waiting
 * for every unit file. Derived data: each entry holds the size and change time of the unit file it was made
 * from and is used only while that file is unchanged and not yet in memory; the file is checked whole
 * (CRC-32, format) and rebuilt from the unit files when it is missing, damaged, stale or foreign; it is
 * never backed up (snapshots and exports hold store files only).
 */
export class OpenActionsSummary {
  private readonly entries = new Map<string, StoredEntry>();
  private readonly file: string;
  private writeTimer: NodeJS.Timeout | null = null;
  private readTimer: NodeJS.Timeout | null = null;
  private changed = false;

  constructor(private readonly store: ShardStore) {
    this.file = path.join(store.dataDir, unitRecordsShard.dir ?? '', OPEN_ACTIONS_FILE);
    this.load();
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
   * The entry for a unit whose file has not been read yet, or null: once the file is in memory, what is
   * there answers (it is the truth, and may have been recovered from a backup).
   */
  entry(unitId: string): OpenActionsEntry | null {
    if (this.store.isRead(unitRecordsShard, unitId)) return null;
    return this.entries.get(unitId) ?? null;
  }

  private load(): void {
    const payload = readDerivedFile(this.file, 'open-actions', FORMAT);
    if (!payload) {
      this.changed = true;
      return;
    }
    let stored: Record<string, unknown>;
    try {
      stored = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
    } catch {
      this.changed = true;
      return;
    }
    // The file is whole as this class wrote it (its CRC-32 matched), from checked unit files: its entries
    // are taken as they are once their envelope fits. Checking every open action against its schema cost
    // a tenth of the start.
    for (const [unitId, value] of Object.entries(stored)) {
      if (isEntry(value) && this.store.has(unitRecordsShard, unitId)) this.entries.set(unitId, value);
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
      open: actions.filter((action) => OPEN_STATUSES.has(action.status)),
      owners: [...new Set(actions.map((action) => action.owner).filter(Boolean))],
      total: actions.length,
    });
    this.scheduleWrite();
  }

  /**
   * Unit files are read in the background after the start: once they all are, entries missing for any
   * of them are made and the summary written, so the next start has it.
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

  /** Completes the entries of the unit files in memory and writes the summary if anything changed. */
  write(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    for (const key of this.store.keys(unitRecordsShard)) {
      if (!this.entries.has(key) && this.store.isRead(unitRecordsShard, key)) this.refresh(key);
    }
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = null;
    // A workbook without unit files needs no summary (and its folder is not created for one).
    if (!this.changed || this.store.readOnlyReason || this.store.keys(unitRecordsShard).length === 0) return;
    try {
      const stored = Object.fromEntries(this.entries);
      writeDerivedFile(this.file, 'open-actions', FORMAT, Buffer.from(JSON.stringify(stored)));
      this.changed = false;
    } catch {
      // A summary that could not be written costs only reading the unit files at the next start.
    }
  }
}

const summaries = new WeakMap<ShardStore, OpenActionsSummary>();

/** The one open-actions summary of a store (several services ask it; one keeps it). */
export function openActionsSummary(store: ShardStore): OpenActionsSummary {
  let summary = summaries.get(store);
  if (!summary) summaries.set(store, (summary = new OpenActionsSummary(store)));
  return summary;
}
