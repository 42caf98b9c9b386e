import type { ShardFile, ShardKind } from './shard-kind';

/** Record ids name the per-unit and per-meeting files, so they may hold nothing a path could abuse. */
export const KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * What a store file holds:
 * - `ok`: data valid for this version (migrated in memory when `fromVersion` is older);
 * - `damaged`: unreadable or invalid: it is quarantined and recovered from a backup;
 * - `blocked`: intact, but this version must not touch it (written by a newer version, or its migration
 *   failed): the workbook is not opened and nothing is written.
 */
export type Decoded =
  | { status: 'ok'; data: unknown; fromVersion: number }
  | { status: 'damaged'; reason: string }
  | { status: 'blocked'; reason: string };

export function shardPath(kind: ShardKind<unknown>, key: string | null): string {
  if (!kind.dir) return `${kind.name}.json`;
  if (key === null || !KEY_PATTERN.test(key)) throw new Error(`Not a valid ${kind.name} key.`);
  return `${kind.dir}/${key}.json`;
}

/** Which shard a relative path (always with '/') names, or null when it names none. */
export function locateShard(
  kinds: readonly ShardKind<unknown>[],
  rel: string,
): { kind: ShardKind<unknown>; key: string | null } | null {
  for (const kind of kinds) {
    if (!kind.dir) {
      if (rel === `${kind.name}.json`) return { kind, key: null };
      continue;
    }
    const prefix = `${kind.dir}/`;
    if (!rel.startsWith(prefix) || !rel.endsWith('.json')) continue;
    const key = rel.slice(prefix.length, -'.json'.length);
    if (KEY_PATTERN.test(key)) return { kind, key };
  }
  return null;
}

/** Decodes the text of a store file. `name` says which file, in messages. */
export function decodeShardText(kind: ShardKind<unknown>, text: string, name: string): Decoded {
  if (text.trim() === '') return { status: 'damaged', reason: 'the file is empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 'damaged', reason: 'it is not valid JSON (cut off or overwritten)' };
  }
  return decodeShardValue(kind, parsed, name);
}

/** Decodes an already parsed store file envelope (also used for the files inside an imported workbook). */
export function decodeShardValue(kind: ShardKind<unknown>, parsed: unknown, name: string): Decoded {
  if (!isShardFile(parsed)) return { status: 'damaged', reason: 'it is not a BRM Workbook store file' };
  const from = parsed.schemaVersion;
  if (from > kind.version) {
    return {
      status: 'blocked',
      reason:
        `${name} was saved by a newer version of BRM Workbook (data format ${from}; this version reads up to ${kind.version}). ` +
        'Update BRM Workbook to open this workbook. Nothing was changed.',
    };
  }
  let data = parsed.data;
  try {
    for (let v = from; v < kind.version; v++) {
      const step = kind.migrations[v];
      if (!step) throw new Error(`there is no upgrade from data format ${v}`);
      // On a copy: a migration that throws part-way must not leave half-changed data behind.
      data = step(structuredClone(data));
    }
  } catch (error) {
    return {
      status: 'blocked',
      reason:
        `${name} could not be upgraded from data format ${from} (${error instanceof Error ? error.message : String(error)}). ` +
        'Nothing was changed; the file is kept exactly as it was.',
    };
  }
  const checked = kind.schema.safeParse(data);
  if (checked.success) return { status: 'ok', data: checked.data, fromVersion: from };
  const issue = checked.error.issues[0];
  const where = issue && issue.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
  if (from < kind.version) {
    return {
      status: 'blocked',
      reason:
        `${name} could not be upgraded from data format ${from}: the result is not valid${where}. ` +
        'Nothing was changed; the file is kept exactly as it was.',
    };
  }
  return { status: 'damaged', reason: `its contents are not valid${where}` };
}

function isShardFile(value: unknown): value is ShardFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isInteger((value as ShardFile).schemaVersion) &&
    (value as ShardFile).schemaVersion >= 1 &&
    'data' in value
  );
}
