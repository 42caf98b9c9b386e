import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { meetingRefOf, type MeetingRef } from '../../../shared/domain/action-trail';
import { newId } from '../../../shared/domain/ids';
import { dueDateProblem, isOverdue, todayOf } from '../../../shared/domain/meeting-dates';
import { displayDates } from '../../../shared/domain/date-format';
import type { ActionSort } from '../../../shared/contract/meetings';
import { unitLabels } from '../../../shared/domain/customers';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  type ActionFields,
  type ActionItem,
  type ActionStatus,
  type ActionUpdate,
  type Meeting,
} from '../../../shared/domain/meetings';
import { notFound, stamp, type ServiceContext } from '../context';
import { OPEN_STATUSES, openActionsSummary } from '../store/open-actions-summary';
import { directoryShard, settingsShard, unitRecordsShard } from '../store/shards';
import type { MeetingRecords } from './meeting-records';
import { replaceUnitRecord } from '../store/unit-records';

type ActionHandlers = Pick<
  WorkbookHandlers,
  | 'addAction'
  | 'updateAction'
  | 'changeActionOutsideMeeting'
  | 'deleteAction'
  | 'recordActionUpdate'
  | 'clearActionUpdate'
  | 'listActions'
>;

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

function checkDueDate(dueDate: string, meeting: Meeting): void {
  const problem = dueDateProblem(dueDate, meeting.date);
  if (problem) throw new WorkbookError('invalid-input', problem, { 'fields.dueDate': problem });
}

/** "Due 9 Dec 2026 → 16 Dec 2026", "reassigned from Sam to Kim": what a change outside a meeting did. */
function describeChanges(action: ActionItem, fields: ActionFields, status: ActionStatus): string[] {
  const dates = displayDates();
  const out: string[] = [];
  if (fields.title !== action.title) out.push(`title was "${action.title}"`);
  if (fields.owner !== action.owner)
    out.push(`reassigned from ${action.owner || 'no owner'} to ${fields.owner || 'no owner'}`);
  if (fields.dueDate !== action.dueDate)
    out.push(`due ${dates.short(action.dueDate)} → ${dates.short(fields.dueDate)}`);
  if (status !== action.status)
    out.push(`${ACTION_STATUS_LABELS[action.status]} → ${ACTION_STATUS_LABELS[status]}`);
  return out;
}

/** The status an action has after its trail: the latest update decides. */
const statusAfter = (trail: readonly ActionUpdate[]) => trail.at(-1)?.status ?? 'open';

/** Action items: raised in meetings, updated in later ones, and the register across all units. */
export function actionsHandlers(ctx: ServiceContext, records: MeetingRecords): ActionHandlers {
  // Made as the workbook opens: it notes every change to a unit's actions from the first.
  const summary = openActionsSummary(ctx.store);
  const replaceAction = (unitId: string, id: string, change: (a: ActionItem) => ActionItem): ActionItem => {
    return replaceUnitRecord(ctx.store, unitId, 'actions', id, change, 'action', ctx.now());
  };

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
    addAction: ({ meetingId, agendaItemId, fields }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      if (agendaItemId !== null && !meeting.agenda.some((i) => i.id === agendaItemId)) {
        throw notFound('agenda item');
      }
      checkDueDate(fields.dueDate, meeting);
      const action: ActionItem = {
        ...stamp(ctx, newId(), fields),
        unitId: meeting.unitId,
        status: 'open',
        raisedInMeetingId: meeting.id,
        agendaItemId,
        trail: [],
      };
      records.saveUnitActions(meeting.unitId, [...records.unitActions(meeting.unitId), action]);
      return records.detailOf(meeting);
    },

    updateAction: ({ unitId, id, fields }) => {
      const action = records.unitActions(unitId).find((a) => a.id === id);
      if (!action) throw notFound('action');
      if (action.raisedInMeetingId && records.hasMeeting(action.raisedInMeetingId)) {
        const raisedIn = records.requireEditableMeeting(action.raisedInMeetingId);
        checkDueDate(fields.dueDate, raisedIn);
      }
      return replaceAction(unitId, id, (a) => ({ ...a, ...fields }));
    },

    changeActionOutsideMeeting: ({ unitId, id, fields, status, note }) => {
      const action = records.unitActions(unitId).find((a) => a.id === id);
      if (!action) throw notFound('action');
      const changes = describeChanges(action, fields, status);
      if (changes.length === 0 && note.trim() === '') {
        throw new WorkbookError('invalid-input', 'Nothing was changed. Change a field, or write a note.', {
          note: 'Say what happened, or change a field.',
        });
      }
      const update: ActionUpdate = {
        id: newId(),
        meetingId: null,
        date: todayOf(ctx.now()),
        note: [changes.join('; '), note.trim()].filter(Boolean).join('. '),
        status,
        by: ctx.store.get(settingsShard).brmName.trim() || 'the BRM',
      };
      return replaceAction(unitId, id, (a) => ({ ...a, ...fields, status, trail: [...a.trail, update] }));
    },

    deleteAction: ({ meetingId, id }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const actions = records.unitActions(meeting.unitId);
      const action = actions.find((a) => a.id === id && a.raisedInMeetingId === meetingId);
      if (!action) throw notFound('action');
      if (action.trail.length > 0) {
        throw new WorkbookError(
          'conflict',
          'This action already has updates from later meetings; close or drop it instead of deleting it.',
        );
      }
      records.saveUnitActions(
        meeting.unitId,
        actions.filter((a) => a.id !== id),
      );
      return records.detailOf(meeting);
    },

    recordActionUpdate: ({ meetingId, actionId, date, status, note }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const action = records.unitActions(meeting.unitId).find((a) => a.id === actionId);
      if (!action) throw notFound('action');
      if (action.raisedInMeetingId === meetingId) {
        throw new WorkbookError(
          'conflict',
          'This action was raised in this meeting; its updates are given in the meetings that follow.',
        );
      }
      replaceAction(meeting.unitId, actionId, (a) => {
        // One update per meeting: recording it again replaces what was said in this meeting.
        const previous = a.trail.find((u) => u.meetingId === meetingId);
        const update: ActionUpdate = { id: previous?.id ?? newId(), meetingId, date, note, status };
        const trail = previous
          ? a.trail.map((u) => (u.meetingId === meetingId ? update : u))
          : [...a.trail, update];
        return { ...a, trail, status: statusAfter(trail) };
      });
      return records.detailOf(meeting);
    },

    clearActionUpdate: ({ meetingId, actionId }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      replaceAction(meeting.unitId, actionId, (a) => {
        const trail = a.trail.filter((u) => u.meetingId !== meetingId);
        return { ...a, trail, status: statusAfter(trail) };
      });
      return records.detailOf(meeting);
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
      const meetings: Record<string, MeetingRef> = {};
      const mention = (id: string | null) => {
        const header = id && !(id in meetings) ? records.meetingHeader(id) : undefined;
        if (header) meetings[header.id] = meetingRefOf(header);
      };
      for (const action of actions) {
        mention(action.raisedInMeetingId);
        for (const update of action.trail) mention(update.meetingId);
      }
      return { actions, offset, matching: list.length, meetings, owners, total };
    },
  };
}
