import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/contract/backups';
import { WorkbookError } from '../../../shared/contract/define';
import type { Notice } from '../../../shared/domain/system';
import { locateShard } from './shard-file';
import type { ShardFile, ShardKind } from './shard-kind';
import { DeferredReads } from './deferred-reads';
import { Restorer } from './restore';
import { SNAPSHOT_INTERVAL_MS, SnapshotSchedule } from './snapshot-schedule';
import { StoreCore, UNREAD, durableWriter, type ShardWriter, type WriteListener } from './store-core';
import { StoreLoader } from './store-loader';
import { describeFsError, fsyncDir, liveWritesReplaceFiles } from './store-files';

export { describeFsError } from './store-files';
export { SNAPSHOT_INTERVAL_MS } from './snapshot-schedule';
export { StoreBlockedError, durableWriter, type ShardWriter, type WriteListener } from './store-core';

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

/**
 * The single writer, and the front of the store: get, put, remove and summaries. Every file is read and
 * validated once (at start, or later in deferred collections: see LoadPolicy), then served from memory; a
 * save writes one file atomically and only then updates memory, so a failed save leaves both the file and
 * the in-memory state as they were. Under the front: loading and recovery (store-loader.ts: damaged files
 * are quarantined and restored from the newest good snapshot, the user told through `notices`), deferred
 * reads (deferred-reads.ts), snapshot scheduling (snapshot-schedule.ts) and restore (restore.ts).
 */
export class ShardStore {
  readonly dataDir: string;
  readonly kinds: readonly ShardKind<unknown>[];
  private readonly core: StoreCore;
  private readonly writer: ShardWriter;
  private readonly deferred: DeferredReads;
  private readonly loader: StoreLoader;
  private readonly schedule: SnapshotSchedule;
  private readonly restorer: Restorer;
  private readonly reloadListeners = new Set<() => void>();
  private readonly closeListeners = new Set<() => void>();
  private changeObserver: ChangeObserver | null = null;

  constructor(dataDir: string, kinds: readonly ShardKind<unknown>[], options: ShardStoreOptions = {}) {
    this.dataDir = path.resolve(dataDir);
    this.kinds = kinds;
    this.core = new StoreCore(this.dataDir, kinds, {
      now: options.now ?? (() => new Date()),
      link: options.linkSnapshots ?? liveWritesReplaceFiles(),
      otherWriter: options.otherWriter ?? null,
    });
    this.writer = options.writer ?? durableWriter;
    this.deferred = new DeferredReads(this.core, {
      recover: (rel, kind, reason) => this.loader.recover(rel, kind, reason),
      rewrite: (rels) => this.loader.rewrite(rels),
    });
    this.loader = new StoreLoader(this.core, this.deferred, (kind, key, value) => this.put(kind, key, value));
    this.schedule = new SnapshotSchedule(
      this.core,
      options.snapshotIntervalMs === undefined ? SNAPSHOT_INTERVAL_MS : options.snapshotIntervalMs,
    );
    this.restorer = new Restorer(this.core, this.schedule, this.deferred, () => this.reload());
  }

  /** Notices for the BRM (recoveries, failed backups), newest last. */
  get notices(): Notice[] {
    return this.core.notices;
  }

  /**
   * Reads every shard. Throws StoreBlockedError, having written nothing, when a file must not be touched;
   * otherwise recovers damaged files, takes the start snapshot, then rewrites migrated files.
   */
  open(): void {
    const { core, loader } = this;
    try {
      fs.mkdirSync(this.dataDir, { recursive: true });
    } catch (error) {
      core.block(`The data folder ${this.dataDir} could not be created (${describeFsError(error)}).`);
    }
    core.loadLastingNotices();
    // The holder of the folder finishes its own restores and cleans up after itself.
    if (!core.otherWriter) this.restorer.finishInterruptedRestore();
    const scanned = loader.scan();
    const blocked = scanned.flatMap(({ decoded }) => (decoded?.status === 'blocked' ? [decoded.reason] : []));
    if (blocked.length > 0) {
      core.block(blocked[0]! + (blocked.length > 1 ? ` (${blocked.length - 1} more files likewise.)` : ''));
    }
    if (core.otherWriter) {
      loader.load(scanned);
      this.deferred.startBackgroundReads();
      return;
    }
    const unwritable = core.probeWrite();
    if (unwritable) core.storageError(unwritable);
    loader.removeLeftovers();
    const migrated = loader.load(scanned);
    this.deferred.writeCatalogs();
    this.schedule.onStart(migrated.length > 0);
    loader.rewrite(migrated);
    this.deferred.startBackgroundReads();
  }

