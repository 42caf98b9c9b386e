/**
 * Walks a zod schema to build a plausible sample of the value it describes, and lists every position
 * in it (leaves, and objects that could take extra keys), so a fuzz test can change one position at a
 * time. Generic on purpose: methods added to the contract later are fuzzed without new test code.
 */
import type { z } from 'zod';

export type Path = readonly (string | number)[];

export interface Leaf {
  path: Path;
  /** The schema at this position, wrappers included (a nullable field accepts null here). */
  schema: z.ZodType;
  value: unknown;
}

export interface Sample {
  value: unknown;
  leaves: Leaf[];
  /** Paths of the objects (and records) in the sample: where extra keys can be smuggled in. */
  objects: Path[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  getter?: () => z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Builds a sample from `candidates`: for each leaf, the first candidate its schema accepts. Put
 * realistic values first (an existing record id, a date, an email) so the sample passes validation
 * wherever a schema does not need more than that.
 */
export function sampleOf(schema: z.ZodType, candidates: readonly unknown[]): Sample {
  const leaves: Leaf[] = [];
  const objects: Path[] = [];

  // `outer` is the schema of the position, before optional/nullable/default wrappers are peeled off.
  const walk = (s: z.ZodType, path: Path, outer: z.ZodType = s): unknown => {
    const def = defOf(s);
    switch (def.type) {
      case 'object': {
        objects.push(path);
        const out: Record<string, unknown> = {};
        for (const [key, field] of Object.entries(def.shape ?? {})) out[key] = walk(field, [...path, key]);
        return out;
      }
      case 'record': {
        objects.push(path);
        const key = walk(def.keyType!, [...path, '(key)']);
        leaves.pop(); // a record's key is not a value position
        return { [String(key)]: walk(def.valueType!, [...path, String(key)]) };
      }
      case 'array':
        return [walk(def.element!, [...path, 0])];
      case 'tuple':
        return (def.items ?? []).map((item, i) => walk(item, [...path, i]));
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return walk(def.innerType!, path, outer);
      case 'pipe':
        return walk(def.in!, path, outer);
      case 'lazy':
        return walk(def.getter!(), path, outer);
      case 'union': {
        // The first option whose own sample it accepts; its leaves are the ones recorded.
        for (const option of def.options ?? []) {
          const before = leaves.length;
          const objectsBefore = objects.length;
          const value = walk(option, path, outer);
          if (option.safeParse(value).success) return value;
          leaves.length = before;
          objects.length = objectsBefore;
        }
        return walk(def.options![0]!, path, outer);
      }
      default: {
        const value = leafValue(s, def, candidates);
        leaves.push({ path, schema: outer, value });
        return value;
      }
    }
  };

  return { value: walk(schema, []), leaves, objects };
}

function leafValue(schema: z.ZodType, def: Def, candidates: readonly unknown[]): unknown {
  if (def.type === 'enum') return Object.values(def.entries ?? {})[0];
  if (def.type === 'literal') return def.values?.[0];
  return candidates.find((c) => schema.safeParse(c).success) ?? candidates[0];
}

/** A copy of `value` with the position at `path` replaced. */
export function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head!] = replaceAt(copy[head!], rest, replacement);
  return copy;
}

const MARKER = '__fuzz_injected_key__';

/**
 * A copy of `value` whose object at `path` carries `key` as an own property — built through
 * JSON.parse, as a payload arriving over IPC or HTTP would be, so `__proto__` is a plain own key
 * rather than the prototype setter.
 */
export function withOwnKey(value: unknown, path: Path, key: string, payload: unknown): unknown {
  const target = path.reduce<unknown>(
    (node, step) => (node as Record<string | number, unknown>)[step],
    value,
  );
  const marked = replaceAt(value, path, { ...(target as object), [MARKER]: payload });
  return JSON.parse(JSON.stringify(marked).replace(`"${MARKER}"`, JSON.stringify(key)));
}
