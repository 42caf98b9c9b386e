import fs from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import type { BackupInfo, BackupReason } from '../../../shared/contract/backups';
import { WorkbookError } from '../../../shared/contract/define';
import type { Notice } from '../../../shared/domain/system';
import { newId } from '../../../shared/domain/ids';
import { decodeShardText, locateShard, shardPath, type Decoded } from './shard-file';
import type { ShardFile, ShardKind } from './shard-kind';
import { SummaryCatalog } from './summary-catalog';
import { LastingNotices, isLasting } from './lasting-notices';
import { Snapshots, describeSnapshot } from './snapshots';
import {
  describeFsError,
  fsyncDir,
  isLeftoverTempFile,
  liveWritesReplaceFiles,
  placeFile,
  writeFileAtomic,
} from './store-files';

export { describeFsError } from './store-files';

const QUARANTINE_DIR = 'quarantine';
/** Written before a restore replaces the live files, removed after: a restore cut short is finished on start. */
const RESTORE_MARKER = 'restore-pending.json';
/** At most one automatic snapshot per this interval while changes happen. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;

/** The workbook must not be opened by this version; `message` says why, for the BRM. */
export class StoreBlockedError extends Error {}

/** Writes one store file whole or not at all. Tests wrap the default to inject disk errors. */
export interface ShardWriter {
  write(file: string, content: ShardFile): void;
}

export interface ShardStoreOptions {
  now?: () => Date;
  /** Minimum time between automatic snapshots while changes happen; null: only on start. */
  snapshotIntervalMs?: number | null;
  writer?: ShardWriter;
  /** Hard-link snapshots (the default where live writes always replace files); false: copy them. */
  linkSnapshots?: boolean;
  /** Another process holds the data folder (folder-lock.ts): this store only reads, and says why. */
  otherWriter?: string | null;
}

export type WriteListener = (kind: ShardKind<unknown>, key: string | null) => void;

/**
 * Told of every change before it is written: the shard, its content before (undefined: no such file) and
 * after (undefined: removed). It may throw to refuse the change (the team outbox could not be written).
 */
export type ChangeObserver = (
  kind: ShardKind<unknown>,
  key: string | null,
  before: unknown,
  after: unknown,
) => void;

/** The value of a file of a deferred collection ('background', 'on-demand') that has not been read yet. */
const UNREAD: unique symbol = Symbol('unread');
/** Background reading yields to calls from the window this often. */
const BACKGROUND_SLICE_MS = 10;
/** Summary catalogs are rewritten this long after a summary changed, off the path of the change. */
const CATALOG_WRITE_DELAY_MS = 2000;

/** A file found at start: decoded, or (deferred collections) not read yet. */
interface Scanned {
  rel: string;
  kind: ShardKind<unknown>;
  text: string | null;
  decoded: Decoded | null;
}

interface Slot {
  kind: ShardKind<unknown>;
  value: unknown;
  /** Size on disk when known (read at start); after a write a snapshot measures the file instead. */
  bytes?: number;
}

/**
 * The single writer. Every file is read and validated once (at start, or later in deferred collections: see
 * LoadPolicy), then served from memory; a save writes one file atomically and only then updates memory, so
 * a failed save leaves both the file and the in-memory state as they were. Damaged files are quarantined and restored from the newest good snapshot;
 * the user is told through `notices`.
 */
export class ShardStore {
  readonly dataDir: string;
  readonly notices: Notice[] = [];
  private readonly slots = new Map<string, Slot>();
  readonly kinds: readonly ShardKind<unknown>[];
  private readonly now: () => Date;
  private readonly writer: ShardWriter;
  private readonly snapshots: Snapshots;
  private readonly snapshotIntervalMs: number | null;
  /** Whether snapshots and restored files may share the live files' data (hard links). */
  private readonly link: boolean;
  private readonly reloadListeners = new Set<() => void>();
  /** Why saving fails right now (disk full, read-only folder), or null. */
  private writeError: string | null = null;
  private startSnapshotTimer: NodeJS.Timeout | null = null;
  /** Set when the workbook must not be touched at all (newer version, failed upgrade). */
  private blocked: string | null = null;
  /** Set while another process holds the data folder: everything is read, nothing written or moved. */
  private otherWriter: string | null;
  private readonly lastingNotices: LastingNotices;
  /** Files that must not be written: their damaged original could not be moved aside. */
  private readonly pinned = new Map<string, string>();
  private lastSnapshotAt: number | null = null;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private changedSinceSnapshot = false;
  private snapshotWarned = false;

  constructor(dataDir: string, kinds: readonly ShardKind<unknown>[], options: ShardStoreOptions = {}) {
    this.dataDir = path.resolve(dataDir);
    this.kinds = kinds;
    this.now = options.now ?? (() => new Date());
    this.writer = options.writer ?? durableWriter;
    this.snapshotIntervalMs =
      options.snapshotIntervalMs === undefined ? SNAPSHOT_INTERVAL_MS : options.snapshotIntervalMs;
    this.link = options.linkSnapshots ?? liveWritesReplaceFiles();
    this.snapshots = new Snapshots(this.dataDir, { now: this.now, link: this.link });
    this.otherWriter = options.otherWriter ?? null;
    this.lastingNotices = new LastingNotices(this.dataDir);
  }

