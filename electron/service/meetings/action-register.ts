import type { WorkbookHandlers } from '../../../shared/contract';
import type { ActionRow, ActionSort, ActionWithTrail } from '../../../shared/contract/meetings';
import { meetingRefOf, type MeetingRef } from '../../../shared/domain/action-trail';
import { unitLabels } from '../../../shared/domain/customers';
import { isOverdue } from '../../../shared/domain/meeting-dates';
import { ACTION_STATUSES, type ActionItem } from '../../../shared/domain/meetings';
import { notFound, type ServiceContext } from '../context';
import {
  actionRowOf,
  actionRowsDigest,
  byDueDate,
  rowsOfEntry,
  titleOrder,
} from '../store/action-rows-digest';
import { OPEN_STATUSES, openActionsSummary } from '../store/open-actions-summary';
import { directoryShard, unitRecordsShard } from '../store/shards';
import type { MeetingRecords } from './meeting-records';

type RegisterHandlers = Pick<WorkbookHandlers, 'listActions' | 'getAction'>;

/** The register's order for a column other than due date; descending turns only the column round. */
function columnOrder(sort: ActionSort, unitNames: Map<string, string>) {
  const sign = sort.direction === 'descending' ? -1 : 1;
  const valueOf: (a: ActionRow) => string =
    sort.by === 'title'
      ? (a) => a.title
      : sort.by === 'owner'
        ? (a) => a.owner
        : sort.by === 'unit'
          ? (a) => unitNames.get(a.unitId) ?? ''
          : (a) => String(ACTION_STATUSES.indexOf(a.status));
  return (a: ActionRow, b: ActionRow) => sign * titleOrder.compare(valueOf(a), valueOf(b));
}

/** The meetings the listed actions were raised in (and, `withTrail`, updated in), as the register names them. */
function meetingsMentioned(
  actions: ReadonlyArray<ActionRow | ActionItem>,
  records: MeetingRecords,
): Record<string, MeetingRef> {
  const meetings: Record<string, MeetingRef> = {};
  const mention = (id: string | null) => {
    const header = id && !(id in meetings) ? records.meetingHeader(id) : undefined;
    if (header) meetings[header.id] = meetingRefOf(header);
  };
  for (const action of actions) {
    mention(action.raisedInMeetingId);
    if ('trail' in action) for (const update of action.trail) mention(update.meetingId);
  }
  return meetings;
}

/** The rows of a unit's actions in memory, made once per list (the store hands out the same list until the file is rewritten). */
const rowsMade = new WeakMap<readonly ActionItem[], ActionRow[]>();
function rowsOf(actions: readonly ActionItem[]): ActionRow[] {
  let rows = rowsMade.get(actions);
  if (!rows) rowsMade.set(actions, (rows = actions.map(actionRowOf)));
  return rows;
}

/**
 * The listed actions whole, with every meeting they were raised or updated in: each unit's file is read
 * once (for the action log report, which prints the trails).
 */
export function wholeActions(rows: readonly ActionRow[], records: MeetingRecords): ActionWithTrail[] {
  const byUnit = new Map<string, Map<string, ActionItem>>();
  const actionOf = (row: ActionRow) => {
    let ofUnit = byUnit.get(row.unitId);
    if (!ofUnit)
      byUnit.set(row.unitId, (ofUnit = new Map(records.unitActions(row.unitId).map((a) => [a.id, a]))));
    return ofUnit.get(row.id);
  };
  return rows.flatMap((row) => {
    const action = actionOf(row);
    return action ? [{ action, meetings: meetingsMentioned([action], records) }] : [];
  });
}

