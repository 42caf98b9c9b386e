import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { meetingRefOf, type MeetingRef } from '../../../shared/domain/action-trail';
import { newId } from '../../../shared/domain/ids';
import { dueDateProblem, isOverdue } from '../../../shared/domain/meeting-dates';
import type { ActionItem, ActionUpdate, Meeting } from '../../../shared/domain/meetings';
import { notFound, stamp, type ServiceContext } from '../context';
import { unitRecordsShard } from '../store/shards';
import type { MeetingRecords } from './meeting-records';
import { replaceUnitRecord } from '../store/unit-records';

type ActionHandlers = Pick<
  WorkbookHandlers,
  'addAction' | 'updateAction' | 'deleteAction' | 'recordActionUpdate' | 'clearActionUpdate' | 'listActions'
>;

// Plain code-unit comparison: ISO dates sort correctly that way, and localeCompare is ten times slower on
// the tens of thousands of actions a long-serving BRM's register holds.
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byDueDate = (a: ActionItem, b: ActionItem) =>
  compare(a.dueDate, b.dueDate) || compare(a.title, b.title) || compare(a.id, b.id);

function checkDueDate(dueDate: string, meeting: Meeting): void {
  const problem = dueDateProblem(dueDate, meeting.date);
  if (problem) throw new WorkbookError('invalid-input', problem, { 'fields.dueDate': problem });
}

/** The status an action has after its trail: the latest update decides. */
const statusAfter = (trail: readonly ActionUpdate[]) => trail.at(-1)?.status ?? 'open';

/** Action items: raised in meetings, updated in later ones, and the register across all units. */
export function actionsHandlers(ctx: ServiceContext, records: MeetingRecords): ActionHandlers {
  const replaceAction = (unitId: string, id: string, change: (a: ActionItem) => ActionItem): ActionItem => {
    return replaceUnitRecord(ctx.store, unitId, 'actions', id, change, 'action', ctx.now());
  };

  /**
   * Every action of every unit, sorted by due date, with the owners named. Rebuilt only when a unit's action
   * list changed: the store hands out the same array until that unit's file is rewritten.
   */
  let cache: { sources: ActionItem[][]; sorted: ActionItem[]; owners: string[] } | null = null;
  const register = () => {
    const sources = ctx.store.keys(unitRecordsShard).map((id) => records.unitActions(id));
    const unchanged =
      cache !== null &&
      cache.sources.length === sources.length &&
      cache.sources.every((list, i) => list === sources[i]);
    if (!cache || !unchanged) {
      const sorted = sources.flat().sort(byDueDate);
      const owners = [...new Set(sorted.map((a) => a.owner).filter(Boolean))].sort((a, b) =>
        a.localeCompare(b),
      );
      cache = { sources, sorted, owners };
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

    listActions: ({ unitId, owner, statuses, today, overdueOnly, latestFirst = false, page }) => {
      const { sorted, owners } = register();
      const key = JSON.stringify([unitId, owner, [...statuses].sort(), today, overdueOnly]);
      // The register view asks for page after page of one filter: filter once, slice many times.
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
        filtered = { sorted, key, list };
      }
      const { list } = filtered;
      const offset = Math.min(page?.offset ?? 0, list.length);
      const end = page ? Math.min(offset + page.limit, list.length) : list.length;
      const actions = latestFirst
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
      return { actions, offset, matching: list.length, meetings, owners, total: sorted.length };
    },
  };
}
