import type { WorkbookHandlers } from '../../../shared/contract';
import path from 'node:path';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchResults,
} from '../../../shared/contract/search';
import type { ServiceContext } from '../context';
import type { ShardKind } from '../store/shard-kind';
import type { Directory } from '../../../shared/domain/customers';
import { sameStamp, stampOf, type FileStamp } from '../store/derived-file';
import { directoryShard, meetingShard } from '../store/shards';
import { docsByFile, indexFilePath, openIndexFile, writeIndexFile, type StoredDoc } from './index-file';
import { DamagedIndexError } from './index-segment';
import { SOURCES, signatureOf, type SearchDoc, type SearchSource, type UnitNames } from './search-sources';
import { snippetOf, TextIndex } from './text-index';

/** The index is built this long after the workbook opens, so start-up itself is not slowed. */
const WARM_UP_MS = 1500;
/** Building yields to the event loop this often, so calls from the window keep being answered. */
const SLICE_MS = 12;

interface IndexedFile {
  file: FileRef;
  unitId: string | null;
  /** Size and change time of the store file when it was indexed: a different one means it changed. */
  stamp: FileStamp | null;
  /** The keys of the documents the file contributed; null while they are only in the saved index. */
  keys: string[] | null;
  /** The file's number in the saved index the documents were read from, or -1. */
  saved: number;
}

interface FileRef {
  kind: ShardKind<unknown>;
  key: string | null;
}

/**
 * The workbook's full-text index. Read from `meetings/.search-index` when that is usable, else built in the
 * background after the workbook opens from the files' raw data (parsed, not validated or kept); then kept up
 * to date lazily: a save only notes which file changed (the store's write listener), and the next search
 * re-indexes those few files first, so typing minutes stays as fast as the store allows. The index keeps
 * per document only its key, kind, rank and file: a hit's title, unit and snippet are read from its file.
 */
export class WorkbookSearch {
  private index = new TextIndex<StoredDoc>();
  private readonly indexed = new Map<string, IndexedFile>();
  /** Files written since they were last indexed, by file id. */
  private readonly dirty = new Map<string, FileRef>();
  private names: UnitNames = new Map();
  private building: Promise<void> | null = null;
  private readonly sourcesByKind = new Map<ShardKind<unknown>, Array<SearchSource<unknown>>>();
  private readonly kindsByName = new Map<string, ShardKind<unknown>>();
  /** Whether the index differs from the saved file. */
  private unsaved = false;
  private readonly file: string;
  /** The saved index's documents by file: those of file f are `savedOrder[savedStarts[f]…savedStarts[f + 1]]`. */
  private savedStarts: Int32Array = new Int32Array(0);
  private savedOrder: Int32Array = new Int32Array(0);
  /** The kind of each saved document (its number in SEARCH_KINDS). */
  private savedKinds: Int32Array = new Int32Array(0);
  /** Set once the saved index was found damaged: this session builds from the store files. */
  private discardSaved = false;

  constructor(private readonly ctx: ServiceContext) {
    for (const source of SOURCES) {
      this.sourcesByKind.set(source.shard, [...(this.sourcesByKind.get(source.shard) ?? []), source]);
      this.kindsByName.set(source.shard.name, source.shard);
    }
    this.file = indexFilePath(path.join(ctx.store.dataDir, meetingShard.dir ?? ''));
    ctx.store.onWrite((kind, key) => {
      if (this.sourcesByKind.has(kind)) this.dirty.set(fileId(kind, key), { kind, key });
    });
    // A restore or an import replaces every file at once: what was indexed and what is there now.
    ctx.store.onReload(() => {
      for (const [id, indexed] of this.indexed) this.dirty.set(id, indexed.file);
      this.markAllFiles();
    });
    ctx.store.onClose(() => {
      this.save();
      this.index.close();
    });
  }

  /** Resolves once every store file has been indexed. */
  ready(): Promise<void> {
    this.building ??= this.build().catch((error: unknown) => {
      // Let the next search try again rather than fail for the rest of the session.
      this.building = null;
      throw error;
    });
    return this.building;
  }

