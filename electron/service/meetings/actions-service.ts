import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { meetingRefOf, type MeetingRef } from '../../../shared/domain/action-trail';
import { newId } from '../../../shared/domain/ids';
import { dueDateProblem, isOverdue } from '../../../shared/domain/meeting-dates';
import type { ActionItem, ActionUpdate, Meeting } from '../../../shared/domain/meetings';
import { notFound, stamp, type ServiceContext } from '../context';
import { unitRecordsShard } from '../store/shards';
import type { MeetingRecords } from './meeting-records';

type ActionHandlers = Pick<
  WorkbookHandlers,
  'addAction' | 'updateAction' | 'deleteAction' | 'recordActionUpdate' | 'clearActionUpdate' | 'listActions'
>;

const byDueDate = (a: ActionItem, b: ActionItem) =>
  a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);

function checkDueDate(dueDate: string, meeting: Meeting): void {
  const problem = dueDateProblem(dueDate, meeting.date);
  if (problem) throw new WorkbookError('invalid-input', problem, { 'fields.dueDate': problem });
}

/** The status an action has after its trail: the latest update decides. */
const statusAfter = (trail: readonly ActionUpdate[]) => trail.at(-1)?.status ?? 'open';

/** Action items: raised in meetings, updated in later ones, and the register across all units. */
export function actionsHandlers(ctx: ServiceContext, records: MeetingRecords): ActionHandlers {
  const replaceAction = (unitId: string, id: string, change: (a: ActionItem) => ActionItem): ActionItem => {
    const actions = records.unitActions(unitId);
    const index = actions.findIndex((a) => a.id === id);
    const current = actions[index];
    if (!current) throw notFound('action');
    const next = actions.slice();
    const updated = { ...change(current), updatedAt: ctx.now().toISOString() };
    next[index] = updated;
    records.saveUnitActions(unitId, next);
    return updated;
  };

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

    listActions: ({ unitId, owner, statuses, today, overdueOnly }) => {
      const unitIds = unitId === null ? ctx.store.keys(unitRecordsShard) : [unitId];
      const wanted = new Set(statuses);
      const owners = new Set<string>();
      const out: ActionItem[] = [];
      let total = 0;
      for (const id of unitIds) {
        if (!ctx.store.has(unitRecordsShard, id)) continue;
        for (const action of records.unitActions(id)) {
          total++;
          if (action.owner) owners.add(action.owner);
          if (owner !== null && action.owner !== owner) continue;
          if (wanted.size > 0 && !wanted.has(action.status)) continue;
          if (overdueOnly && !isOverdue(action, today)) continue;
          out.push(action);
        }
      }
      out.sort(byDueDate);
      const meetings: Record<string, MeetingRef> = {};
      const mention = (id: string | null) => {
        if (id && !(id in meetings) && records.hasMeeting(id)) {
          meetings[id] = meetingRefOf(records.requireMeeting(id));
        }
      };
      for (const action of out) {
        mention(action.raisedInMeetingId);
        for (const update of action.trail) mention(update.meetingId);
      }
      return { actions: out, meetings, owners: [...owners].sort((a, b) => a.localeCompare(b)), total };
    },
  };
}