  get<T>(kind: ShardKind<T>, key: string | null = null): T {
    const rel = this.core.relPath(kind, key);
    const slot = this.core.slots.get(rel);
    if (slot) return (slot.value === UNREAD ? this.deferred.readDeferred(rel, slot) : slot.value) as T;
    if (kind.dir) throw new WorkbookError('not-found', `No ${kind.name} record ${String(key)}.`);
    return kind.empty();
  }

  /**
   * Like `get`, but a file not in memory is read without being kept there: for passes over every file of
   * a deferred collection (the search index) that must not hold ten years of minutes in memory.
   */
  read<T>(kind: ShardKind<T>, key: string | null = null): T {
    const rel = this.core.relPath(kind, key);
    const slot = this.core.slots.get(rel);
    if (slot?.value === UNREAD) {
      const data = this.deferred.readUnkept(rel, slot);
      if (data !== undefined) return data as T;
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
    const rel = this.core.relPath(kind, key);
    const slot = this.core.slots.get(rel);
    if (!slot) return null;
    if (slot.value !== UNREAD) return slot.value as T;
    return this.deferred.peek(rel, slot.kind) as T | null;
  }

  /** Whether a file is in memory (read and checked), rather than deferred. */
  isRead(kind: ShardKind<unknown>, key: string | null = null): boolean {
    const slot = this.core.slots.get(this.core.relPath(kind, key));
    return !!slot && slot.value !== UNREAD;
  }

  /** Where a store file lives on disk. */
  filePath(kind: ShardKind<unknown>, key: string | null = null): string {
    return path.join(this.dataDir, this.core.relPath(kind, key));
  }

  /** The summaries of every file of an 'on-demand' collection, by key, without reading the files. */
  summaries<S>(kind: ShardKind<unknown, S>): ReadonlyMap<string, S> {
    const catalog = this.deferred.catalogFor(kind as ShardKind<unknown>);
    if (!catalog) throw new Error(`${kind.name} keeps no summaries: it is not an on-demand collection.`);
    return catalog.all() as ReadonlyMap<string, S>;
  }

  has(kind: ShardKind<unknown>, key: string): boolean {
    return this.core.slots.has(this.core.relPath(kind, key));
  }

  keys(kind: ShardKind<unknown>): string[] {
    const prefix = `${kind.dir}/`;
    const out: string[] = [];
    for (const rel of this.core.slots.keys()) {
      if (rel.startsWith(prefix)) out.push(rel.slice(prefix.length, -'.json'.length));
    }
    return out;
  }

  /** Validates and durably writes one shard, then serves it from memory. */
  put<T>(kind: ShardKind<T>, key: string | null, value: T): T {
    const { core } = this;
    const rel = core.relPath(kind, key);
    this.assertWritable(rel);
    this.schedule.takeStartSnapshot();
    const checked = kind.schema.safeParse(value);
    if (!checked.success) {
      throw new WorkbookError(
        'internal',
        `Refused to store an invalid ${kind.name}: ${checked.error.message}`,
      );
    }
    const catalog = this.deferred.catalogFor(kind as ShardKind<unknown>);
    const summary = catalog ? kind.summarize?.(checked.data) : undefined;
    this.changeObserver?.(kind as ShardKind<unknown>, key, this.current(rel, kind, key), checked.data);
    try {
      catalog?.willWrite(key ?? '', summary);
      this.writer.write(path.join(this.dataDir, rel), { schemaVersion: kind.version, data: checked.data });
    } catch (error) {
      throw core.storageError(error);
    }
    core.writeError = null;
    core.slots.set(rel, { kind: kind as ShardKind<unknown>, value: checked.data });
    if (catalog) {
      catalog.set(key ?? '', summary);
      this.deferred.scheduleCatalogWrite();
    }
    this.schedule.changed();
    core.wrote(kind as ShardKind<unknown>, key);
    return checked.data;
  }

  remove(kind: ShardKind<unknown>, key: string): void {
    const { core } = this;
    const rel = core.relPath(kind, key);
    this.assertWritable(rel);
    this.schedule.takeStartSnapshot();
    const full = path.join(this.dataDir, rel);
    this.changeObserver?.(kind, key, this.current(rel, kind, key), undefined);
    try {
      fs.rmSync(full, { force: true });
      fsyncDir(path.dirname(full));
    } catch (error) {
      throw core.storageError(error);
    }
    core.writeError = null;
    core.slots.delete(rel);
    if (this.deferred.catalogFor(kind)?.delete(key)) this.deferred.scheduleCatalogWrite();
    this.schedule.changed();
    core.wrote(kind, key);
  }

  // ── Listeners ──────────────────────────────────────────────────────────────

  /** Sets the one observer of changes (the team sync's outbox); null removes it. */
  observeChanges(observer: ChangeObserver | null): void {
    this.changeObserver = observer;
  }

  /** A shard's content as stored now, for the change observer; undefined when there is no such file. */
  private current(rel: string, kind: ShardKind<unknown>, key: string | null): unknown {
    const slot = this.core.slots.get(rel);
    if (!slot) return kind.dir ? undefined : kind.empty();
    return slot.value === UNREAD ? this.read(kind, key) : slot.value;
  }

  /**
   * Calls `listener` after every successful write or removal, so state derived from the files (the search
   * index) can note what changed without rescanning the store. Returns the unsubscribe function.
   */
  onWrite(listener: WriteListener): () => void {
    this.core.writeListeners.add(listener);
    return () => this.core.writeListeners.delete(listener);
  }

  /** Called after a restore or import replaced the data: services that derive state from it rebuild. */
  onReload(listener: () => void): () => void {
    this.reloadListeners.add(listener);
    return () => this.reloadListeners.delete(listener);
  }

  /** Called as the store closes, so services can write what they derive (the search index) once more. */
  onClose(listener: () => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  // ── Writing allowed, notices ───────────────────────────────────────────────

  /** Why saving is failing right now (disk full, read-only folder), or null. */
  get readOnlyReason(): string | null {
    return this.core.blocked ?? this.core.otherWriter ?? this.core.writeError;
  }

  /** The folder's lock was taken over by another process: from now on this store only reads. */
  stopWriting(reason: string): void {
    this.core.otherWriter = reason;
    this.core.notify('error', reason);
  }

  /** `about`: a recovery or quarantine of that file; such a notice is kept until it is dismissed. */
  notify(
    level: Notice['level'],
    message: string,
    about?: { file: string; restoredFrom: string | null },
  ): void {
    this.core.notify(level, message, about);
  }

  dismissNotice(id: string): void {
    this.core.dismissNotice(id);
  }

  private assertWritable(rel: string | null): void {
    const { core } = this;
    if (core.blocked) throw new WorkbookError('storage', core.blocked);
    if (core.otherWriter) throw new WorkbookError('storage', core.otherWriter);
    const pinned = rel === null ? [...core.pinned.values()][0] : core.pinned.get(rel);
    if (pinned) throw new WorkbookError('storage', pinned);
    if (core.writeError) {
      // While writes are failing, a cheap probe answers at once instead of writing a whole file to fail again.
      const unwritable = core.probeWrite();
      if (unwritable) throw core.storageError(unwritable);
    }
  }

  // ── Backups, restore, close ────────────────────────────────────────────────

  /** Snapshots every live store file into `backups/<stamp>/`; null when there is nothing to keep or it failed. */
  backupNow(reason: BackupReason = 'periodic'): string | null {
    return this.schedule.backupNow(reason);
  }

  listBackups(): BackupInfo[] {
    return this.schedule.listBackups();
  }

  /** Every live file as it is in memory, keyed by its path (for an export of the whole workbook). */
  exportFiles(): Map<string, ShardFile> {
    const out = new Map<string, ShardFile>();
    for (const [rel, slot] of [...this.core.slots].sort(([a], [b]) => a.localeCompare(b))) {
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
    this.schedule.takeStartSnapshot();
    this.assertWritable(null);
    return this.restorer.restoreSnapshot(stamp, safetyReason);
  }

  /**
   * Writes a set of validated files as a new snapshot (reason 'imported') and restores it, so an import
   * is exactly a restore: checked, undoable, and finished on the next start if cut short.
   */
  importFiles(files: ReadonlyMap<string, string>): { stamp: string; safetyBackup: string | null } {
    this.schedule.takeStartSnapshot();
    this.assertWritable(null);
    return this.restorer.importFiles(files);
  }

  /** Reads every file again after a restore; services rebuild what they derive from the data. */
  private reload(): void {
    this.deferred.stopBackgroundReads();
    this.core.slots.clear();
    const migrated = this.loader.load(this.loader.scan());
    this.deferred.writeCatalogs();
    this.loader.rewrite(migrated);
    this.deferred.startBackgroundReads();
    for (const listener of this.reloadListeners) listener();
  }

  /** Stops the automatic snapshot timer (quitting, or a test done with this store). */
  close(): void {
    for (const listener of this.closeListeners) listener();
    // Closed before the start snapshot was taken: take it now, it may hold the last session's final edits.
    this.schedule.close();
    this.deferred.stopBackgroundReads();
    this.deferred.writeCatalogs();
  }
}