  get documentCount(): number {
    return this.index.size;
  }

  async search(query: string, limit: number): Promise<SearchResults> {
    try {
      return await this.searchOnce(query, limit);
    } catch (error) {
      if (!(error instanceof DamagedIndexError)) throw error;
      // A block of the saved index failed its check: it is made again from the store files.
      this.recover();
      return this.searchOnce(query, limit);
    }
  }

  private recover(): void {
    this.index.close();
    this.index = new TextIndex<StoredDoc>();
    this.indexed.clear();
    this.dirty.clear();
    this.savedStarts = new Int32Array(0);
    this.savedOrder = new Int32Array(0);
    this.savedKinds = new Int32Array(0);
    this.discardSaved = true;
    this.unsaved = true;
    this.building = null;
  }

  private async searchOnce(query: string, limit: number): Promise<SearchResults> {
    await this.ready();
    this.sync();
    const kinds = this.savedKinds;
    const found = this.index.search(query, {
      limit,
      groupOf: (doc) => doc.kind,
      groupOfSaved: (no) => SEARCH_KINDS[kinds[no]!]!,
    });
    const docs = this.docsOfHits([...found.groups.values()].flatMap((group) => group.matches));
    const groups: SearchGroup[] = [];
    for (const kind of SEARCH_KINDS) {
      const group = found.groups.get(kind);
      if (!group) continue;
      const hits: SearchHit[] = [];
      for (const { doc: stored } of group.matches) {
        const doc = docs.get(stored.key);
        if (!doc) continue;
        hits.push({
          kind,
          id: doc.id,
          title: doc.title,
          unit: doc.unitId ? (this.names.get(doc.unitId) ?? null) : null,
          date: doc.date,
          detail: doc.detail,
          route: doc.route,
          ...snippetOf(doc.body, found.terms),
        });
      }
      groups.push({ kind, label: SEARCH_KIND_LABELS[kind], total: group.total, hits });
    }
    return { query, groups };
  }

  /** Writes the index beside the meetings, when it changed since it was read or last written. */
  save(): void {
    if (!this.unsaved || this.building === null || this.ctx.store.readOnlyReason) return;
    try {
      this.sync();
      const files = [...this.indexed.values()].map((entry) => ({
        id: fileId(entry.file.kind, entry.file.key),
        stamp: entry.stamp,
        unitId: entry.unitId,
      }));
      writeIndexFile(
        this.file,
        { state: this.index.exportState(), files, names: [...this.names] },
        this.versions(),
      );
      this.unsaved = false;
    } catch {
      // Not saved: the next start builds the index from the files instead.
    }
  }

