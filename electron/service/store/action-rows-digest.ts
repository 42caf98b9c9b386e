import type { ActionRow, ActionRowOmits } from '../../../shared/contract/meetings';
import { actionItemSchema, type ActionItem } from '../../../shared/domain/meetings';
import type { ShardStore } from './shard-store';
import { unitDigest, type DigestSpec, type UnitDigest } from './unit-digest';

export const ACTION_ROWS_FILE = '.action-rows.json';

/**
 * A unit's actions as the register lists them, column by column (a team-sized workbook's 300,000 rows
 * parse in a third of the time as arrays of strings than as objects), in the register's own order.
 */
export interface ActionRowsEntry {
  /** Each column (see COLUMNS) as one array, a value per row. */
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
    const { columns } = entry;
    const count = columns.id?.length ?? 0;
    rows = Array.from({ length: count }, (_, i) => {
      const row: Record<string, unknown> = {};
      for (const column of COLUMNS) row[column] = columns[column]![i];
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
  // 2: columns by name, taken from the action item's schema.
  format: 2,
  readAtStart: false,
  make: (actions) => {
    // Each unit's rows in the register's order: the register's sort then merges runs.
    const rows = actions.map(actionRowOf).sort(byDueDate) as unknown as Array<Record<string, unknown>>;
    return { columns: Object.fromEntries(COLUMNS.map((column) => [column, rows.map((row) => row[column])])) };
  },
  fits: (entry) => {
    const columns = entry.columns;
    if (typeof columns !== 'object' || columns === null) return false;
    const count = columns.id?.length;
    // The columns of this build, each with a value per row: nothing more, nothing less.
    return (
      Object.keys(columns).length === COLUMNS.length &&
      COLUMNS.every((column) => Array.isArray(columns[column]) && columns[column].length === count)
    );
  },
};

/** The one action-rows digest of a store. */
export function actionRowsDigest(store: ShardStore): UnitDigest<ActionRowsEntry> {
  return unitDigest(store, ACTION_ROWS);
}