  /**
   * Reads every shard. Throws StoreBlockedError, having written nothing, when a file must not be touched;
   * otherwise recovers damaged files, takes the start snapshot, then rewrites migrated files.
   */
  open(): void {
    try {
      fs.mkdirSync(this.dataDir, { recursive: true });
    } catch (error) {
      this.blocked = `The data folder ${this.dataDir} could not be created (${describeFsError(error)}).`;
      throw new StoreBlockedError(this.blocked);
    }
    this.notices.push(...this.lastingNotices.load());
    // The holder of the folder finishes its own restores and cleans up after itself.
    if (!this.otherWriter) this.finishInterruptedRestore();
    const scanned = this.scan();
    const blocked = scanned.flatMap(({ decoded }) => (decoded?.status === 'blocked' ? [decoded.reason] : []));
    if (blocked.length > 0) {
      this.blocked =
        blocked[0]! + (blocked.length > 1 ? ` (${blocked.length - 1} more files likewise.)` : '');
      throw new StoreBlockedError(this.blocked);
    }
    if (this.otherWriter) {
      this.load(scanned);
      this.startBackgroundReads();
      return;
    }
    const unwritable = this.probeWrite();
    if (unwritable) this.storageError(unwritable);
    this.removeLeftovers();
    const migrated = this.load(scanned);
    this.writeCatalogs();
    this.snapshotOnStart(migrated.length > 0);
    this.rewrite(migrated);
    this.startBackgroundReads();
  }

  get<T>(kind: ShardKind<T>, key: string | null = null): T {
    const rel = this.relPath(kind, key);
    const slot = this.slots.get(rel);
    if (slot) return (slot.value === UNREAD ? this.readDeferred(rel, slot) : slot.value) as T;
    if (kind.dir) throw new WorkbookError('not-found', `No ${kind.name} record ${String(key)}.`);
    return kind.empty();
  }

  /**
   * Like `get`, but a file not in memory is read without being kept there: for passes over every file of
   * a deferred collection (the search index) that must not hold ten years of minutes in memory.
   */
  read<T>(kind: ShardKind<T>, key: string | null = null): T {
    const rel = this.relPath(kind, key);
    const slot = this.slots.get(rel);
    if (slot?.value === UNREAD) {
      const decoded = this.decodeFile(rel, slot.kind);
      if (decoded?.status === 'ok') return decoded.data as T;
    }
    // In memory, or damaged, newer or gone: `get` recovers or explains.
    return this.get(kind, key);
  }

  /**
   * The data of a file for deriving state from it (the search index), without keeping or validating it: a
   * file not in memory is parsed as it is, when it is of this version. Null when it cannot be read so; the
   * store reads and recovers it when it is asked for with `get`.
   */
  peek<T>(kind: ShardKind<T>, key: string | null = null): T | null {
    const rel = this.relPath(kind, key);
    const slot = this.slots.get(rel);
    if (!slot) return null;
    if (slot.value !== UNREAD) return slot.value as T;
    try {
      const parsed = JSON.parse(fs.readFileSync(path.join(this.dataDir, rel), 'utf8')) as Partial<ShardFile>;
      return parsed.schemaVersion === kind.version ? (parsed.data as T) : null;
    } catch {
      return null;
    }
  }

  /** Whether a file is in memory (read and checked), rather than deferred. */
  isRead(kind: ShardKind<unknown>, key: string | null = null): boolean {
    const slot = this.slots.get(this.relPath(kind, key));
    return !!slot && slot.value !== UNREAD;
  }

  /** Where a store file lives on disk. */
  filePath(kind: ShardKind<unknown>, key: string | null = null): string {
    return path.join(this.dataDir, this.relPath(kind, key));
  }

  /** The summaries of every file of an 'on-demand' collection, by key, without reading the files. */
  summaries<S>(kind: ShardKind<unknown, S>): ReadonlyMap<string, S> {
    const catalog = this.catalogs.get(kind as ShardKind<unknown>);
    if (!catalog) throw new Error(`${kind.name} keeps no summaries: it is not an on-demand collection.`);
    return catalog.all() as ReadonlyMap<string, S>;
  }

  has(kind: ShardKind<unknown>, key: string): boolean {
    return this.slots.has(this.relPath(kind, key));
  }

  keys(kind: ShardKind<unknown>): string[] {
    const prefix = `${kind.dir}/`;
    const out: string[] = [];
    for (const rel of this.slots.keys()) {
      if (rel.startsWith(prefix)) out.push(rel.slice(prefix.length, -'.json'.length));
    }
    return out;
  }

