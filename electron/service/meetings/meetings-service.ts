import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { carriedActions } from '../../../shared/domain/agenda';
import { futureMeetingWarning, todayOf } from '../../../shared/domain/meeting-dates';
import type { Meeting, MeetingHistoryEntry } from '../../../shared/domain/meetings';
import type { ServiceContext } from '../context';
import { actionsHandlers } from './actions-service';
import { meetingRecords, type MeetingRecords } from './meeting-records';
import { historyEntry as historyOf, planningHandlers } from './meeting-planning';
import { minutesHandlers } from './meeting-minutes';
import { templatesHandlers } from './templates-service';

type LifecycleHandlers = Pick<WorkbookHandlers, 'markMeetingHeld' | 'finaliseMeeting' | 'reopenMeeting'>;

/** Service review meetings: planning, running (minutes, decisions, attendance), lifecycle, next meeting. */
export function meetingsHandlers(
  ctx: ServiceContext,
): ReturnType<typeof planningHandlers> &
  ReturnType<typeof minutesHandlers> &
  LifecycleHandlers &
  ReturnType<typeof templatesHandlers> &
  ReturnType<typeof actionsHandlers> {
  const records = meetingRecords(ctx);
  return {
    ...templatesHandlers(ctx),
    ...actionsHandlers(ctx, records),
    ...planningHandlers(ctx, records),
    ...minutesHandlers(records),
    ...lifecycleHandlers(ctx, records),
  };
}

/** A meeting's life: planned, held, finalised with its minutes, and reopened with a reason. */
function lifecycleHandlers(ctx: ServiceContext, records: MeetingRecords): LifecycleHandlers {
  /** A meeting dated after today is held or finalised only once the BRM has confirmed the warning. */
  const checkNotFuture = (meeting: Meeting, confirmed: boolean) => {
    const warning = futureMeetingWarning(meeting.date, todayOf(ctx.now()));
    if (warning && !confirmed) throw new WorkbookError('conflict', warning);
  };
  const historyEntry = (event: MeetingHistoryEntry['event'], reason = '') => historyOf(ctx, event, reason);

  return {
    markMeetingHeld: ({ id, confirmFuture = false }) => {
      const meeting = records.requireEditableMeeting(id);
      if (meeting.status === 'held') return records.detailOf(meeting);
      checkNotFuture(meeting, confirmFuture);
      return records.detailOf(
        records.saveMeeting({
          ...meeting,
          status: 'held',
          history: [...meeting.history, historyEntry('held')],
        }),
      );
    },

    finaliseMeeting: ({ id, confirmFuture = false }) => {
      const meeting = records.requireEditableMeeting(id);
      checkNotFuture(meeting, confirmFuture);
      const carried = carriedActions(meeting, records.unitActions(meeting.unitId)).map((c) => c.action.id);
      const history = [
        ...meeting.history,
        ...(meeting.status === 'planned' ? [historyEntry('held')] : []),
        historyEntry('finalised'),
      ];
      return records.detailOf(
        records.saveMeeting({ ...meeting, status: 'finalised', carriedActionIds: carried, history }),
      );
    },

    reopenMeeting: ({ id, reason }) => {
      const meeting = records.requireMeeting(id);
      if (meeting.status !== 'finalised') {
        throw new WorkbookError('conflict', 'These minutes are not finalised; there is nothing to reopen.');
      }
      return records.detailOf(
        records.saveMeeting({
          ...meeting,
          status: 'held',
          history: [...meeting.history, historyEntry('reopened', reason)],
        }),
      );
    },
  };
}
