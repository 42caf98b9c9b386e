import type { WorkbookHandlers } from '../../../shared/contract';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type SearchGroup,
  type SearchResults,
} from '../../../shared/contract/search';
import type { ServiceContext } from '../context';
import type { ShardKind } from '../store/shard-kind';
import type { Directory } from '../../../shared/domain/customers';
import { directoryShard } from '../store/shards';
import { SOURCES, type SearchDoc, type SearchSource, type UnitNames } from './search-sources';
import { snippetOf, TextIndex } from './text-index';

/** The index is built this long after the workbook opens, so start-up itself is not slowed. */
const WARM_UP_MS = 1500;
/** Building yields to the event loop this often, so calls from the window keep being answered. */
const SLICE_MS = 12;

interface IndexedFile {
  file: FileRef;
  unitId: string | null;
  /** The keys of the documents the file contributed. */
  keys: string[];
}

interface FileRef {
  kind: ShardKind<unknown>;
  key: string | null;
}

/**
 * The workbook's full-text index. It is built in the background after the workbook opens and kept up to
 * date lazily: a save only notes which file changed (the store's write listener); the next search
 * re-indexes those few files first, so typing minutes stays as fast as the store allows.
 */
export class WorkbookSearch {
  private readonly index = new TextIndex<SearchDoc>();
  private readonly indexed = new Map<string, IndexedFile>();
  /** Files written since they were last indexed, by file id. */
  private readonly dirty = new Map<string, FileRef>();
  private names: UnitNames = new Map();
  private building: Promise<void> | null = null;
  private readonly sourcesByKind = new Map<ShardKind<unknown>, Array<SearchSource<unknown>>>();

  constructor(private readonly ctx: ServiceContext) {
    for (const source of SOURCES) {
      this.sourcesByKind.set(source.shard, [...(this.sourcesByKind.get(source.shard) ?? []), source]);
    }
    ctx.store.onWrite((kind, key) => {
      if (this.sourcesByKind.has(kind)) this.dirty.set(fileId(kind, key), { kind, key });
    });
    // A restore or an import replaces every file at once: what was indexed and what is there now.
    ctx.store.onReload(() => {
      for (const [id, indexed] of this.indexed) this.dirty.set(id, indexed.file);
      for (const kind of this.sourcesByKind.keys()) {
        for (const key of kind.dir ? ctx.store.keys(kind) : [null])
          this.dirty.set(fileId(kind, key), { kind, key });
      }
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
    await this.ready();
    this.sync();
    const found = this.index.search(query, { limit, groupOf: (doc) => doc.kind });
    const groups: SearchGroup[] = [];
    for (const kind of SEARCH_KINDS) {
      const group = found.groups.get(kind);
      if (!group) continue;
      groups.push({
        kind,
        label: SEARCH_KIND_LABELS[kind],
        total: group.total,
        hits: group.matches.map(({ doc }) => ({
          kind,
          id: doc.id,
          title: doc.title,
          unit: doc.unitId ? (this.names.get(doc.unitId) ?? null) : null,
          date: doc.date,
          detail: doc.detail,
          route: doc.route,
          ...snippetOf(doc.body, found.terms),
        })),
      });
    }
    return { query, groups };
  }

  /** Indexes every file, the directory first (every other document carries its unit's name). */
  private async build(): Promise<void> {
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
    // `read`, not `get`: indexing ten years of meetings must not keep them all in memory.
    const value = this.ctx.store.read(kind, key);
    const id = fileId(kind, key);
    if (kind === directoryShard) this.refreshNames(value as Directory);
    const docs = sources.flatMap((source) => source.documents(value, this.names));
    const fresh = new Set(docs.map((doc) => doc.key));
    for (const old of this.indexed.get(id)?.keys ?? []) if (!fresh.has(old)) this.index.remove(old);
    for (const doc of docs) {
      const current = this.index.get(doc.key);
      // Unchanged records keep their entry: re-indexing 750 actions for one edited action is waste.
      if (!current || !sameDoc(current, doc)) this.index.add(doc);
    }
    this.indexed.set(id, {
      file: { kind, key },
      unitId: sources[0]?.unitOf(value, key) ?? null,
      keys: [...fresh],
    });
  }

  private dropFile(id: string): void {
    for (const key of this.indexed.get(id)?.keys ?? []) this.index.remove(key);
    this.indexed.delete(id);
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
}

const fileId = (kind: ShardKind<unknown>, key: string | null) =>
  key === null ? kind.name : `${kind.name}/${key}`;

const sameDoc = (a: SearchDoc, b: SearchDoc) =>
  a.title === b.title &&
  a.body === b.body &&
  a.meta === b.meta &&
  a.route === b.route &&
  a.detail === b.detail &&
  a.date === b.date &&
  a.unitId === b.unitId;

export function searchHandlers(ctx: ServiceContext): Pick<WorkbookHandlers, 'search'> {
  const search = new WorkbookSearch(ctx);
  // A failure here surfaces, and is retried, on the next search.
  setTimeout(() => search.ready().catch(() => undefined), WARM_UP_MS).unref();
  return { search: ({ query, limit }) => search.search(query, limit) };
}
