import type { MeetingDetail } from '../../../shared/contract/meetings';
import { WorkbookError } from '../../../shared/contract/define';
import { carriedActions, newActionsOf } from '../../../shared/domain/agenda';
import type { ActionItem, Meeting, MeetingHeader } from '../../../shared/domain/meetings';
import { notFound, type ServiceContext } from '../context';
import { meetingShard } from '../store/shards';
import { requireUnit, unitRecordsOf, updateUnitRecords } from '../store/unit-records';

/** Reads and writes the records meetings and actions live in: one file per meeting, one per unit. */
export function meetingRecords(ctx: ServiceContext) {
  const records = {
    requireUnit: (unitId: string) => requireUnit(ctx.store, unitId),

    unitActions: (unitId: string): ActionItem[] => unitRecordsOf(ctx.store, unitId).actions,

    /** Rewrites the unit's file with a new action list, keeping its other registers as they are. */
    saveUnitActions(unitId: string, actions: ActionItem[]): void {
      updateUnitRecords(ctx.store, unitId, () => ({ actions }));
    },

    requireMeeting(id: string): Meeting {
      if (!ctx.store.has(meetingShard, id)) throw notFound('meeting');
      return ctx.store.get(meetingShard, id);
    },

    hasMeeting: (id: string): boolean => ctx.store.has(meetingShard, id),

    removeMeeting: (id: string): void => ctx.store.remove(meetingShard, id),

    /** A meeting that may still change: finalised minutes are read-only until reopened. */
    requireEditableMeeting(id: string): Meeting {
      const meeting = records.requireMeeting(id);
      if (meeting.status === 'finalised') {
        throw new WorkbookError(
          'conflict',
          'These minutes are finalised and read-only. Reopen them (and say why) to change anything.',
        );
      }
      return meeting;
    },

    saveMeeting(meeting: Meeting): Meeting {
      return ctx.store.put(meetingShard, meeting.id, { ...meeting, updatedAt: ctx.now().toISOString() });
    },

    /** Every meeting's header, without reading the meetings' files. */
    meetingHeaders: (): MeetingHeader[] => [...ctx.store.summaries(meetingShard).values()],

    meetingHeader: (id: string): MeetingHeader | undefined => ctx.store.summaries(meetingShard).get(id),

    detailOf(meeting: Meeting): MeetingDetail {
      const actions = records.unitActions(meeting.unitId);
      return {
        meeting,
        actions: [
          ...carriedActions(meeting, actions).map((c) => c.action),
          ...newActionsOf(meeting, actions),
        ],
      };
    },
  };
  return records;
}

export type MeetingRecords = ReturnType<typeof meetingRecords>;
