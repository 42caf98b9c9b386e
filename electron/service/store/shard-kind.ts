import type { z } from 'zod';

/**
 * A kind of store file. Singletons live at `<name>.json`; collections keep one file per key under
 * `<dir>/` so that a save rewrites one small file (one meeting's minutes, one unit's registers).
 */
/**
 * When a collection's files are read. 'start' (the default): all of them as the workbook opens. Collections
 * that grow with the years are not read then: 'background' files right after, a few at a time between
 * calls (or at once when asked for); 'on-demand' files only when asked for, lists using their summaries.
 */
export type LoadPolicy = 'start' | 'background' | 'on-demand';

export interface ShardKind<T, S = unknown> {
  readonly name: string;
  /** For collections: the folder holding one file per key. */
  readonly dir?: string;
  /** The schema version this build writes. */
  readonly version: number;
  readonly schema: z.ZodType<T>;
  /** migrations[n] turns the data of version n into version n + 1. */
  readonly migrations: Readonly<Record<number, (data: unknown) => unknown>>;
  /** What a missing singleton starts as (a collection simply has no file for a missing key). */
  readonly empty: () => T;
  readonly load?: LoadPolicy;
  /**
   * 'on-demand' collections: what lists need of a file (small, JSON), kept for every file without reading
   * it. Must not change when only bulky content changes (minutes), or saving it costs an extra write.
   */
  summarize?(data: T): S;
  /**
   * The schema of a summary, and which file it belongs to: each entry of the summaries file is checked with
   * it when read, and one that fails (edited, damaged, of another file) is made again from its file.
   */
  summaryOf?: { schema: z.ZodType<S>; key(summary: S): string };
}

export const defineShard = <T, S = unknown>(kind: ShardKind<T, S>): ShardKind<T, S> => kind;

/** Store file envelope: the version says which migrations the data still needs. */
export interface ShardFile {
  schemaVersion: number;
  data: unknown;
}
