/**
 * Field-level three-way merge of one record: what this laptop changed since the version it started from
 * (base), and what the server now holds (theirs). Different fields merge silently; the same field changed
 * to different values on both sides is a conflict, which keeps both values. Lists of records with ids (a
 * meeting's agenda items and attendees, an action's trail) are merged element by element, so minutes typed
 * under two different agenda items never collide.
 */

type Json = unknown;
type Obj = Record<string, unknown>;

export interface FieldConflict {
  /** `dueDate`, or `agenda[<item id>].minutes` for a field of a list element. */
  field: string;
  mine: Json;
  theirs: Json;
}

/** JSON with sorted keys: PostgreSQL's jsonb does not keep the order in which keys were written. */
export function canon(value: Json): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export const sameJson = (a: Json, b: Json): boolean => canon(a) === canon(b);

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const isKeyedList = (v: unknown): v is Obj[] =>
  Array.isArray(v) && v.length > 0 && v.every((e) => isObj(e) && typeof e.id === 'string');

const ORDER = /^([^[\]]+)\[\]$/;
const ELEMENT = /^([^[\]]+)\[([^[\]]+)\]\.(.+)$/;

/** A record as a flat map of fields: plain fields, and for keyed lists an order plus each element's fields. */
export function fieldsOf(record: Obj): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const [key, value] of Object.entries(record)) {
    if (isKeyedList(value)) {
      out.set(
        `${key}[]`,
        value.map((e) => e.id),
      );
      for (const element of value)
        for (const [sub, v] of Object.entries(element)) out.set(`${key}[${String(element.id)}].${sub}`, v);
    } else out.set(key, value);
  }
  return out;
}

/** The inverse of fieldsOf. */
export function recordOf(fields: ReadonlyMap<string, Json>): Obj {
  const out: Obj = {};
  const elements = new Map<string, Obj>();
  for (const [field, value] of fields) {
    const element = ELEMENT.exec(field);
    if (element) {
      const id = `${element[1]}[${element[2]}]`;
      elements.set(id, { ...elements.get(id), [element[3]!]: value });
    } else if (!ORDER.test(field) && !fields.has(`${field}[]`)) out[field] = value;
  }
  for (const [field, value] of fields) {
    const order = ORDER.exec(field);
    if (!order) continue;
    const list = (value as string[]).flatMap((id) => {
      const element = elements.get(`${order[1]}[${id}]`);
      return element ? [element] : [];
    });
    out[order[1]!] = list;
  }
  return out;
}

const elementFields = (fields: ReadonlyMap<string, Json>, list: string, id: string): Map<string, Json> => {
  const prefix = `${list}[${id}].`;
  return new Map([...fields].filter(([field]) => field.startsWith(prefix)));
};

const elementChanged = (
  base: ReadonlyMap<string, Json>,
  side: ReadonlyMap<string, Json>,
  list: string,
  id: string,
) => canon([...elementFields(base, list, id)]) !== canon([...elementFields(side, list, id)]);

const orderOf = (fields: ReadonlyMap<string, Json>, list: string): string[] =>
  (fields.get(`${list}[]`) as string[] | undefined) ?? [];

