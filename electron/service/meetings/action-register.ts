import type { WorkbookHandlers } from '../../../shared/contract';
import type { ActionSort } from '../../../shared/contract/meetings';
import { meetingRefOf, type MeetingRef } from '../../../shared/domain/action-trail';
import { unitLabels } from '../../../shared/domain/customers';
import { isOverdue } from '../../../shared/domain/meeting-dates';
import { ACTION_STATUSES, type ActionItem } from '../../../shared/domain/meetings';
import type { ServiceContext } from '../context';
import { OPEN_STATUSES, openActionsSummary } from '../store/open-actions-summary';
import { directoryShard, unitRecordsShard } from '../store/shards';
import type { MeetingRecords } from './meeting-records';

type RegisterHandlers = Pick<WorkbookHandlers, 'listActions'>;

// Plain code-unit comparison for ISO dates and ids: they sort correctly that way, and fast.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Titles in natural order ("action 2" before "action 114"), through one reused collator: String#localeCompare
// builds a collator per call and is ten times slower on a long-serving BRM's tens of thousands of actions.
const titles = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const byDueDate = (a: ActionItem, b: ActionItem) =>
  compare(a.dueDate, b.dueDate) || titles.compare(a.title, b.title) || compare(a.id, b.id);

/** The register's order for a column other than due date; descending turns only the column round. */
function columnOrder(sort: ActionSort, unitNames: Map<string, string>) {
  const sign = sort.direction === 'descending' ? -1 : 1;
  const valueOf: (a: ActionItem) => string =
    sort.by === 'title'
      ? (a) => a.title
      : sort.by === 'owner'
        ? (a) => a.owner
        : sort.by === 'unit'
          ? (a) => unitNames.get(a.unitId) ?? ''
          : (a) => String(ACTION_STATUSES.indexOf(a.status));
  return (a: ActionItem, b: ActionItem) => sign * titles.compare(valueOf(a), valueOf(b));
}

/** The meetings the listed actions were raised or updated in, as the register names them. */
function meetingsMentioned(actions: readonly ActionItem[], records: MeetingRecords) {
  const meetings: Record<string, MeetingRef> = {};
  const mention = (id: string | null) => {
    const header = id && !(id in meetings) ? records.meetingHeader(id) : undefined;
    if (header) meetings[header.id] = meetingRefOf(header);
  };
  for (const action of actions) {
    mention(action.raisedInMeetingId);
    for (const update of action.trail) mention(update.meetingId);
  }
  return meetings;
}

/** The action register: every unit's actions in one list, filtered, sorted and read a page at a time. */
export function actionRegisterHandlers(ctx: ServiceContext, records: MeetingRecords): RegisterHandlers {
  // Made as the workbook opens: it notes every change to a unit's actions from the first.
  const summary = openActionsSummary(ctx.store);

  /**
   * Every action of every unit, sorted by due date, with the owners named. Rebuilt only when a unit's action
   * list changed: the store hands out the same array until that unit's file is rewritten. `openOnly`: only
   * open actions are asked for, so units whose file is not read yet answer from the open-actions summary.
   */
  let cache: { sources: ActionItem[][]; sorted: ActionItem[]; owners: string[]; total: number } | null = null;
  const register = (openOnly: boolean) => {
    const parts = ctx.store.keys(unitRecordsShard).map((id) => {
      const entry = openOnly ? summary.entry(id) : null;
      return entry ? { list: entry.open, entry } : { list: records.unitActions(id), entry: null };
    });
    const sources = parts.map((part) => part.list);
    const unchanged =
      cache !== null &&
      cache.sources.length === sources.length &&
      cache.sources.every((list, i) => list === sources[i]);
    if (!cache || !unchanged) {
      const sorted = sources.flat().sort(byDueDate);
      const owners = new Set<string>();
      let total = 0;
      for (const { list, entry } of parts) {
        for (const owner of entry ? entry.owners : list.map((a) => a.owner)) if (owner) owners.add(owner);
        total += entry ? entry.total : list.length;
      }
      cache = { sources, sorted, owners: [...owners].sort((a, b) => a.localeCompare(b)), total };
    }
    return cache;
  };
  let filtered: { sorted: ActionItem[]; key: string; list: ActionItem[] } | null = null;

  return {
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