  /** The saved index when it is usable, else every file indexed; the directory first (names). */
  private async build(): Promise<void> {
    if (!this.discardSaved && this.load()) {
      this.sync();
      // Documents of files changed since the index was saved were replaced. Their terms still count in the
      // frequencies behind the weights until a compaction counts again; that costs a pass over every
      // posting, so it is done at once only when more than a few documents were replaced.
      if (this.index.removed * COMPACT_AT_LOAD > this.index.size) this.index.compact();
      if (this.unsaved) setTimeout(() => this.save(), SAVE_DELAY_MS).unref();
      return;
    }
    const kinds = [...this.sourcesByKind.keys()].sort(
      (a, b) => Number(b === directoryShard) - Number(a === directoryShard),
    );
    let sliceStart = performance.now();
    for (const kind of kinds) {
      for (const key of kind.dir ? this.ctx.store.keys(kind) : [null]) {
        // A file written while the build runs is indexed again by the next search; once is enough here.
        if (!this.indexed.has(fileId(kind, key)) || !this.dirty.has(fileId(kind, key)))
          this.indexFile(kind, key);
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }
    this.index.pack();
    // Written once the build is done, so the next start reads it instead.
    setTimeout(() => this.save(), SAVE_DELAY_MS).unref();
  }

  /** Takes the saved index, marking the files that changed since it was written; false when there is none. */
  private load(): boolean {
    const saved = openIndexFile(this.file, this.versions());
    if (!saved) return false;
    this.index = TextIndex.onSegment(saved.segment);
    this.savedKinds = saved.segment.head.kinds;
    this.names = new Map(saved.names);
    ({ starts: this.savedStarts, order: this.savedOrder } = docsByFile(
      saved.segment.head.files,
      saved.files.length,
    ));
    for (const [no, entry] of saved.files.entries()) {
      const file = this.refOf(entry.id);
      if (!file) continue;
      this.indexed.set(entry.id, { file, unitId: entry.unitId, stamp: entry.stamp, keys: null, saved: no });
      // Gone, changed, or not a store file any more: indexed again (or dropped) by sync.
      if (!sameStamp(entry.stamp, this.stampOf(file))) this.dirty.set(entry.id, file);
    }
    this.markAllFiles((id) => !this.indexed.has(id));
    return true;
  }

  /** The keys of a file's documents, made known to the index first when they are only in the saved one. */
  private keysOf(entry: IndexedFile | undefined): string[] {
    if (!entry) return [];
    if (entry.keys === null) {
      const nos = this.savedOrder.subarray(this.savedStarts[entry.saved], this.savedStarts[entry.saved + 1]);
      entry.keys = this.index.adopt([...nos]);
    }
    return entry.keys;
  }

  /** Notes every store file that documents come from as written (those `only` accepts). */
  private markAllFiles(only: (id: string) => boolean = () => true): void {
    for (const kind of this.sourcesByKind.keys()) {
      for (const key of kind.dir ? this.ctx.store.keys(kind) : [null]) {
        const id = fileId(kind, key);
        if (only(id)) this.dirty.set(id, { kind, key });
      }
    }
  }

  /** Re-indexes the files written since the last search, and drops the documents of deleted ones. */
  private sync(): void {
    while (this.dirty.size > 0) {
      const files = [...this.dirty.values()].sort(
        (a, b) => Number(b.kind === directoryShard) - Number(a.kind === directoryShard),
      );
      this.dirty.clear();
      for (const { kind, key } of files) {
        if (kind.dir && !this.ctx.store.has(kind, key ?? '')) this.dropFile(fileId(kind, key));
        else this.indexFile(kind, key);
      }
    }
  }

  private indexFile(kind: ShardKind<unknown>, key: string | null): void {
    const sources = this.sourcesByKind.get(kind) ?? [];
    const id = fileId(kind, key);
    const stamp = this.stampOf({ kind, key });
    // The raw data, parsed but not validated or kept: ten years of meetings must not stay in memory.
    // A file that cannot be read so (damaged, older) is read by the store, which recovers or upgrades it.
    const { value, docs } = this.madeFrom({ kind, key }, (data) => {
      if (kind === directoryShard) this.refreshNames(data as Directory);
      return { value: data, docs: sources.flatMap((source) => source.documents(data, this.names)) };
    });
    const fresh = new Map(docs.map((doc) => [doc.key, doc]));
    for (const old of this.keysOf(this.indexed.get(id))) if (!fresh.has(old)) this.index.remove(old);
    for (const doc of docs) {
      const sig = signatureOf(doc);
      const current = this.index.get(doc.key);
      // Unchanged records keep their entry: re-indexing 750 actions for one edited action is waste.
      if (current?.sig === sig && current.file === id) continue;
      this.index.add({ key: doc.key, rank: doc.rank, kind: doc.kind, file: id, sig }, doc);
    }
    this.indexed.set(id, {
      file: { kind, key },
      unitId: sources[0]?.unitOf(value, key) ?? null,
      stamp,
      keys: [...fresh.keys()],
      saved: -1,
    });
    this.unsaved = true;
  }

  private dropFile(id: string): void {
    for (const key of this.keysOf(this.indexed.get(id))) this.index.remove(key);
    this.indexed.delete(id);
    this.unsaved = true;
  }

  /**
   * The documents of the hits shown, made again from their files' data: each file read once, and only the
   * hits' documents made (a meeting's other minutes are not parsed).
   */
  private docsOfHits(hits: ReadonlyArray<{ doc: StoredDoc }>): Map<string, SearchDoc> {
    const wanted = new Map<string, { kinds: Set<SearchKind>; keys: Set<string> }>();
    for (const { doc } of hits) {
      const file = wanted.get(doc.file) ?? { kinds: new Set(), keys: new Set() };
      file.kinds.add(doc.kind);
      file.keys.add(doc.key);
      wanted.set(doc.file, file);
    }
    const docs = new Map<string, SearchDoc>();
    for (const [id, { kinds, keys }] of wanted) {
      const file = this.refOf(id);
      const sources = (file && this.sourcesByKind.get(file.kind)) || [];
      const make = (value: unknown) =>
        sources
          .filter((source) => source.kinds.some((kind) => kinds.has(kind)))
          .flatMap((source) => source.documents(value, this.names, keys));
      try {
        // A file in memory is used as it is; others are parsed for the moment. Reading a unit file into
        // memory checks every record in it (~50 ms for 750 actions): the first searches after the start,
        // while unit files are still being read in the background, must not wait for that.
        const made = file ? this.madeFrom(file, make) : [];
        for (const doc of made) if (keys.has(doc.key)) docs.set(doc.key, doc);
      } catch {
        // A file that cannot be shown is left out of the hits; the next edit or start indexes it again.
      }
    }
    return docs;
  }

  /**
   * What `make` makes of a file's raw data (parsed, not validated or kept), or of the store's checked copy
   * when the raw data cannot be read so (damaged, older, hand-edited into another shape).
   */
  private madeFrom<T>({ kind, key }: FileRef, make: (value: unknown) => T): T {
    const { store } = this.ctx;
    const raw = store.peek(kind, key);
    if (raw !== null) {
      try {
        return make(raw);
      } catch {
        // Not the shape the sources expect: the checked copy is.
      }
    }
    return make(store.read(kind, key));
  }

  /** After a unit is renamed, its files are indexed again: their documents carry its name. */
  private refreshNames(directory: Directory): void {
    const before = this.names;
    this.names = new Map(directory.units.map((u) => [u.id, u.name]));
    const renamed = new Set(
      [...this.names].filter(([id, name]) => before.has(id) && before.get(id) !== name).map(([id]) => id),
    );
    if (renamed.size === 0) return;
    for (const [id, entry] of this.indexed) {
      if (entry.unitId && renamed.has(entry.unitId)) this.dirty.set(id, entry.file);
    }
  }

  private refOf(id: string): FileRef | null {
    const slash = id.indexOf('/');
    const kind = this.kindsByName.get(slash < 0 ? id : id.slice(0, slash));
    if (!kind) return null;
    return { kind, key: slash < 0 ? null : id.slice(slash + 1) };
  }

  private stampOf({ kind, key }: FileRef): FileStamp | null {
    if (kind.dir && !this.ctx.store.has(kind, key ?? '')) return null;
    return stampOf(this.ctx.store.filePath(kind, key));
  }

  /** The data formats of the indexed kinds of store file: an index made from older files is not used. */
  private versions(): Record<string, number> {
    return Object.fromEntries([...this.sourcesByKind.keys()].map((kind) => [kind.name, kind.version]));
  }
}

/** At load, compact when more than one document in this many was replaced. */
const COMPACT_AT_LOAD = 100;
/** Written this long after the index was built or read and brought up to date, off the start's path. */
const SAVE_DELAY_MS = 5000;

const fileId = (kind: ShardKind<unknown>, key: string | null) =>
  key === null ? kind.name : `${kind.name}/${key}`;

export function searchHandlers(ctx: ServiceContext): Pick<WorkbookHandlers, 'search'> {
  const search = new WorkbookSearch(ctx);
  // A failure here surfaces, and is retried, on the next search.
  setTimeout(() => search.ready().catch(() => undefined), WARM_UP_MS).unref();
  return { search: ({ query, limit }) => search.search(query, limit) };
}