/** Three-way merge of two versions of one record. Conflicting fields provisionally take the server's value. */
export function mergeRecords(
  base: Obj | null,
  mine: Obj,
  theirs: Obj,
): { merged: Obj; conflicts: FieldConflict[] } {
  const b = fieldsOf(base ?? {});
  const l = fieldsOf(mine);
  const r = fieldsOf(theirs);
  const lists = new Set(
    [...b.keys(), ...l.keys(), ...r.keys()].flatMap((field) => {
      const order = ORDER.exec(field);
      return order ? [order[1]!] : [];
    }),
  );
  // An element deleted on one side but edited on the other is kept, as edited: nothing typed is lost.
  const kept = new Set<string>();
  for (const list of lists) {
    const [inB, inL, inR] = [b, l, r].map((f) => new Set(orderOf(f, list)));
    for (const id of inB!) {
      if (inL!.has(id) && !inR!.has(id) && elementChanged(b, l, list, id)) {
        for (const [field, value] of elementFields(l, list, id)) r.set(field, value);
        kept.add(`${list}[${id}]`);
      } else if (inR!.has(id) && !inL!.has(id) && elementChanged(b, r, list, id)) {
        for (const [field, value] of elementFields(r, list, id)) l.set(field, value);
        kept.add(`${list}[${id}]`);
      }
    }
  }

  const merged = new Map<string, Json>();
  const conflicts: FieldConflict[] = [];
  for (const field of new Set([...b.keys(), ...l.keys(), ...r.keys()])) {
    if (ORDER.test(field)) continue;
    const [bv, lv, rv] = [b.get(field), l.get(field), r.get(field)];
    let value: Json;
    // Both sides stamp the time of their edit: the later one stands for the merged record.
    if (/(^|\.)updatedAt$/.test(field) && typeof lv === 'string' && typeof rv === 'string')
      value = lv > rv ? lv : rv;
    // A record both sides created (a decision's register entry, a contact's cadence): the first creation.
    else if (/(^|\.)createdAt$/.test(field) && typeof lv === 'string' && typeof rv === 'string')
      value = lv < rv ? lv : rv;
    else if (sameJson(lv, rv) || sameJson(rv, bv)) value = lv;
    else if (sameJson(lv, bv)) value = rv;
    else {
      conflicts.push({ field, mine: lv ?? null, theirs: rv ?? null });
      value = rv;
    }
    if (value !== undefined) merged.set(field, value);
  }
  for (const list of lists) {
    merged.set(
      `${list}[]`,
      mergeOrder(orderOf(b, list), orderOf(l, list), orderOf(r, list), list, kept, merged),
    );
  }
  return { merged: recordOf(merged), conflicts };
}

/** The server's order, without what this laptop removed, with what it added placed after its neighbour. */
function mergeOrder(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  list: string,
  kept: ReadonlySet<string>,
  merged: ReadonlyMap<string, Json>,
): string[] {
  const alive = (id: string) => [...merged.keys()].some((field) => field.startsWith(`${list}[${id}].`));
  const inBase = new Set(base);
  const inMine = new Set(mine);
  const result = theirs.filter((id) => !(inBase.has(id) && !inMine.has(id) && !kept.has(`${list}[${id}]`)));
  mine.forEach((id, at) => {
    if (result.includes(id) || (inBase.has(id) && !kept.has(`${list}[${id}]`))) return;
    const before = mine
      .slice(0, at)
      .reverse()
      .find((other) => result.includes(other));
    result.splice(before === undefined ? 0 : result.indexOf(before) + 1, 0, id);
  });
  return result.filter(alive);
}

/** The record with one field (as named by fieldsOf) set to `value`. */
export function withField(record: Obj, field: string, value: Json): Obj {
  const fields = fieldsOf(record);
  fields.set(field, value);
  return recordOf(fields);
}

/**
 * A starting point for resolving two versions of minutes: the server's text with the lines only this
 * laptop added placed after the line they followed. The BRM edits it before it is kept.
 */
export function mergeText(base: string, mine: string, theirs: string): string {
  const baseLines = new Set(base.split('\n'));
  const mineLines = mine.split('\n');
  const mineSet = new Set(mineLines);
  const out = theirs.split('\n');
  let anchor = -1;
  for (const line of mineLines) {
    const found = out.indexOf(line, anchor + 1);
    if (found >= 0) {
      anchor = found;
      continue;
    }
    if (baseLines.has(line) || line === '') continue; // Removed on the server's side: stays removed.
    // After the lines only the server's side added at this point: theirs first, then mine.
    let at = anchor + 1;
    while (at < out.length && !baseLines.has(out[at]!) && !mineSet.has(out[at]!)) at++;
    out.splice(at, 0, line);
    anchor = at;
  }
  return out.join('\n');
}

/** How a field is named to the BRM in the conflict inbox. */
export function fieldLabel(record: Obj | null, field: string): string {
  const words = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const element = ELEMENT.exec(field);
  if (!element) return words(field);
  const list = record?.[element[1]!];
  const item = Array.isArray(list) ? (list as Obj[]).find((e) => e.id === element[2]) : undefined;
  const title = item && (item.title ?? item.name ?? item.note);
  const what = element[1] === 'agenda' ? 'agenda item' : words(element[1]!).replace(/s$/, '');
  return `${words(element[3]!)} of ${what}${typeof title === 'string' ? ` "${title.slice(0, 80)}"` : ''}`;
}
