import fs from 'node:fs';
import path from 'node:path';
import { differenceInMilliseconds, format } from 'date-fns';
import type { BackupInfo, BackupReason } from '../../../shared/contract/backups';
import { BACKUP_REASONS } from '../../../shared/contract/backups';
import { fsyncDir, tryLink, writeFileAtomic } from './store-files';

export const SNAPSHOT_DIR = 'backups';
const MANIFEST = 'snapshot.json';
const STAMP_PATTERN = /^\d{8}-\d{6}-\d{3}$/;
/** A snapshot is assembled under this prefix and renamed into place when complete. */
const PARTIAL_PREFIX = '.partial-';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Manifest {
  takenAt: string;
  reason: BackupReason;
  files: number;
  bytes: number;
  /** True when the files are hard links to the live files of the time (no copy was made). */
  linked: boolean;
}

export interface SnapshotSource {
  rel: string;
  /** Size when known; otherwise the file is measured. */
  bytes?: number;
}

/**
 * Snapshots of the live store files in `backups/<stamp>/`, outside the live files. Each one is complete
 * or absent: it is assembled in a hidden folder and renamed into place. Where live writes always replace
 * files (see liveWritesReplaceFiles), a snapshot hard-links the live files instead of copying them, so a
 * snapshot of a large workbook costs one link per file and no data.
 */
export class Snapshots {
  readonly root: string;
  private readonly now: () => Date;
  private readonly link: boolean;

  constructor(dataDir: string, options: { now: () => Date; link: boolean }) {
    this.root = path.join(dataDir, SNAPSHOT_DIR);
    this.now = options.now;
    this.link = options.link;
  }

  /** Snapshots the given live files (paths relative to `dataDir`). */
  take(dataDir: string, sources: readonly SnapshotSource[], reason: BackupReason): string {
    return this.assemble(reason, (partial) => {
      let bytes = 0;
      let files = 0;
      const made = new Set<string>();
      for (const { rel, bytes: known } of sources) {
        const from = path.join(dataDir, rel);
        const to = path.join(partial, rel);
        // Thousands of meeting files share one folder: create each folder once, not once per file.
        ensureParent(to, made);
        try {
          if (!this.link || !tryLink(from, to)) fs.copyFileSync(from, to);
        } catch (error) {
          // Held in memory only (its file could not be written back): nothing on disk to keep.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw error;
        }
        bytes += known ?? fs.statSync(from).size;
        files += 1;
      }
      return { files, bytes, linked: this.link };
    });
  }

  /** Writes the given file contents as a new snapshot (an imported workbook, before it replaces the live one). */
  write(files: ReadonlyMap<string, string>, reason: BackupReason): string {
    return this.assemble(reason, (partial) => {
      let bytes = 0;
      for (const [rel, text] of files) {
        const to = path.join(partial, rel);
        ensureParent(to);
        // Whole and fsynced: a restore links these very files into the live folder.
        writeFileAtomic(to, text);
        bytes += Buffer.byteLength(text);
      }
      return { files: files.size, bytes, linked: false };
    });
  }

