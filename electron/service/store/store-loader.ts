import fs from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { decodeShardText, locateShard, type Decoded } from './shard-file';
import type { ShardKind } from './shard-kind';
import { describeSnapshot } from './snapshots';
import { UNREAD, type StoreCore } from './store-core';
import type { DeferredReads, Recovery } from './deferred-reads';
import { describeFsError, fsyncDir, isLeftoverTempFile, placeFile } from './store-files';

const QUARANTINE_DIR = 'quarantine';

/** A file found at start: decoded, or (deferred collections) not read yet, or read only for its summary. */
export interface Scanned {
  rel: string;
  kind: ShardKind<unknown>;
  text: string | null;
  decoded: Decoded | null;
  /** An 'on-demand' file read only to make its summary: the summary, not the file, is kept. */
  summary?: { value: unknown };
}

/**
 * An 'on-demand' file read at start only because its summary was not known (a first start, or a restore
 * replaced the summaries): keeps the summary and lets the text and data go at once, so a team-sized
 * workbook's 60,000 meetings are not all held in memory until the scan ends. A file that must be migrated
 * or recovered is kept whole: loading writes it.
 */
function summaryOnly(found: Scanned): Scanned {
  const { kind, decoded } = found;
  if (decoded?.status !== 'ok' || decoded.fromVersion !== kind.version || !kind.summarize) return found;
  return { ...found, text: null, decoded: null, summary: { value: kind.summarize(decoded.data) } };
}

/** How the loader writes a migrated file: through the front, like any change. */
export type Rewriter = (kind: ShardKind<unknown>, key: string | null, value: unknown) => void;

/**
 * Loading and recovery: reads the live files into memory (deferred collections only listed), moves damaged
 * files aside and restores them from the newest good snapshot, and rewrites migrated files.
 */
export class StoreLoader implements Recovery {
  constructor(
    private readonly core: StoreCore,
    private readonly deferred: DeferredReads,
    private readonly put: Rewriter,
  ) {}

  /**
   * Reads and decodes every live file without writing anything, except those of deferred collections,
   * which are only listed: 'on-demand' files whose summary is known, and 'background' files of this
   * version (their envelope says so in its first bytes), are read later.
   */
  scan(): Scanned[] {
    const out: Scanned[] = [];
    for (const kind of this.core.kinds) {
      const rels = kind.dir
        ? this.core.listDir(kind.dir).flatMap((name) => {
            const rel = `${kind.dir}/${name}`;
            return locateShard([kind], rel) ? [rel] : [];
          })
        : [`${kind.name}.json`];
      const unknown = kind.load === 'on-demand' ? this.deferred.unsummarized(kind, rels) : null;
      for (const rel of rels) {
        const deferred =
          (kind.load === 'on-demand' && !unknown?.has(rel)) ||
          (kind.load === 'background' && this.deferred.envelopeVersion(rel) === kind.version);
        const found = deferred ? { rel, kind, text: null, decoded: null } : this.readAtStart(rel, kind);
        if (found) out.push(unknown?.has(rel) ? summaryOnly(found) : found);
      }
    }
    return out;
  }

