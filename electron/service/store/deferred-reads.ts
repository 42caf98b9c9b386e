import fs from 'node:fs';
import path from 'node:path';
import { WorkbookError } from '../../../shared/contract/define';
import { decodeShardText, locateShard, type Decoded } from './shard-file';
import type { ShardFile, ShardKind } from './shard-kind';
import { SummaryCatalog } from './summary-catalog';
import { UNREAD, type Slot, type StoreCore } from './store-core';
import { describeFsError } from './store-files';

/** Background reading yields to calls from the window this often. */
const BACKGROUND_SLICE_MS = 10;
/** Summary catalogs are rewritten this long after a summary changed, off the path of the change. */
const CATALOG_WRITE_DELAY_MS = 2000;

/** What a deferred read needs of the loading layer when the file it reads is damaged or old. */
export interface Recovery {
  /** Quarantines a damaged file and restores it from a snapshot; true when the result needs rewriting. */
  recover(rel: string, kind: ShardKind<unknown>, reason: string): boolean;
  /** Writes migrated files in this version's format. */
  rewrite(rels: readonly string[]): void;
}

/**
 * The files of deferred collections (see LoadPolicy): the summary catalogs that answer lists without
 * reading 'on-demand' files, the reading of a file when it is first asked for, and the reading of
 * 'background' files a few at a time after the workbook has answered.
 */
export class DeferredReads {
  private readonly catalogs = new Map<ShardKind<unknown>, SummaryCatalog>();
  private catalogTimer: NodeJS.Timeout | null = null;
  private backgroundTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: StoreCore,
    private readonly recovery: Recovery,
  ) {}

  /** The catalog of an on-demand collection, when it keeps one. */
  catalogFor(kind: ShardKind<unknown>): SummaryCatalog | undefined {
    return this.catalogs.get(kind);
  }

  catalogOf(kind: ShardKind<unknown>): SummaryCatalog {
    let catalog = this.catalogs.get(kind);
    if (!catalog) {
      const check = kind.summaryOf;
      catalog = new SummaryCatalog(
        path.join(this.core.dataDir, kind.dir ?? ''),
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
  unsummarized(kind: ShardKind<unknown>, rels: readonly string[]): Set<string> {
    const keyOf = new Map(rels.map((rel) => [locateShard([kind], rel)?.key ?? '', rel]));
    return new Set(
      this.catalogOf(kind)
        .open([...keyOf.keys()])
        .map((key) => keyOf.get(key) ?? ''),
    );
  }

  /** Keeps the summary of a file just read, or forgets the file when it could not be read. */
  summarize(rel: string): void {
    const located = locateShard(this.core.kinds, rel);
    if (!located || located.kind.load !== 'on-demand') return;
    const slot = this.core.slots.get(rel);
    const catalog = this.catalogOf(located.kind);
    if (!slot) catalog.delete(located.key ?? '');
    else if (slot.value !== UNREAD) catalog.set(located.key ?? '', located.kind.summarize?.(slot.value));
  }

  /** Keeps the summary of an 'on-demand' file read at start only for it (the file stays unread). */
  keepSummary(rel: string, summary: unknown): void {
    const located = locateShard(this.core.kinds, rel);
    if (located) this.catalogOf(located.kind).set(located.key ?? '', summary);
  }

  /** The summaries describe files a restore is replacing: from here on they are read again at start. */
  discardCatalogs(): void {
    for (const kind of this.core.kinds) if (kind.load === 'on-demand') this.catalogOf(kind).discard();
  }

  /** The schema version a store file's envelope starts with (`{"schemaVersion":N,`), or null if unclear. */
  envelopeVersion(rel: string): number | null {
    let fd: number | null = null;
    try {
      fd = fs.openSync(path.join(this.core.dataDir, rel), 'r');
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
      return decodeShardText(kind, fs.readFileSync(path.join(this.core.dataDir, rel), 'utf8'), rel);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return { status: 'damaged', reason: describeFsError(error) };
    }
  }

  /** A file not in memory, read and checked but not kept; undefined when it must be read the long way. */
  readUnkept(rel: string, slot: Slot): unknown {
    const decoded = this.decodeFile(rel, slot.kind);
    return decoded?.status === 'ok' ? decoded.data : undefined;
  }

  /** A file's data as it is on disk, unchecked, when it is of this version; null otherwise. */
  peek(rel: string, kind: ShardKind<unknown>): unknown {
    try {
      const parsed = JSON.parse(
        fs.readFileSync(path.join(this.core.dataDir, rel), 'utf8'),
      ) as Partial<ShardFile>;
      return parsed.schemaVersion === kind.version ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Reads a deferred file into memory when first asked for, recovering it like a file read at start. */
  readDeferred(rel: string, slot: Slot): unknown {
    const decoded = this.decodeFile(rel, slot.kind);
    if (decoded?.status === 'blocked') throw new WorkbookError('storage', decoded.reason);
    let migrated = false;
    if (decoded?.status === 'ok') {
      this.core.slots.set(rel, { kind: slot.kind, value: decoded.data });
      migrated = decoded.fromVersion < slot.kind.version;
    } else if (decoded?.status === 'damaged') {
      migrated = this.recovery.recover(rel, slot.kind, decoded.reason);
    }
    const now = this.core.slots.get(rel);
    if (!now || now.value === UNREAD) {
      this.core.slots.delete(rel);
      this.summarize(rel);
      this.scheduleCatalogWrite();
      throw new WorkbookError('not-found', `No ${slot.kind.name} record ${rel}.`);
    }
    if (decoded?.status !== 'ok') {
      this.summarize(rel);
      this.scheduleCatalogWrite();
    }
    if (migrated) this.recovery.rewrite([rel]);
    return now.value;
  }

  /** Reads the 'background' collections a few files at a time, between calls from the window. */
  startBackgroundReads(): void {
    const queue = [...this.core.slots]
      .filter(([, slot]) => slot.value === UNREAD && slot.kind.load === 'background')
      .map(([rel]) => rel);
    const step = () => {
      const until = performance.now() + BACKGROUND_SLICE_MS;
      while (queue.length > 0 && performance.now() < until) {
        const rel = queue.shift() ?? '';
        const slot = this.core.slots.get(rel);
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

  stopBackgroundReads(): void {
    if (this.backgroundTimer) clearTimeout(this.backgroundTimer);
    this.backgroundTimer = null;
  }

  scheduleCatalogWrite(): void {
    if (this.catalogTimer) return;
    this.catalogTimer = setTimeout(() => {
      this.catalogTimer = null;
      this.writeCatalogs();
    }, CATALOG_WRITE_DELAY_MS).unref();
  }

  /** Rewrites changed summary catalogs. A failure costs only re-reading some files at the next start. */
  writeCatalogs(): void {
    if (this.catalogTimer) clearTimeout(this.catalogTimer);
    this.catalogTimer = null;
    const { blocked, otherWriter, writeError } = this.core;
    if (blocked || otherWriter || writeError) return;
    for (const catalog of this.catalogs.values()) {
      try {
        catalog.write();
      } catch {
        // The pending list still names every file whose summary is not in the catalog.
      }
    }
  }
}