  /** Stamps of complete snapshots, newest first. */
  stamps(): string[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return [];
    }
    return names
      .filter((name) => STAMP_PATTERN.test(name))
      .sort()
      .reverse();
  }

  list(): BackupInfo[] {
    return this.stamps().map((stamp) => this.info(stamp));
  }

  has(stamp: string): boolean {
    return STAMP_PATTERN.test(stamp) && fs.existsSync(path.join(this.root, stamp));
  }

  fileIn(stamp: string, rel: string): string {
    return path.join(this.root, stamp, rel);
  }

  /** The store files in a snapshot, as paths relative to it (with '/'). */
  filesOf(stamp: string): string[] {
    const base = path.join(this.root, stamp);
    const out: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const rel = prefix + entry.name;
        if (entry.isDirectory()) walk(path.join(dir, entry.name), `${rel}/`);
        else if (entry.isFile() && rel !== MANIFEST) out.push(rel);
      }
    };
    walk(base, '');
    return out;
  }

  remove(stamp: string): void {
    if (STAMP_PATTERN.test(stamp)) fs.rmSync(path.join(this.root, stamp), { recursive: true, force: true });
  }

  /** Deletes the snapshots the retention rules no longer keep (never one in `protect`). */
  prune(protect: ReadonlySet<string> = new Set()): void {
    // The stamp is the time taken: pruning reads no manifests, however many snapshots there are.
    const all = this.stamps().map((stamp) => ({ stamp, takenAt: stampTime(stamp) }));
    for (const stamp of expiredSnapshots(all, this.now())) {
      if (protect.has(stamp)) continue;
      try {
        fs.rmSync(path.join(this.root, stamp), { recursive: true, force: true });
      } catch {
        // An old snapshot that cannot be removed now is removed at a later prune.
      }
    }
  }

  /** Removes snapshots that an interrupted process left half-assembled. */
  removeLeftovers(): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.root);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(PARTIAL_PREFIX))
        fs.rmSync(path.join(this.root, name), { recursive: true, force: true });
    }
  }

  private assemble(
    reason: BackupReason,
    fill: (partial: string) => Omit<Manifest, 'takenAt' | 'reason'>,
  ): string {
    fs.mkdirSync(this.root, { recursive: true });
    const takenAt = this.now();
    const stamp = this.freeStamp(takenAt);
    const partial = path.join(this.root, PARTIAL_PREFIX + stamp);
    try {
      fs.mkdirSync(partial);
      const manifest: Manifest = { takenAt: takenAt.toISOString(), reason, ...fill(partial) };
      writeFileAtomic(path.join(partial, MANIFEST), JSON.stringify(manifest));
      fs.renameSync(partial, path.join(this.root, stamp));
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      throw error;
    }
    fsyncDir(this.root);
    return stamp;
  }

  /** Two snapshots in the same millisecond (a safety backup right before a restore) get the next one. */
  private freeStamp(at: Date): string {
    let t = at.getTime();
    for (;;) {
      const stamp = stampOf(new Date(t));
      if (
        !fs.existsSync(path.join(this.root, stamp)) &&
        !fs.existsSync(path.join(this.root, PARTIAL_PREFIX + stamp))
      )
        return stamp;
      t += 1;
    }
  }

  private info(stamp: string): BackupInfo {
    const manifest = readManifest(path.join(this.root, stamp, MANIFEST));
    if (manifest) {
      return {
        stamp,
        takenAt: manifest.takenAt,
        reason: manifest.reason,
        files: manifest.files,
        bytes: manifest.bytes,
      };
    }
    // A snapshot whose manifest is missing is still usable: measure it.
    const files = this.filesOf(stamp);
    const bytes = files.reduce((sum, rel) => sum + fs.statSync(this.fileIn(stamp, rel)).size, 0);
    return { stamp, takenAt: stampTime(stamp).toISOString(), reason: null, files: files.length, bytes };
  }
}

function ensureParent(file: string, made?: Set<string>): void {
  const dir = path.dirname(file);
  if (made?.has(dir)) return;
  fs.mkdirSync(dir, { recursive: true });
  made?.add(dir);
}

function readManifest(file: string): Manifest | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Manifest>;
    if (
      typeof value.takenAt === 'string' &&
      !Number.isNaN(Date.parse(value.takenAt)) &&
      BACKUP_REASONS.includes(value.reason as BackupReason) &&
      typeof value.files === 'number' &&
      typeof value.bytes === 'number'
    )
      return value as Manifest;
  } catch {
    // Missing or unreadable: the caller measures the snapshot instead.
  }
  return null;
}

/** `yyyyMMdd-HHmmss-SSS` in UTC, so names sort in time order across time zones and clock changes. */
export function stampOf(at: Date): string {
  const iso = at.toISOString(); // 2026-11-24T10:15:00.123Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}-${iso.slice(20, 23)}`;
}

/** When a snapshot was taken, in the user's local time, for messages. */
export function describeSnapshot(stamp: string): string {
  return format(stampTime(stamp), 'd MMM yyyy, HH:mm');
}

export function stampTime(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})$/.exec(stamp);
  if (!m) return new Date(Number.NaN);
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
}

/**
 * Retention by age: every snapshot of the last 24 hours, the first of each day for 30 days, the first
 * of each month for a year; the newest is always kept. Days and months are the user's local calendar.
 */
export function expiredSnapshots(
  snapshots: readonly { stamp: string; takenAt: Date }[],
  now: Date,
): string[] {
  const oldestFirst = [...snapshots].sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  const newest = oldestFirst.at(-1)?.stamp;
  const seenDays = new Set<string>();
  const seenMonths = new Set<string>();
  const expired: string[] = [];
  for (const { stamp, takenAt } of oldestFirst) {
    if (stamp === newest) continue;
    const age = differenceInMilliseconds(now, takenAt);
    if (age < DAY) continue;
    if (age < 30 * DAY) {
      const day = format(takenAt, 'yyyy-MM-dd');
      if (!seenDays.has(day)) {
        seenDays.add(day);
        continue;
      }
    } else if (age < 365 * DAY) {
      const month = format(takenAt, 'yyyy-MM');
      if (!seenMonths.has(month)) {
        seenMonths.add(month);
        continue;
      }
    }
    expired.push(stamp);
  }
  return expired;
}