  /** One file read whole at start; null when it is gone. */
  private readAtStart(rel: string, kind: ShardKind<unknown>): Scanned | null {
    let text: string;
    try {
      text = fs.readFileSync(path.join(this.core.dataDir, rel), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { rel, kind, text: null, decoded: { status: 'damaged', reason: describeFsError(error) } };
    }
    return { rel, kind, text, decoded: decodeShardText(kind, text, rel) };
  }

  /** Puts scanned files into memory, recovering damaged ones; returns the files that were migrated. */
  load(scanned: readonly Scanned[]): string[] {
    const { slots } = this.core;
    const migrated: string[] = [];
    for (const { rel, kind, text, decoded, summary } of scanned) {
      if (summary) {
        slots.set(rel, { kind, value: UNREAD });
        this.deferred.keepSummary(rel, summary.value);
        continue;
      }
      if (decoded === null) {
        slots.set(rel, { kind, value: UNREAD });
      } else if (decoded.status === 'ok') {
        slots.set(rel, { kind, value: decoded.data, bytes: Buffer.byteLength(text ?? '') });
        if (decoded.fromVersion < kind.version) migrated.push(rel);
      } else if (decoded.status === 'damaged') {
        if (this.recover(rel, kind, decoded.reason)) migrated.push(rel);
      }
      this.deferred.summarize(rel);
    }
    return migrated;
  }

  /** Moves a damaged file aside and restores the newest good copy from the snapshots. */
  recover(rel: string, kind: ShardKind<unknown>, reason: string): boolean {
    const { core } = this;
    if (core.otherWriter) {
      // Only the folder's holder may move files; it recovers this one when it reads it.
      core.notify(
        'error',
        `The store file ${rel} is damaged (${reason}); it is left out until the copy of BRM Workbook that holds the folder recovers it.`,
      );
      return false;
    }
    let quarantined: string;
    try {
      quarantined = this.quarantine(rel);
    } catch (error) {
      // The damaged file must never be overwritten: if it cannot be moved aside, it is not written at all.
      const why = `The store file ${rel} is damaged (${reason}) and could not be moved aside (${describeFsError(error)}). It is left as it is and changes to it are not saved.`;
      core.pinned.set(rel, why);
      core.notify('error', why);
      return false;
    }
    const restored = this.restoreFromSnapshots(rel, kind);
    if (restored) {
      core.notify(
        'warning',
        `The store file ${rel} was damaged (${reason}). It was restored from the backup of ${describeSnapshot(restored.stamp)}; ` +
          `changes made after that backup are not in it. The damaged file was kept at ${quarantined}.`,
        { file: rel, restoredFrom: describeSnapshot(restored.stamp) },
      );
      this.recovered(rel);
      return restored.fromVersion < kind.version;
    }
    core.notify(
      'error',
      `The store file ${rel} was damaged (${reason}) and no good backup of it exists. ` +
        `It was moved to ${quarantined} and is left out of the workbook; nothing else was changed.`,
      { file: rel, restoredFrom: null },
    );
    this.recovered(rel);
    return false;
  }

  /** Puts the newest good copy of a file from the snapshots in its place and in memory; null if none. */
  private restoreFromSnapshots(
    rel: string,
    kind: ShardKind<unknown>,
  ): { stamp: string; fromVersion: number } | null {
    const { core } = this;
    for (const stamp of core.snapshots.stamps()) {
      const candidate = core.snapshots.fileIn(stamp, rel);
      let decoded: Decoded;
      try {
        decoded = decodeShardText(kind, fs.readFileSync(candidate, 'utf8'), rel);
      } catch {
        continue;
      }
      if (decoded.status !== 'ok') continue;
      try {
        placeFile(candidate, path.join(core.dataDir, rel), false);
      } catch (error) {
        // The restored data is served from memory and written with the next change to it.
        core.storageError(error);
      }
      core.slots.set(rel, { kind, value: decoded.data });
      return { stamp, fromVersion: decoded.fromVersion };
    }
    return null;
  }

  /** A recovery replaced (or left out) a file: what is derived from it (summaries, search) follows at once. */
  private recovered(rel: string): void {
    const located = locateShard(this.core.kinds, rel);
    if (!located) return;
    this.deferred.summarize(rel);
    this.deferred.scheduleCatalogWrite();
    this.core.wrote(located.kind, located.key);
  }

  private quarantine(rel: string): string {
    const { dataDir } = this.core;
    const dir = path.join(dataDir, QUARANTINE_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const base = `${rel.replaceAll('/', '__')}.${format(this.core.now(), 'yyyyMMdd-HHmmss')}`;
    let target = path.join(dir, `${base}.damaged`);
    for (let n = 2; fs.existsSync(target); n++) target = path.join(dir, `${base}-${n}.damaged`);
    fs.renameSync(path.join(dataDir, rel), target);
    fsyncDir(path.dirname(path.join(dataDir, rel)));
    return target;
  }

  /** Migrated files are rewritten after the start snapshot, which holds them as they were. */
  rewrite(rels: readonly string[]): void {
    for (const rel of rels) {
      const slot = this.core.slots.get(rel);
      const located = locateShard(this.core.kinds, rel);
      if (!slot || !located || this.core.pinned.has(rel)) continue;
      try {
        this.put(located.kind, located.key, slot.value);
      } catch {
        // Read-only or full disk: the upgraded data stays in memory and is written with the next change.
      }
    }
  }

  /** Interrupted temporary files (ours, conf's from older versions, half-made snapshots) are never live data. */
  removeLeftovers(): void {
    if (this.core.writeError) return;
    for (const dir of this.core.liveDirs()) {
      for (const name of this.core.listDir(dir)) {
        if (isLeftoverTempFile(name)) fs.rmSync(path.join(this.core.dataDir, dir, name), { force: true });
      }
    }
    this.core.snapshots.removeLeftovers();
  }
}
