import fs from 'node:fs';
import path from 'node:path';
import { WorkbookError } from '../../../shared/contract/define';
import type { Notice } from '../../../shared/domain/system';
import { newId } from '../../../shared/domain/ids';
import { locateShard, shardPath } from './shard-file';
import type { ShardFile, ShardKind } from './shard-kind';
import { LastingNotices, isLasting } from './lasting-notices';
import { Snapshots } from './snapshots';
import { describeFsError, writeFileAtomic } from './store-files';

/**
 * The state every layer of the store shares: which files exist and what memory holds of them, why writing
 * is refused, and the notices for the BRM. The front (`ShardStore`) and the layers under it (loading and
 * recovery, deferred reads, snapshots, restore) each keep their own timers and bookkeeping; this is the
 * part they all read and change, kept in one place so that no layer holds a stale copy of it.
 */

/** The workbook must not be opened by this version; `message` says why, for the BRM. */
export class StoreBlockedError extends Error {}

/** Writes one store file whole or not at all. Tests wrap the default to inject disk errors. */
export interface ShardWriter {
  write(file: string, content: ShardFile): void;
}

/**
 * Compact JSON (file size is write time on the hot path), written by the one durable write
 * (atomic-file.ts): every byte, fsync, size check, rename, folder fsync.
 */
export const durableWriter: ShardWriter = {
  write: (file, content) => writeFileAtomic(file, JSON.stringify(content)),
};

export type WriteListener = (kind: ShardKind<unknown>, key: string | null) => void;

/** The value of a file of a deferred collection ('background', 'on-demand') that has not been read yet. */
export const UNREAD: unique symbol = Symbol('unread');

export interface Slot {
  kind: ShardKind<unknown>;
  value: unknown;
  /** Size on disk when known (read at start); after a write a snapshot measures the file instead. */
  bytes?: number;
}

export interface StoreCoreOptions {
  now: () => Date;
  /** Whether snapshots and restored files may share the live files' data (hard links). */
  link: boolean;
  otherWriter: string | null;
}

export class StoreCore {
  readonly notices: Notice[] = [];
  /** Every live file by its path relative to the data folder: its value, or UNREAD. */
  readonly slots = new Map<string, Slot>();
  /** Files that must not be written: their damaged original could not be moved aside. */
  readonly pinned = new Map<string, string>();
  readonly snapshots: Snapshots;
  readonly now: () => Date;
  readonly link: boolean;
  /** Why saving fails right now (disk full, read-only folder), or null. */
  writeError: string | null = null;
  /** Set when the workbook must not be touched at all (newer version, failed upgrade). */
  blocked: string | null = null;
  /** Set while another process holds the data folder: everything is read, nothing written or moved. */
  otherWriter: string | null;
  readonly writeListeners = new Set<WriteListener>();
  private readonly lastingNotices: LastingNotices;

  constructor(
    readonly dataDir: string,
    readonly kinds: readonly ShardKind<unknown>[],
    options: StoreCoreOptions,
  ) {
    this.now = options.now;
    this.link = options.link;
    this.otherWriter = options.otherWriter;
    this.snapshots = new Snapshots(dataDir, { now: this.now, link: this.link });
    this.lastingNotices = new LastingNotices(dataDir);
  }

  /** Sets why the workbook must not be touched and stops the caller. */
  block(reason: string): never {
    this.blocked = reason;
    throw new StoreBlockedError(reason);
  }

  /** The notices kept from the last session (recoveries the BRM has not dismissed yet). */
  loadLastingNotices(): void {
    this.notices.push(...this.lastingNotices.load());
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

  /** Notes why saving fails and returns the error that says so to the BRM. */
  storageError(error: unknown): WorkbookError {
    const reason = describeFsError(error);
    this.writeError =
      `Changes cannot be saved: ${reason}. Everything saved before is safe and can still be read; ` +
      'what you typed is kept on screen. Free some space or check the data folder, then save again.';
    return new WorkbookError('storage', this.writeError);
  }

  /** Whether a file can be created in the data folder: the error if not. Cheap, and never retried. */
  probeWrite(): unknown {
    try {
      const probe = path.join(this.dataDir, `.brm-write-probe.${process.pid}.tmp`);
      fs.writeFileSync(probe, '');
      fs.rmSync(probe);
      return null;
    } catch (error) {
      return error;
    }
  }

  /** Tells the write listeners (state derived from the files, such as the search index) what changed. */
  wrote(kind: ShardKind<unknown>, key: string | null): void {
    for (const listener of this.writeListeners) listener(kind, key);
  }

  relPath(kind: ShardKind<unknown>, key: string | null): string {
    try {
      return shardPath(kind, key);
    } catch {
      throw new WorkbookError('invalid-input', 'Not a valid record id.');
    }
  }

  listDir(dir: string): string[] {
    try {
      return fs.readdirSync(path.join(this.dataDir, dir));
    } catch {
      return [];
    }
  }

  /** The folders holding live files: the data folder and each collection's. */
  liveDirs(): string[] {
    return ['', ...this.kinds.flatMap((kind) => (kind.dir ? [kind.dir] : []))];
  }

  /** The store files on disk now, whatever memory holds. */
  liveFilesOnDisk(): string[] {
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
}
