import type { WorkbookHandlers } from '../../../shared/contract';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type SearchGroup,
  type SearchResults,
} from '../../../shared/contract/search';
import type { ServiceContext } from '../context';
import type { ShardKind } from '../store/shard-kind';
import { directoryShard } from '../store/shards';
import { SOURCES, type SearchDoc, type SearchSource, type UnitNames } from './search-sources';
import { snippetOf, TextIndex } from './text-index';

/** The index is built this long after the workbook opens, so start-up itself is not slowed. */
const WARM_UP_MS = 1500;
/** Building yields to the event loop this often, so calls from the window keep being answered. */
const SLICE_MS = 12;

interface Indexed {
  /** The stored value that was indexed: the store replaces it on every write, so identity means unchanged. */
  value: unknown;
  unitId: string | null;
  keys: string[];
}

/**
 * The workbook's full-text index. It is built in the background after the workbook opens and kept up to
 * date lazily: saving never touches it; each search first re-indexes the few store files whose value
 * changed since the last search (a cheap identity check per file), so typing minutes stays as fast as
 * the store allows.
 */
export class WorkbookSearch {
  private readonly index = new TextIndex<SearchDoc>();
  private readonly indexed = new Map<string, Indexed>();
  private names: UnitNames = new Map();
  private building: Promise<void> | null = null;
  private readonly shards: Array<{ kind: ShardKind<unknown>; sources: Array<SearchSource<unknown>> }>;

  constructor(private readonly ctx: ServiceContext) {
    const byKind = new Map<ShardKind<unknown>, Array<SearchSource<unknown>>>();
    for (const source of SOURCES) byKind.set(source.shard, [...(byKind.get(source.shard) ?? []), source]);
    // The directory first: every other document carries its unit's name.
    this.shards = [...byKind]
      .map(([kind, sources]) => ({ kind, sources }))
      .sort((a, b) => Number(b.kind === directoryShard) - Number(a.kind === directoryShard));
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
    const found = this.index.search(query, {
      limit,
      groupOf: (doc) => doc.kind,
      rankOf: (doc) => (doc.date ? Number(doc.date.replaceAll('-', '')) : 0),
    });
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

  private async build(): Promise<void> {
    let sliceStart = performance.now();
    for (const { kind, sources } of this.shards) {
      for (const key of this.keysOf(kind)) {
        this.indexFile(kind, key, sources);
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    }
  }

  /** Re-indexes the files written since the last search, and drops the documents of deleted ones. */
  private sync(): void {
    const visited = new Set<string>();
    for (const { kind, sources } of this.shards) {
      for (const key of this.keysOf(kind)) {
        const id = fileId(kind, key);
        visited.add(id);
        if (this.indexed.get(id)?.value !== this.valueOf(kind, key)) this.indexFile(kind, key, sources);
      }
    }
    for (const [id, entry] of this.indexed) {
      if (visited.has(id)) continue;
      for (const key of entry.keys) this.index.remove(key);
      this.indexed.delete(id);
    }
  }

  private indexFile(
    kind: ShardKind<unknown>,
    key: string | null,
    sources: Array<SearchSource<unknown>>,
  ): void {
    const value = this.valueOf(kind, key);
    const id = fileId(kind, key);
    if (kind === directoryShard) this.refreshNames(value);
    const docs = sources.flatMap((source) => source.documents(value, this.names));
    const fresh = new Set(docs.map((doc) => doc.key));
    for (const old of this.indexed.get(id)?.keys ?? []) if (!fresh.has(old)) this.index.remove(old);
    for (const doc of docs) {
      const current = this.index.get(doc.key);
      // Unchanged records keep their entry: re-indexing 750 actions for one edited action is waste.
      if (!current || !sameDoc(current, doc)) this.index.add(doc);
    }
    this.indexed.set(id, { value, unitId: sources[0]?.unitOf(value, key) ?? null, keys: [...fresh] });
  }

  /** After a unit is renamed, the files of that unit are indexed again: their documents carry its name. */
  private refreshNames(directory: unknown): void {
    const before = this.names;
    const after = new Map(
      (directory as { units: Array<{ id: string; name: string }> }).units.map((u) => [u.id, u.name]),
    );
    this.names = after;
    if (before.size === 0) return;
    const renamed = new Set(
      [...after].filter(([id, name]) => before.has(id) && before.get(id) !== name).map(([id]) => id),
    );
    if (renamed.size === 0) return;
    for (const entry of this.indexed.values())
      if (entry.unitId && renamed.has(entry.unitId)) entry.value = RENAMED;
  }

  private get store() {
    return this.ctx.store;
  }

  private keysOf(kind: ShardKind<unknown>): Array<string | null> {
    return kind.dir ? this.store.keys(kind) : [null];
  }

  private valueOf(kind: ShardKind<unknown>, key: string | null): unknown {
    return this.store.get(kind, key);
  }
}

/** Marks an indexed file as stale. */
const RENAMED = Symbol('renamed');

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
