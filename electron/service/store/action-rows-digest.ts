import type { ActionRow, ActionRowOmits } from '../../../shared/contract/meetings';
import { actionItemSchema, type ActionItem } from '../../../shared/domain/meetings';
import type { ShardStore } from './shard-store';
import { unitDigest, type DigestSpec, type UnitDigest } from './unit-digest';

export const ACTION_ROWS_FILE = '.action-rows.json';

/**
 * A unit's actions as the register lists them, column by column (a team-sized workbook's 300,000 rows
 * parse in a third of the time as arrays of strings than as objects), in the register's own order. A
 * column whose values are all the same (the unit's id) is kept once.
 */
export interface ActionRowsEntry {
  count: number;
  /** The columns (see COLUMNS) with one value for every row. */
  same: Record<string, unknown>;
  /** The other columns, each as one array with a value per row. */
  columns: Record<string, unknown[]>;
}

// Plain code-unit comparison for ISO dates and ids: they sort correctly that way, and fast.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Titles in natural order ("action 2" before "action 114"), through one reused collator: String#localeCompare
// builds a collator per call and is ten times slower on a long-serving BRM's tens of thousands of actions.
export const titleOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The register's order: due date, then title, then id (so the order is total). */
export const byDueDate = (a: ActionRow, b: ActionRow): number =>
  compare(a.dueDate, b.dueDate) || titleOrder.compare(a.title, b.title) || compare(a.id, b.id);

/** What a row leaves out (see ActionRowOmits); every other field of the action is kept. */
const LEFT_OUT = new Set<string>([
  'trail',
  'createdAt',
  'updatedAt',
  'agendaItemId',
] satisfies ActionRowOmits[]);

export function actionRowOf(action: ActionItem): ActionRow {
  const { trail, createdAt: _created, updatedAt: _updated, agendaItemId: _item, ...row } = action;
  return { ...row, updates: trail.length };
}

/**
 * The digest's columns: the action's own fields but those left out, and `updates`. Taken from the schema,
 * so a field added to an action item is a column at once, and digests written without it do not fit and
 * are made again.
 */
const COLUMNS = [...Object.keys(actionItemSchema.shape).filter((key) => !LEFT_OUT.has(key)), 'updates'];

/** The rows of an entry, made once per entry (the register's cache knows an unchanged unit by its list). */
const rowsMade = new WeakMap<ActionRowsEntry, ActionRow[]>();
export function rowsOfEntry(entry: ActionRowsEntry): ActionRow[] {
  let rows = rowsMade.get(entry);
  if (!rows) {
    const { same, columns } = entry;
    // Every row gets its properties in the same order, so all rows share one shape (the sort is fast on it).
    const sources = COLUMNS.map((column) => (column in same ? null : columns[column]!));
    const values = COLUMNS.map((column) => same[column]);
    rows = Array.from({ length: entry.count }, (_, i) => {
      const row: Record<string, unknown> = {};
      COLUMNS.forEach((column, c) => (row[column] = sources[c] ? sources[c][i] : values[c]));
      return row as ActionRow;
    });
    rowsMade.set(entry, rows);
  }
  return rows;
}

/**
 * Every unit's action rows, in `units/.action-rows.json`: the register asked for every status answers
 * from it while the unit files are still being read (at ten times a ten-year workbook, reading them all
 * took 13 s). Large (a tenth of the unit files), so it is read when first asked, not at every start.
 */
const ACTION_ROWS: DigestSpec<ActionRowsEntry> = {
  file: ACTION_ROWS_FILE,
  derived: 'action-rows',
  // 3: columns by name, taken from the action item's schema; a column of one value kept once.
  format: 3,
  readAtStart: false,
  make: (actions) => {
    // Each unit's rows in the register's order: the register's sort then merges runs.
    const rows = actions.map(actionRowOf).sort(byDueDate) as unknown as Array<Record<string, unknown>>;
    const entry: ActionRowsEntry = { count: rows.length, same: {}, columns: {} };
    for (const column of COLUMNS) {
      const values = rows.map((row) => row[column]);
      if (values.length > 0 && values.every((value) => value === values[0])) entry.same[column] = values[0];
      else entry.columns[column] = values;
    }
    return entry;
  },
  fits: ({ count, same, columns }) => {
    if (typeof count !== 'number' || typeof same !== 'object' || typeof columns !== 'object') return false;
    if (same === null || columns === null) return false;
    // The columns of this build, each once, with a value per row: nothing more, nothing less.
    return (
      Object.keys(same).length + Object.keys(columns).length === COLUMNS.length &&
      COLUMNS.every(
        (column) => column in same || (Array.isArray(columns[column]) && columns[column].length === count),
      )
    );
  },
};

/** The one action-rows digest of a store. */
export function actionRowsDigest(store: ShardStore): UnitDigest<ActionRowsEntry> {
  return unitDigest(store, ACTION_ROWS);
}
