import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { format } from 'date-fns';
import { WorkbookError } from '../../../shared/contract/define';
import type { Notice } from '../../../shared/domain/system';
import { newId } from '../../../shared/domain/ids';
import type { ShardFile, ShardKind } from './shard-kind';

const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const BACKUP_DIR = 'backups';
const QUARANTINE_DIR = 'quarantine';
const BACKUP_STAMP = 'yyyyMMdd-HHmmss-SSS';
export const BACKUPS_KEPT = 10;

/** Thrown when a file was written by a newer version of the app: we must not downgrade it. */
export class NewerVersionError extends Error {}

export type WriteListener = (kind: ShardKind<unknown>, key: string | null) => void;

type Loaded = { ok: true; data: unknown; migrated: boolean } | { ok: false; reason: string };

interface Slot {
  value: unknown;
  conf: Conf<Record<string, unknown>> | null;
}

/**
 * The single writer. Every shard is read and validated once at start, then served from memory; a save
 * writes one file atomically (conf: temp file, fsync, rename) and only then updates memory, so a failed
 * save leaves both the file and the in-memory state as they were.
 */
export class ShardStore {
  readonly dataDir: string;
  readonly notices: Notice[] = [];
  private readonly slots = new Map<string, Slot>();
  private readonly kinds: readonly ShardKind<unknown>[];
  private writeError: string | null = null;
  private readonly now: () => Date;

  constructor(dataDir: string, kinds: readonly ShardKind<unknown>[], options: { now?: () => Date } = {}) {
    this.dataDir = path.resolve(dataDir);
    this.kinds = kinds;
    this.now = options.now ?? (() => new Date());
  }

  /** Reads every shard, recovering damaged ones from backups, migrating old ones, then takes a backup. */
  open(): void {
    fs.mkdirSync(this.dataDir, { recursive: true });
    const toRewrite: Array<[ShardKind<unknown>, string | null]> = [];
    for (const kind of this.kinds) {
      const keys = kind.dir ? this.listKeysOnDisk(kind.dir) : [null];
      for (const key of keys) {
        const migrated = this.loadOne(kind, key);
        if (migrated) toRewrite.push([kind, key]);
      }
    }
    // The backup taken here holds the files as they were before any migration rewrites them.
    this.backupNow();
    for (const [kind, key] of toRewrite) this.put(kind, key, this.get(kind, key));
  }

  get<T>(kind: ShardKind<T>, key: string | null = null): T {
    const slot = this.slots.get(this.relPath(kind, key));
    if (slot) return slot.value as T;
    if (kind.dir) throw new WorkbookError('not-found', `No ${kind.name} record ${String(key)}.`);
    return kind.empty();
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
    const checked = kind.schema.safeParse(value);
    if (!checked.success) {
      throw new WorkbookError(
        'internal',
        `Refused to store an invalid ${kind.name}: ${checked.error.message}`,
      );
    }
    const slot = this.slots.get(rel) ?? { value: undefined, conf: null };
    try {
      slot.conf ??= this.openConf(rel);
      const file: ShardFile = { schemaVersion: kind.version, data: checked.data };
      slot.conf.store = file as unknown as Record<string, unknown>;
      this.fsyncDir(path.dirname(path.join(this.dataDir, rel)));
    } catch (error) {
      slot.conf = null;
      throw this.storageError(error);
    }
    this.writeError = null;
    slot.value = checked.data;
    this.slots.set(rel, slot);
    this.wrote(kind as ShardKind<unknown>, key);
    return checked.data;
  }

  remove(kind: ShardKind<unknown>, key: string): void {
    const rel = this.relPath(kind, key);
    try {
      fs.rmSync(path.join(this.dataDir, rel), { force: true });
    } catch (error) {
      throw this.storageError(error);
    }
    this.slots.delete(rel);
    this.wrote(kind, key);
  }