  /** Validates and durably writes one shard, then serves it from memory. */
  put<T>(kind: ShardKind<T>, key: string | null, value: T): T {
    const rel = this.relPath(kind, key);
    this.assertWritable(rel);
    this.takeStartSnapshot();
    const checked = kind.schema.safeParse(value);
    if (!checked.success) {
      throw new WorkbookError(
        'internal',
        `Refused to store an invalid ${kind.name}: ${checked.error.message}`,
      );
    }
    const full = path.join(this.dataDir, rel);
    const catalog = this.catalogs.get(kind as ShardKind<unknown>);
    const summary = catalog ? kind.summarize?.(checked.data) : undefined;
    this.changeObserver?.(kind as ShardKind<unknown>, key, this.current(rel, kind, key), checked.data);
    try {
      catalog?.willWrite(key ?? '', summary);
      this.writer.write(full, { schemaVersion: kind.version, data: checked.data });
    } catch (error) {
      throw this.storageError(error);
    }
    this.writeError = null;
    this.slots.set(rel, { kind: kind as ShardKind<unknown>, value: checked.data });
    if (catalog) {
      catalog.set(key ?? '', summary);
      this.scheduleCatalogWrite();
    }
    this.changed();
    this.wrote(kind as ShardKind<unknown>, key);
    return checked.data;
  }

  remove(kind: ShardKind<unknown>, key: string): void {
    const rel = this.relPath(kind, key);
    this.assertWritable(rel);
    this.takeStartSnapshot();
    const full = path.join(this.dataDir, rel);
    this.changeObserver?.(kind, key, this.current(rel, kind, key), undefined);
    try {
      fs.rmSync(full, { force: true });
      fsyncDir(path.dirname(full));
    } catch (error) {
      throw this.storageError(error);
    }
    this.writeError = null;
    this.slots.delete(rel);
    if (this.catalogs.get(kind)?.delete(key)) this.scheduleCatalogWrite();
    this.changed();
    this.wrote(kind, key);
  }

  // ── Write listeners ────────────────────────────────────────────────────────

  private changeObserver: ChangeObserver | null = null;

  /** Sets the one observer of changes (the team sync's outbox); null removes it. */
  observeChanges(observer: ChangeObserver | null): void {
    this.changeObserver = observer;
  }

  /** A shard's content as stored now, for the change observer; undefined when there is no such file. */
  private current(rel: string, kind: ShardKind<unknown>, key: string | null): unknown {
    const slot = this.slots.get(rel);
    if (!slot) return kind.dir ? undefined : kind.empty();
    return slot.value === UNREAD ? this.read(kind, key) : slot.value;
  }

  private readonly writeListeners = new Set<WriteListener>();

  /**
   * Calls `listener` after every successful write or removal, so state derived from the files (the search
   * index) can note what changed without rescanning the store. Returns the unsubscribe function.
   */
  onWrite(listener: WriteListener): () => void {
    this.writeListeners.add(listener);
    return () => this.writeListeners.delete(listener);
  }

  private wrote(kind: ShardKind<unknown>, key: string | null): void {
    for (const listener of this.writeListeners) listener(kind, key);
  }

  /** Why saving is failing right now (disk full, read-only folder), or null. */
  get readOnlyReason(): string | null {
    return this.blocked ?? this.otherWriter ?? this.writeError;
  }

  /** The folder's lock was taken over by another process: from now on this store only reads. */
  stopWriting(reason: string): void {
    this.otherWriter = reason;
    this.notify('error', reason);
  }

  /** `about`: a recovery or quarantine of that file; such a notice is kept until it is dismissed. */
  notify(
    level: Notice['level'],
    message: string,
    about?: { file: string; restoredFrom: string | null },
  ): void {
    this.notices.push({ id: newId(), level, message, at: this.now().toISOString(), ...about });
    if (about) this.keepLastingNotices();
  }

  dismissNotice(id: string): void {
    const index = this.notices.findIndex((n) => n.id === id);
    if (index < 0) return;
    const [dismissed] = this.notices.splice(index, 1);
    if (dismissed && isLasting(dismissed)) this.keepLastingNotices();
  }

  private keepLastingNotices(): void {
    if (this.otherWriter) return;
    this.lastingNotices.save(this.notices.filter(isLasting));
  }