/** The action register: every unit's actions in one list, filtered, sorted and read a page at a time. */
export function actionRegisterHandlers(ctx: ServiceContext, records: MeetingRecords): RegisterHandlers {
  // Made as the workbook opens: they note every change to a unit's actions from the first.
  const openSummary = openActionsSummary(ctx.store);
  const rowDigest = actionRowsDigest(ctx.store);

  /**
   * One unit's rows, from a digest made from its file as it is (the same list as long as the file is not
   * rewritten, so the sorted register is kept while the unit files are read in the background), else from
   * the file itself.
   */
  const unitRows = (id: string, openOnly: boolean) => {
    const open = openOnly ? openSummary.entry(id) : null;
    if (open) return { list: rowsOf(open.open), owners: open.owners, total: open.total };
    const digest = rowDigest.entry(id);
    const list = digest ? rowsOfEntry(digest) : rowsOf(records.unitActions(id));
    return { list, owners: null, total: list.length };
  };

  /**
   * Every action row of every unit, sorted by due date, with the owners named. Rebuilt only when a unit's
   * rows changed. `openOnly`: only open actions are asked for, so units whose file is not read yet answer
   * from the open-actions summary.
   */
  type Sorted = { sources: ActionRow[][]; sorted: ActionRow[]; owners: string[]; total: number };
  // One per question (open actions, every status): the BRM switching the status filter back and forth
  // does not sort 300,000 rows again each time.
  const caches = new Map<boolean, Sorted>();
  const register = (openOnly: boolean) => {
    const parts = ctx.store.keys(unitRecordsShard).map((id) => unitRows(id, openOnly));
    const sources = parts.map((part) => part.list);
    let cache = caches.get(openOnly);
    const unchanged =
      cache !== undefined &&
      cache.sources.length === sources.length &&
      cache.sources.every((list, i) => list === sources[i]);
    if (!cache || !unchanged) {
      // Each unit's rows come in due-date order mostly: the sort merges runs.
      const sorted = sources.flat().sort(byDueDate);
      const owners = new Set<string>();
      let total = 0;
      for (const part of parts) {
        for (const owner of part.owners ?? part.list.map((a) => a.owner)) if (owner) owners.add(owner);
        total += part.total;
      }
      cache = { sources, sorted, owners: [...owners].sort((a, b) => a.localeCompare(b)), total };
      caches.set(openOnly, cache);
    }
    return cache;
  };
  let filtered: { sorted: ActionRow[]; key: string; list: ActionRow[] } | null = null;

  return {
    getAction: ({ unitId, id }) => {
      const action = records.unitActions(unitId).find((a) => a.id === id);
      if (!action) throw notFound('action');
      return { action, meetings: meetingsMentioned([action], records) };
    },
    listActions: ({ unitId, owner, statuses, today, overdueOnly, latestFirst = false, sort, page }) => {
      const openOnly = statuses.length > 0 && statuses.every((status) => OPEN_STATUSES.has(status));
      const { sorted, owners, total } = register(openOnly);
      const column = sort && sort.by !== 'due' ? sort : null;
      const key = JSON.stringify([unitId, owner, [...statuses].sort(), today, overdueOnly, column]);
      // The register view asks for page after page of one filter: filter and sort once, slice many times.
      if (filtered?.sorted !== sorted || filtered.key !== key) {
        const wanted = new Set(statuses);
        // Filtering keeps the due-date order of the cached list: no sort per call.
        const list = sorted.filter(
          (action) =>
            (unitId === null || action.unitId === unitId) &&
            (owner === null || action.owner === owner) &&
            (wanted.size === 0 || wanted.has(action.status)) &&
            (!overdueOnly || isOverdue(action, today)),
        );
        // A stable sort on the column: rows equal on it stay in due-date order.
        if (column) list.sort(columnOrder(column, unitLabels(ctx.store.get(directoryShard).units)));
        filtered = { sorted, key, list };
      }
      const { list } = filtered;
      const offset = Math.min(page?.offset ?? 0, list.length);
      const end = page ? Math.min(offset + page.limit, list.length) : list.length;
      const reversed = sort ? sort.by === 'due' && sort.direction === 'descending' : latestFirst;
      const actions = reversed
        ? list.slice(list.length - end, list.length - offset).reverse()
        : list.slice(offset, end);
      return {
        actions,
        offset,
        matching: list.length,
        meetings: meetingsMentioned(actions, records),
        owners,
        total,
      };
    },
  };
}
