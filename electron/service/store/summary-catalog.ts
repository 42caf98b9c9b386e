import fs from 'node:fs';
import path from 'node:path';
import { appendDurably } from '../atomic-file';
import { readDerivedFile, writeDerivedFile } from './derived-file';

/** The catalog's own format; a catalog of another format, or of another schema version, is rebuilt. */
// 2: meeting summaries carry who was present and the decisions (engagement cadence, decision register).
const CATALOG_FORMAT = 2;
export const CATALOG_FILE = '.summaries.json';
export const PENDING_FILE = '.summaries.pending';
/** The name in the derived-file header: a file that names anything else is not this catalog. */
const DERIVED_NAME = 'summaries';

interface CatalogFile {
  format: number;
  schemaVersion: number;
  entries: Record<string, unknown>;
}

/**
 * The summaries of an on-demand collection (what lists need of each file), kept in `<dir>/.summaries.json`
 * so the workbook opens without reading ten years of meetings. It is derived data and never backed up:
 * missing, damaged or of another version, it is rebuilt from the files.
 *
 * Crash safety: before a write that changes a file's summary, the file's key is appended (fsynced) to
 * `<dir>/.summaries.pending`; the catalog itself is rewritten later, off the hot path. On the next start
 * the pending files are read again, so a crash between a file's write and the catalog's never leaves a
 * stale summary. Saving minutes does not change a meeting's summary and costs nothing here.
 */
export class SummaryCatalog {
  private readonly entries = new Map<string, unknown>();
  /** Whether a summary changed since the catalog was last written. */
  private changed = false;
  private readonly catalogPath: string;
  private readonly pendingPath: string;

  constructor(
    dir: string,
    private readonly schemaVersion: number,
    /** Whether a saved entry is a valid summary of the file `key`; an entry that is not is made again. */
    private readonly isValid: (key: string, entry: unknown) => boolean = () => true,
  ) {
    this.catalogPath = path.join(dir, CATALOG_FILE);
    this.pendingPath = path.join(dir, PENDING_FILE);
  }

  /**
   * Reads the catalog for the files now on disk. Returns the keys whose summary must be made from the file
   * (no entry, or written while the catalog was not): all of them when there is no usable catalog.
   */
  open(keysOnDisk: readonly string[]): string[] {
    this.entries.clear();
    const { entries: saved, intact } = this.readCatalog();
    const pending = this.readPending();
    const stale: string[] = [];
    for (const key of keysOnDisk) {
      if (
        saved &&
        Object.hasOwn(saved, key) &&
        !pending.has(key) &&
        (intact || this.isValid(key, saved[key]))
      )
        this.entries.set(key, saved[key]);
      else stale.push(key);
    }
    // A catalog that was missing, incomplete, names files that are gone or lacks its CRC header (written by
    // an older version, edited by hand) is written again once loaded;
    // an empty collection needs none (and its folder is not created for it).
    this.changed =
      keysOnDisk.length > 0 &&
      (!saved ||
        !intact ||
        pending.size > 0 ||
        stale.length > 0 ||
        Object.keys(saved).length !== this.entries.size);
    return stale;
  }

  get(key: string): unknown {
    return this.entries.get(key);
  }

  all(): ReadonlyMap<string, unknown> {
    return this.entries;
  }

  /**
   * Call before writing the file: notes the key durably when its known summary is about to change. A new
   * file needs no note: a file the catalog does not name is read at start anyway.
   */
  willWrite(key: string, summary: unknown): void {
    const known = this.entries.get(key);
    if (known === undefined || sameJson(known, summary)) return;
    appendDurably(this.pendingPath, `${key}\n`);
  }

  /** Call after the file was written (or read): the summary it now has. */
  set(key: string, summary: unknown): void {
    if (this.entries.has(key) && sameJson(this.entries.get(key), summary)) return;
    this.entries.set(key, summary);
    this.changed = true;
  }

  /** Forgets a file's summary; true when there was one. */
  delete(key: string): boolean {
    if (!this.entries.delete(key)) return false;
    this.changed = true;
    return true;
  }

  get needsWrite(): boolean {
    return this.changed;
  }

  /** Writes the catalog atomically, then forgets the pending keys it now covers. */
  write(): void {
    if (!this.changed) return;
    const file: CatalogFile = {
      format: CATALOG_FORMAT,
      schemaVersion: this.schemaVersion,
      entries: Object.fromEntries(this.entries),
    };
    writeDerivedFile(this.catalogPath, DERIVED_NAME, CATALOG_FORMAT, Buffer.from(JSON.stringify(file)));
    fs.rmSync(this.pendingPath, { force: true });
    this.changed = false;
  }

  /**
   * Drops the catalog file before a restore replaces the files: if it is cut short, the next start reads
   * every file. The entries stay: they still describe the files in memory, which a rolled-back restore keeps.
   */
  discard(): void {
    this.changed = true;
    fs.rmSync(this.catalogPath, { force: true });
  }

  /**
   * The saved entries, and whether the file is whole as this class wrote it (its CRC-32 matches): then its
   * entries were made from checked files and are taken as they are, which saves checking 6,000 summaries
   * (a third of the start) on every start. A catalog without that header (an older version, edited by
   * hand) is read too, but each entry is checked against the summary's schema.
   */
  private readCatalog(): { entries: Record<string, unknown> | null; intact: boolean } {
    const payload = readDerivedFile(this.catalogPath, DERIVED_NAME, CATALOG_FORMAT);
    let parsed: Partial<CatalogFile>;
    try {
      parsed = JSON.parse(
        payload ? payload.toString('utf8') : fs.readFileSync(this.catalogPath, 'utf8'),
      ) as Partial<CatalogFile>;
    } catch {
      return { entries: null, intact: false };
    }
    const usable =
      parsed.format === CATALOG_FORMAT &&
      parsed.schemaVersion === this.schemaVersion &&
      typeof parsed.entries === 'object' &&
      parsed.entries !== null &&
      !Array.isArray(parsed.entries);
    return usable
      ? { entries: parsed.entries as Record<string, unknown>, intact: payload !== null }
      : { entries: null, intact: false };
  }

  private readPending(): Set<string> {
    try {
      return new Set(fs.readFileSync(this.pendingPath, 'utf8').split('\n').filter(Boolean));
    } catch {
      return new Set();
    }
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