  /** Called after a restore or import replaced the data: services that derive state from it rebuild. */
  onReload(listener: () => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  private readonly replaceListeners = new Set<() => void>();

  /**
   * Called just before a restore or import replaces the live files (then onReload after), so the team
   * sync can tell what the replacement changed and send it.
   */
  onBeforeReplace(listener: () => void): () => void {
    this.replaceListeners.add(listener);
    return () => this.replaceListeners.delete(listener);
  }

  private readonly closeListeners = new Set<() => void>();

  /** Called as the store closes, so services can write what they derive (the search index) once more. */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Stops the automatic snapshot timer (quitting, or a test done with this store). */
  close(): void {
    for (const listener of this.closeListeners) listener();
    // Closed before the start snapshot was taken: take it now, it may hold the last session's final edits.
    this.takeStartSnapshot();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
    if (this.backgroundTimer) clearTimeout(this.backgroundTimer);
    this.backgroundTimer = null;
    this.writeCatalogs();
  }

  // ── Snapshots ──────────────────────────────────────────────────────────────

  /** Snapshots every live store file into `backups/<stamp>/`; null when there is nothing to keep or it failed. */
  backupNow(reason: BackupReason = 'periodic'): string | null {
    // Nothing has changed since the start: this snapshot holds what the start one would have.
    if (this.startSnapshotTimer) clearTimeout(this.startSnapshotTimer);
    this.startSnapshotTimer = null;
    if (this.blocked || this.otherWriter) return null;
    try {
      return this.snapshot(reason);
    } catch (error) {
      // A failed snapshot changes nothing live; say so once, not on every attempt.
      if (!this.snapshotWarned) {
        this.snapshotWarned = true;
        this.notify(
          'warning',
          `A backup could not be taken (${describeFsError(error)}). Your data is unchanged.`,
        );
      }
      return null;
    }
  }

  listBackups(): BackupInfo[] {
    this.takeStartSnapshot();
    return this.snapshots.list();
  }

  /** Every live file as it is in memory, keyed by its path (for an export of the whole workbook). */
  exportFiles(): Map<string, ShardFile> {
    const out = new Map<string, ShardFile>();
    for (const [rel, slot] of [...this.slots].sort(([a], [b]) => a.localeCompare(b))) {
      const data =
        slot.value === UNREAD ? this.read(slot.kind, locateShard([slot.kind], rel)?.key ?? null) : slot.value;
      out.set(rel, { schemaVersion: slot.kind.version, data });
    }
    return out;
  }

  /**
   * Replaces the live files by those of snapshot `stamp` and reloads memory from them. The snapshot is
   * checked whole first; the current state is snapshotted (`safetyReason`) so the restore can be undone.
   */
  restoreSnapshot(stamp: string, safetyReason: BackupReason): { safetyBackup: string | null } {
    this.takeStartSnapshot();
    this.assertWritable(null);
    if (!this.snapshots.has(stamp)) {
      throw new WorkbookError(
        'not-found',
        'That backup no longer exists. It may have been removed as it aged.',
      );
    }
    return this.restoreChecked(stamp, this.checkSnapshot(stamp), safetyReason);
  }

  /**
   * Writes a set of validated files as a new snapshot (reason 'imported') and restores it, so an import
   * is exactly a restore: checked, undoable, and finished on the next start if cut short.
   */
  importFiles(files: ReadonlyMap<string, string>): { stamp: string; safetyBackup: string | null } {
    this.takeStartSnapshot();
    this.assertWritable(null);
    let stamp: string;
    try {
      stamp = this.snapshots.write(files, 'imported');
    } catch (error) {
      throw new WorkbookError('storage', `Nothing was imported: ${describeFsError(error)}.`);
    }
    try {
      return { stamp, ...this.restoreChecked(stamp, [...files.keys()], 'before-import') };
    } catch (error) {
      // Unless a restore of it is pending (finished on the next start), the import leaves no trace.
      if (!fs.existsSync(path.join(this.dataDir, RESTORE_MARKER))) this.snapshots.remove(stamp);
      throw error;
    }
  }

  private restoreChecked(
    stamp: string,
    files: readonly string[],
    safetyReason: BackupReason,
  ): { safetyBackup: string | null } {
    let safetyBackup: string | null;
    try {
      safetyBackup = this.snapshot(safetyReason, stamp);
    } catch (error) {
      throw new WorkbookError(
        'storage',
        `Nothing was changed: a safety backup of the current workbook could not be taken first (${describeFsError(error)}).`,
      );
    }
    for (const listener of this.replaceListeners) listener();
    try {
      this.applySnapshot(stamp, files);
    } catch (error) {
      const rolledBack = safetyBackup !== null && this.tryRollback(safetyBackup);
      const reason = describeFsError(error);
      if (rolledBack) {
        throw new WorkbookError('storage', `The restore failed (${reason}). Nothing was changed.`);
      }
      this.blocked = `A restore was interrupted (${reason}). Close and reopen BRM Workbook to finish it; until then nothing is saved.`;
      throw new WorkbookError('storage', this.blocked);
    }
    this.reload();
    return { safetyBackup };
  }

  /** `keep`: a snapshot about to be restored, which pruning must not remove meanwhile. */
  private snapshot(reason: BackupReason, keep?: string): string | null {
    const sources = [...this.slots].map(([rel, slot]) => ({ rel, bytes: slot.bytes }));
    if (sources.length === 0) return null;
    const stamp = this.snapshots.take(this.dataDir, sources, reason);
    this.lastSnapshotAt = this.now().getTime();
    this.changedSinceSnapshot = false;
    this.snapshotWarned = false;
    this.snapshots.prune(new Set(keep ? [stamp, keep] : [stamp]));
    return stamp;
  }

  /**
   * The start snapshot keeps the workbook as it was before this session changed anything. Before an
   * upgrade rewrites old files it is taken at once; otherwise just after the workbook has answered
   * (linking thousands of files is most of a cold start), and in any case before the first change.
   */
  private snapshotOnStart(beforeUpgrade: boolean): void {
    if (this.writeError) return;
    if (beforeUpgrade) {
      this.backupNow('start');
      return;
    }
    this.startSnapshotTimer = setTimeout(() => this.takeStartSnapshot(), 0).unref();
  }

  /** Takes the start snapshot if it is still due; called before anything changes the live files. */
  private takeStartSnapshot(): void {
    if (this.startSnapshotTimer) this.backupNow('start');
  }

  /** Debounced: the first change after a quiet spell schedules a snapshot at most once per interval. */
  private changed(): void {
    this.changedSinceSnapshot = true;
    if (this.snapshotIntervalMs === null || this.snapshotTimer) return;
    const due = (this.lastSnapshotAt ?? 0) + this.snapshotIntervalMs;
    const delay = Math.max(0, due - this.now().getTime());
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      if (this.changedSinceSnapshot && !this.writeError) this.backupNow('periodic');
    }, delay);
    // The timer must never keep a quitting app (or a finished test) alive.
    this.snapshotTimer.unref();
  }

  // ── Loading and recovery ───────────────────────────────────────────────────

  /**
   * Reads and decodes every live file without writing anything, except those of deferred collections,
   * which are only listed: 'on-demand' files whose summary is known, and 'background' files of this
   * version (their envelope says so in its first bytes), are read later.
   */
  private scan(): Scanned[] {
    const out: Scanned[] = [];
    for (const kind of this.kinds) {
      const rels = kind.dir
        ? this.listDir(kind.dir).flatMap((name) => {
            const rel = `${kind.dir}/${name}`;
            return locateShard([kind], rel) ? [rel] : [];
          })
        : [`${kind.name}.json`];
      const unknown = kind.load === 'on-demand' ? this.unsummarized(kind, rels) : null;
      for (const rel of rels) {
        const deferred =
          (kind.load === 'on-demand' && !unknown?.has(rel)) ||
          (kind.load === 'background' && this.envelopeVersion(rel) === kind.version);
        if (deferred) {
          out.push({ rel, kind, text: null, decoded: null });
          continue;
        }
        let text: string;
        try {
          text = fs.readFileSync(path.join(this.dataDir, rel), 'utf8');
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          out.push({ rel, kind, text: null, decoded: { status: 'damaged', reason: describeFsError(error) } });
          continue;
        }
        out.push({ rel, kind, text, decoded: decodeShardText(kind, text, rel) });
      }
    }
    return out;
  }

  /** Puts scanned files into memory, recovering damaged ones; returns the files that were migrated. */
  private load(scanned: readonly Scanned[]): string[] {
    const migrated: string[] = [];
    for (const { rel, kind, text, decoded } of scanned) {
      if (decoded === null) {
        this.slots.set(rel, { kind, value: UNREAD });
      } else if (decoded.status === 'ok') {
        this.slots.set(rel, { kind, value: decoded.data, bytes: Buffer.byteLength(text ?? '') });
        if (decoded.fromVersion < kind.version) migrated.push(rel);
      } else if (decoded.status === 'damaged') {
        if (this.recover(rel, kind, decoded.reason)) migrated.push(rel);
      }
      this.summarize(rel);
      // Read now only for its summary (none was kept, or a restore replaced it): read again when opened.
      const slot = this.slots.get(rel);
      if (
        slot &&
        kind.load === 'on-demand' &&
        decoded?.status === 'ok' &&
        decoded.fromVersion === kind.version
      ) {
        slot.value = UNREAD;
      }
    }
    return migrated;
  }

  /** Moves a damaged file aside and restores the newest good copy from the snapshots. */
  private recover(rel: string, kind: ShardKind<unknown>, reason: string): boolean {
    if (this.otherWriter) {
      // Only the folder's holder may move files; it recovers this one when it reads it.
      this.notify(
        'error',
        `The store file ${rel} is damaged (${reason}); it is left out until the copy of BRM Workbook that holds the folder recovers it.`,
      );
      return false;
    }
    const live = path.join(this.dataDir, rel);
    let quarantined: string;
    try {
      quarantined = this.quarantine(rel);
    } catch (error) {
      // The damaged file must never be overwritten: if it cannot be moved aside, it is not written at all.
      const why = `The store file ${rel} is damaged (${reason}) and could not be moved aside (${describeFsError(error)}). It is left as it is and changes to it are not saved.`;
      this.pinned.set(rel, why);
      this.notify('error', why);
      return false;
    }
    for (const stamp of this.snapshots.stamps()) {
      const candidate = this.snapshots.fileIn(stamp, rel);
      let decoded: Decoded;
      try {
        decoded = decodeShardText(kind, fs.readFileSync(candidate, 'utf8'), rel);
      } catch {
        continue;
      }
      if (decoded.status !== 'ok') continue;
      try {
        placeFile(candidate, live, false);
      } catch (error) {
        // The restored data is served from memory and written with the next change to it.
        this.storageError(error);
      }
      this.slots.set(rel, { kind, value: decoded.data });
      this.notify(
        'warning',
        `The store file ${rel} was damaged (${reason}). It was restored from the backup of ${describeSnapshot(stamp)}; ` +
          `changes made after that backup are not in it. The damaged file was kept at ${quarantined}.`,
        { file: rel, restoredFrom: describeSnapshot(stamp) },
      );
      this.recovered(rel);
      return decoded.fromVersion < kind.version;
    }
    this.notify(
      'error',
      `The store file ${rel} was damaged (${reason}) and no good backup of it exists. ` +
        `It was moved to ${quarantined} and is left out of the workbook; nothing else was changed.`,
      { file: rel, restoredFrom: null },
    );
    this.recovered(rel);
    return false;
  }

  /** A recovery replaced (or left out) a file: what is derived from it (summaries, search) follows at once. */
  private recovered(rel: string): void {
    const located = locateShard(this.kinds, rel);
    if (!located) return;
    this.summarize(rel);
    this.scheduleCatalogWrite();
    this.wrote(located.kind, located.key);
  }

  private quarantine(rel: string): string {
    const dir = path.join(this.dataDir, QUARANTINE_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const base = `${rel.replaceAll('/', '__')}.${format(this.now(), 'yyyyMMdd-HHmmss')}`;
    let target = path.join(dir, `${base}.damaged`);
    for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}-${n}.damaged`);
    fs.renameSync(path.join(this.dataDir, rel), target);
    fsyncDir(path.dirname(path.join(this.dataDir, rel)));
    return target;
  }

  /** Migrated files are rewritten after the start snapshot, which holds them as they were. */
  private rewrite(rels: readonly string[]): void {
    for (const rel of rels) {
      const slot = this.slots.get(rel);
      const located = locateShard(this.kinds, rel);
      if (!slot || !located || this.pinned.has(rel)) continue;
      try {
        this.put(located.kind, located.key, slot.value);
      } catch {
        // Read-only or full disk: the upgraded data stays in memory and is written with the next change.
      }
    }
  }

  /** Interrupted temporary files (ours, conf's from older versions, half-made snapshots) are never live data. */
  private removeLeftovers(): void {
    if (this.writeError) return;
    const dirs = ['', ...this.kinds.flatMap((kind) => (kind.dir ? [kind.dir] : []))];
    for (const dir of dirs) {
      for (const name of this.listDir(dir)) {
        if (isLeftoverTempFile(name)) fs.rmSync(path.join(this.dataDir, dir, name), { force: true });
      }
    }
    this.snapshots.removeLeftovers();
  }

  /** Whether a file can be created in the data folder: the error if not. Cheap, and never retried. */
  private probeWrite(): unknown {
    try {
      const probe = path.join(this.dataDir, `.brm-write-probe.${process.pid}.tmp`);
      fs.writeFileSync(probe, '');
      fs.rmSync(probe);
      return null;
    } catch (error) {
      return error;
    }
  }

  // ── Restore ────────────────────────────────────────────────────────────────

  /** Every store file in the snapshot must be intact and readable by this version, or nothing happens. */
  private checkSnapshot(stamp: string): string[] {
    const files = this.snapshots.filesOf(stamp).filter((rel) => locateShard(this.kinds, rel) !== null);
    for (const rel of files) {
      const { kind } = locateShard(this.kinds, rel)!;
      let decoded: Decoded;
      try {
        decoded = decodeShardText(kind, fs.readFileSync(this.snapshots.fileIn(stamp, rel), 'utf8'), rel);
      } catch (error) {
        decoded = { status: 'damaged', reason: describeFsError(error) };
      }
      if (decoded.status === 'damaged')
        throw new WorkbookError(
          'conflict',
          `That backup cannot be restored: its file ${rel} is damaged (${decoded.reason}). Nothing was changed.`,
        );
      if (decoded.status === 'blocked')
        throw new WorkbookError('conflict', `That backup cannot be restored: ${decoded.reason}`);
    }
    return files;
  }

  private applySnapshot(stamp: string, files: readonly string[]): void {
    writeFileAtomic(path.join(this.dataDir, RESTORE_MARKER), JSON.stringify({ stamp }));
    this.replaceLiveFiles(stamp, files);
    fs.rmSync(path.join(this.dataDir, RESTORE_MARKER));
    fsyncDir(this.dataDir);
  }

  private replaceLiveFiles(stamp: string, files: readonly string[]): void {
    // The summaries describe the files being replaced: from here on they are read again at start.
    for (const kind of this.kinds) if (kind.load === 'on-demand') this.catalogOf(kind).discard();
    const keep = new Set(files);
    for (const rel of files) {
      placeFile(this.snapshots.fileIn(stamp, rel), path.join(this.dataDir, rel), this.link);
    }
    for (const rel of this.liveFilesOnDisk()) {
      if (!keep.has(rel)) fs.rmSync(path.join(this.dataDir, rel), { force: true });
    }
    for (const dir of ['', ...this.kinds.flatMap((kind) => (kind.dir ? [kind.dir] : []))]) {
      fsyncDir(path.join(this.dataDir, dir));
    }
  }

  private tryRollback(safetyBackup: string): boolean {
    try {
      this.replaceLiveFiles(safetyBackup, this.snapshots.filesOf(safetyBackup));
      fs.rmSync(path.join(this.dataDir, RESTORE_MARKER), { force: true });
      return true;
    } catch {
      return false;
    }
  }

  /** A restore cut short (crash, power cut) is completed before anything is read. */
  private finishInterruptedRestore(): void {
    const marker = path.join(this.dataDir, RESTORE_MARKER);
    let text: string;
    try {
      text = fs.readFileSync(marker, 'utf8');
    } catch {
      return; // No restore pending.
    }
    try {
      const stamp = parseMarker(text);
      if (stamp !== null && this.snapshots.has(stamp)) {
        const files = this.snapshots.filesOf(stamp).filter((rel) => locateShard(this.kinds, rel) !== null);
        this.replaceLiveFiles(stamp, files);
        this.notify(
          'info',
          `A restore from the backup of ${describeSnapshot(stamp)} was interrupted and has now been completed.`,
        );
      }
      fs.rmSync(marker, { force: true });
      fsyncDir(this.dataDir);
    } catch (error) {
      this.blocked = `A restore was interrupted and cannot be finished now (${describeFsError(error)}). Nothing else was changed; check the data folder and start BRM Workbook again.`;
      throw new StoreBlockedError(this.blocked);
    }
  }

  /** Reads every file again after a restore; services rebuild what they derive from the data. */
  private reload(): void {
    if (this.backgroundTimer) clearTimeout(this.backgroundTimer);
    this.slots.clear();
    const migrated = this.load(this.scan());
    this.writeCatalogs();
    this.rewrite(migrated);
    this.startBackgroundReads();
    for (const listener of this.reloadListeners) listener();
  }

  // ── Deferred collections ───────────────────────────────────────────────────

  private readonly catalogs = new Map<ShardKind<unknown>, SummaryCatalog>();
  private catalogTimer: NodeJS.Timeout | null = null;
  private backgroundTimer: NodeJS.Timeout | null = null;

  private catalogOf(kind: ShardKind<unknown>): SummaryCatalog {
    let catalog = this.catalogs.get(kind);
    if (!catalog) {
      const check = kind.summaryOf;
      catalog = new SummaryCatalog(
        path.join(this.dataDir, kind.dir ?? ''),
        kind.version,
        check &&
          ((key, entry) => {
            const parsed = check.schema.safeParse(entry);
            return parsed.success && check.key(parsed.data) === key;
          }),
      );
      this.catalogs.set(kind, catalog);
    }
    return catalog;
  }

  /** The files of an on-demand collection whose summary is not known: they are read at start. */
  private unsummarized(kind: ShardKind<unknown>, rels: readonly string[]): Set<string> {
    const keyOf = new Map(rels.map((rel) => [locateShard([kind], rel)?.key ?? '', rel]));
    return new Set(
      this.catalogOf(kind)
        .open([...keyOf.keys()])
        .map((key) => keyOf.get(key) ?? ''),
    );
  }

  /** Keeps the summary of a file just read, or forgets the file when it could not be read. */
  private summarize(rel: string): void {
    const located = locateShard(this.kinds, rel);
    if (!located || located.kind.load !== 'on-demand') return;
    const slot = this.slots.get(rel);
    const catalog = this.catalogOf(located.kind);
    if (!slot) catalog.delete(located.key ?? '');
    else if (slot.value !== UNREAD) catalog.set(located.key ?? '', located.kind.summarize?.(slot.value));
  }

  /** The schema version a store file's envelope starts with (`{"schemaVersion":N,`), or null if unclear. */
  private envelopeVersion(rel: string): number | null {
    let fd: number | null = null;
    try {
      fd = fs.openSync(path.join(this.dataDir, rel), 'r');
      const head = Buffer.alloc(40);
      const length = fs.readSync(fd, head, 0, head.length, 0);
      const match = /^\{"schemaVersion":(\d+),"data":/.exec(head.toString('utf8', 0, length));
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  /** Reads and decodes one file; null when it is gone. */
  private decodeFile(rel: string, kind: ShardKind<unknown>): Decoded | null {
    try {
      return decodeShardText(kind, fs.readFileSync(path.join(this.dataDir, rel), 'utf8'), rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { status: 'damaged', reason: describeFsError(error) };
    }
  }

  /** Reads a deferred file into memory when first asked for, recovering it like a file read at start. */
  private readDeferred(rel: string, slot: Slot): unknown {
    const decoded = this.decodeFile(rel, slot.kind);
    if (decoded?.status === 'blocked') throw new WorkbookError('storage', decoded.reason);
    let migrated = false;
    if (decoded?.status === 'ok') {
      this.slots.set(rel, { kind: slot.kind, value: decoded.data });
      migrated = decoded.fromVersion < slot.kind.version;
    } else if (decoded?.status === 'damaged') {
      migrated = this.recover(rel, slot.kind, decoded.reason);
    }
    const now = this.slots.get(rel);
    if (!now || now.value === UNREAD) {
      this.slots.delete(rel);
      this.summarize(rel);
      this.scheduleCatalogWrite();
      throw new WorkbookError('not-found', `No ${slot.kind.name} record ${rel}.`);
    }
    if (decoded?.status !== 'ok') {
      this.summarize(rel);
      this.scheduleCatalogWrite();
    }
    if (migrated) this.rewrite([rel]);
    return now.value;
  }

  /** Reads the 'background' collections a few files at a time, between calls from the window. */
  private startBackgroundReads(): void {
    const queue = [...this.slots]
      .filter(([, slot]) => slot.value === UNREAD && slot.kind.load === 'background')
      .map(([rel]) => rel);
    const step = () => {
      const until = performance.now() + BACKGROUND_SLICE_MS;
      while (queue.length > 0 && performance.now() < until) {
        const rel = queue.shift() ?? '';
        const slot = this.slots.get(rel);
        if (slot?.value !== UNREAD) continue;
        try {
          this.readDeferred(rel, slot);
        } catch {
          // Reported to whoever asks for the file.
        }
      }
      this.backgroundTimer = queue.length > 0 ? setTimeout(step, 0).unref() : null;
    };
    if (queue.length > 0) this.backgroundTimer = setTimeout(step, 0).unref();
  }

  private scheduleCatalogWrite(): void {
    if (this.catalogTimer) return;
    this.catalogTimer = setTimeout(() => {
      this.catalogTimer = null;
      this.writeCatalogs();
    }, CATALOG_WRITE_DELAY_MS).unref();
  }

  /** Rewrites changed summary catalogs. A failure costs only re-reading some files at the next start. */
  private writeCatalogs(): void {
    if (this.catalogTimer) clearTimeout(this.catalogTimer);
    this.catalogTimer = null;
    if (this.blocked || this.otherWriter || this.writeError) return;
    for (const catalog of this.catalogs.values()) {
      try {
        catalog.write();
      } catch {
        // The pending list still names every file whose summary is not in the catalog.
      }
    }
  }

  // ── Files ──────────────────────────────────────────────────────────────────

  private liveFilesOnDisk(): string[] {
    const out: string[] = [];
    for (const kind of this.kinds) {
      if (kind.dir) {
        for (const name of this.listDir(kind.dir)) {
          const rel = `${kind.dir}/${name}`;
          if (locateShard([kind], rel)) out.push(rel);
        }
      } else if (fs.existsSync(path.join(this.dataDir, `${kind.name}.json`))) {
        out.push(`${kind.name}.json`);
      }
    }
    return out;
  }

  private listDir(dir: string): string[] {
    try {
      return fs.readdirSync(path.join(this.dataDir, dir));
    } catch {
      return [];
    }
  }

  private relPath(kind: ShardKind<unknown>, key: string | null): string {
    try {
      return shardPath(kind, key);
    } catch {
      throw new WorkbookError('invalid-input', 'Not a valid record id.');
    }
  }

  private assertWritable(rel: string | null): void {
    if (this.blocked) throw new WorkbookError('storage', this.blocked);
    if (this.otherWriter) throw new WorkbookError('storage', this.otherWriter);
    const pinned = rel === null ? [...this.pinned.values()][0] : this.pinned.get(rel);
    if (pinned) throw new WorkbookError('storage', pinned);
    if (this.writeError) {
      // While writes are failing, a cheap probe answers at once instead of writing a whole file to fail again.
      const unwritable = this.probeWrite();
      if (unwritable) throw this.storageError(unwritable);
    }
  }

  private storageError(error: unknown): WorkbookError {
    const reason = describeFsError(error);
    this.writeError =
      `Changes cannot be saved: ${reason}. Everything saved before is safe and can still be read; ` +
      'what you typed is kept on screen. Free some space or check the data folder, then save again.';
    return new WorkbookError('storage', this.writeError);
  }
}

/** The snapshot a restore marker names; null when it names none (then there is nothing to finish). */
function parseMarker(text: string): string | null {
  try {
    const stamp = (JSON.parse(text) as { stamp?: unknown }).stamp;
    return typeof stamp === 'string' ? stamp : null;
  } catch {
    return null;
  }
}

/**
 * Compact JSON (file size is write time on the hot path), written by the one durable write
 * (atomic-file.ts): every byte, fsync, size check, rename, folder fsync.
 */
export const durableWriter: ShardWriter = {
  write: (file, content) => writeFileAtomic(file, JSON.stringify(content)),
};