  // ── Write listeners ────────────────────────────────────────────────────────

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
    return this.writeError;
  }

  notify(level: Notice['level'], message: string): void {
    this.notices.push({ id: newId(), level, message, at: this.now().toISOString() });
  }

  dismissNotice(id: string): void {
    const index = this.notices.findIndex((n) => n.id === id);
    if (index >= 0) this.notices.splice(index, 1);
  }

  // ── Backups ────────────────────────────────────────────────────────────────

  /** Copies every live store file into `backups/<stamp>/` and keeps the newest few. */
  backupNow(): string | null {
    const files = this.liveFiles();
    if (files.length === 0) return null;
    const stamp = format(this.now(), BACKUP_STAMP);
    const target = path.join(this.dataDir, BACKUP_DIR, stamp);
    try {
      for (const rel of files) {
        const to = path.join(target, rel);
        fs.mkdirSync(path.dirname(to), { recursive: true });
        fs.copyFileSync(path.join(this.dataDir, rel), to);
      }
      this.pruneBackups();
      return target;
    } catch (error) {
      this.notify(
        'warning',
        `A backup could not be written (${describeFsError(error)}). Your data is unchanged.`,
      );
      return null;
    }
  }

  listBackups(): string[] {
    const dir = path.join(this.dataDir, BACKUP_DIR);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => /^\d{8}-\d{6}-\d{3}$/.test(name))
      .sort()
      .reverse();
  }

  private pruneBackups(): void {
    for (const old of this.listBackups().slice(BACKUPS_KEPT)) {
      fs.rmSync(path.join(this.dataDir, BACKUP_DIR, old), { recursive: true, force: true });
    }
  }

  private liveFiles(): string[] {
    const out: string[] = [];
    for (const kind of this.kinds) {
      if (kind.dir) {
        for (const key of this.listKeysOnDisk(kind.dir)) out.push(`${kind.dir}/${key}.json`);
      } else if (fs.existsSync(path.join(this.dataDir, `${kind.name}.json`))) {
        out.push(`${kind.name}.json`);
      }
    }
    return out;
  }

  // ── Loading and recovery ───────────────────────────────────────────────────

  /** Loads one shard into memory; returns true when it was migrated and must be rewritten. */
  private loadOne(kind: ShardKind<unknown>, key: string | null): boolean {
    const rel = this.relPath(kind, key);
    const live = path.join(this.dataDir, rel);
    if (!fs.existsSync(live)) return false;
    const loaded = this.readShardFile(kind, live);
    if (loaded.ok) {
      this.slots.set(rel, { value: loaded.data, conf: null });
      return loaded.migrated;
    }
    const quarantined = this.quarantine(rel);
    for (const stamp of this.listBackups()) {
      const candidate = path.join(this.dataDir, BACKUP_DIR, stamp, rel);
      if (!fs.existsSync(candidate)) continue;
      const restored = this.readShardFile(kind, candidate);
      if (!restored.ok) continue;
      fs.mkdirSync(path.dirname(live), { recursive: true });
      fs.copyFileSync(candidate, live);
      this.slots.set(rel, { value: restored.data, conf: null });
      this.notify(
        'warning',
        `The store file ${rel} was damaged (${loaded.reason}). It was restored from the backup of ${describeStamp(stamp)}; ` +
          `changes made after that backup are not in it. The damaged file was kept at ${quarantined}.`,
      );
      return restored.migrated;
    }
    this.notify(
      'error',
      `The store file ${rel} was damaged (${loaded.reason}) and no good backup of it exists. ` +
        `It was moved to ${quarantined} and is left out of the workbook.`,
    );
    return false;
  }

  private readShardFile(kind: ShardKind<unknown>, file: string): Loaded {
    let parsed: unknown;
    try {
      const text = fs.readFileSync(file, 'utf8');
      if (text.trim() === '') return { ok: false, reason: 'the file is empty' };
      parsed = JSON.parse(text);
    } catch (error) {
      return { ok: false, reason: error instanceof SyntaxError ? 'not valid JSON' : describeFsError(error) };
    }
    if (!isShardFile(parsed)) return { ok: false, reason: 'not a BRM Workbook store file' };
    if (parsed.schemaVersion > kind.version) {
      throw new NewerVersionError(
        `This workbook was saved by a newer version of BRM Workbook (${kind.name} schema ${parsed.schemaVersion}; ` +
          `this version reads up to ${kind.version}). Update the app to open it; nothing was changed.`,
      );
    }
    let data = parsed.data;
    try {
      for (let v = parsed.schemaVersion; v < kind.version; v++) {
        const step = kind.migrations[v];
        if (!step) return { ok: false, reason: `no migration from schema version ${v}` };
        data = step(structuredClone(data));
      }
    } catch (error) {
      return {
        ok: false,
        reason: `migration failed: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    const checked = kind.schema.safeParse(data);
    if (!checked.success) return { ok: false, reason: 'its contents fail the schema' };
    return { ok: true, data: checked.data, migrated: parsed.schemaVersion < kind.version };
  }

  private quarantine(rel: string): string {
    const dir = path.join(this.dataDir, QUARANTINE_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const target = path.join(dir, `${rel.replaceAll('/', '__')}.${format(this.now(), BACKUP_STAMP)}.damaged`);
    fs.renameSync(path.join(this.dataDir, rel), target);
    return target;
  }

  private listKeysOnDisk(dir: string): string[] {
    const full = path.join(this.dataDir, dir);
    if (!fs.existsSync(full)) return [];
    return fs
      .readdirSync(full)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((key) => KEY_PATTERN.test(key));
  }

  // ── Files ──────────────────────────────────────────────────────────────────

  private relPath(kind: ShardKind<unknown>, key: string | null): string {
    if (!kind.dir) return `${kind.name}.json`;
    if (key === null || !KEY_PATTERN.test(key))
      throw new WorkbookError('invalid-input', 'Not a valid record id.');
    return `${kind.dir}/${key}.json`;
  }

  private openConf(rel: string): Conf<Record<string, unknown>> {
    const full = path.join(this.dataDir, rel);
    return new Conf<Record<string, unknown>>({
      cwd: path.dirname(full),
      configName: path.basename(full, '.json'),
      fileExtension: 'json',
      // Compact JSON: file size is write time on the hot path.
      serialize: (value) => JSON.stringify(value),
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      watch: false,
    });
  }

  /** conf does not fsync the folder after its rename; without this a power cut can undo the rename. */
  private fsyncDir(dir: string): void {
    let fd: number | null = null;
    try {
      fd = fs.openSync(dir, 'r');
      fs.fsyncSync(fd);
    } catch {
      // Some file systems refuse fsync on a directory; the file itself was fsynced.
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }

  private storageError(error: unknown): WorkbookError {
    const reason = describeFsError(error);
    this.writeError = `Saving failed: ${reason}. Your last change was not saved; what you typed is still on screen.`;
    return new WorkbookError('storage', this.writeError);
  }
}

function isShardFile(value: unknown): value is ShardFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isInteger((value as ShardFile).schemaVersion) &&
    (value as ShardFile).schemaVersion >= 1 &&
    'data' in value
  );
}

function describeStamp(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})/.exec(stamp);
  return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : stamp;
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'the data folder is not writable';
    case 'EROFS':
      return 'the data folder is on a read-only drive';
    case 'EBUSY':
      return 'the file is in use by another program';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
