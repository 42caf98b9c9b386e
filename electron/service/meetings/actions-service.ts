import { joinParts, type WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { newId } from '../../../shared/domain/ids';
import { dueDateProblem, todayOf } from '../../../shared/domain/meeting-dates';
import { displayDates } from '../../../shared/domain/date-format';
import {
  ACTION_STATUS_LABELS,
  type ActionFields,
  type ActionItem,
  type ActionStatus,
  type ActionUpdate,
  type Meeting,
} from '../../../shared/domain/meetings';
import { notFound, stamp, type ServiceContext } from '../context';
import { settingsShard } from '../store/shards';
import { actionRegisterHandlers } from './action-register';
import type { MeetingRecords } from './meeting-records';
import { replaceUnitRecord } from '../store/unit-records';

type ChangeHandlers = Pick<
  WorkbookHandlers,
  | 'addAction'
  | 'updateAction'
  | 'changeActionOutsideMeeting'
  | 'deleteAction'
  | 'recordActionUpdate'
  | 'clearActionUpdate'
>;
type ActionHandlers = ChangeHandlers & ReturnType<typeof actionRegisterHandlers>;

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
  return joinParts(actionChangeHandlers(ctx, records), actionRegisterHandlers(ctx, records));
}

/** An action item's own life: raised in a meeting, edited, updated in later meetings or outside them. */
function actionChangeHandlers(ctx: ServiceContext, records: MeetingRecords): ChangeHandlers {
  const replaceAction = (unitId: string, id: string, change: (a: ActionItem) => ActionItem): ActionItem => {
    return replaceUnitRecord(ctx.store, unitId, 'actions', id, change, 'action', ctx.now());
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
  };
}
