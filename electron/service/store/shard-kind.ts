import type { z } from 'zod';

/**
 * A kind of store file. Singletons live at `<name>.json`; collections keep one file per key under
 * `<dir>/` so that a save rewrites one small file (one meeting's minutes, one unit's registers).
 */
export interface ShardKind<T> {
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
}

export const defineShard = <T>(kind: ShardKind<T>): ShardKind<T> => kind;

/** Store file envelope: the version says which migrations the data still needs. */
export interface ShardFile {
  schemaVersion: number;
  data: unknown;
}
