import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { newId } from '../../../shared/domain/ids';
import { defaultPeriod } from '../../../shared/domain/meeting-dates';
import {
  seriesDates,
  seriesRuleOf,
  seriesStartProblem,
  type MeetingSeries,
  type SeriesRepeat,
} from '../../../shared/domain/meeting-series';
import type { Meeting, MeetingPlanFields } from '../../../shared/domain/meetings';
import { notFound, stamp, type ServiceContext } from '../context';
import type { ShardStore } from '../store/shard-store';
import { meetingShard } from '../store/shards';
import { addUnitRecord, replaceUnitRecord, requireUnit, unitRecordsOf } from '../store/unit-records';

type SeriesHandlers = Pick<WorkbookHandlers, 'planMeetingSeries' | 'getMeetingSeries'>;

const refuse = (field: string, message: string) =>
  new WorkbookError('invalid-input', message, { [field]: message });

/** The dates a plan and its repeat give, or a refusal naming the field to change. */
function datesOf(fields: MeetingPlanFields, repeat: SeriesRepeat) {
  if (fields.kind !== 'periodic') {
    throw refuse('fields.kind', 'Only periodic reviews are planned as a series.');
  }
  if (fields.time === '') {
    throw refuse('fields.time', 'A series needs a time: calendars book every meeting of it at that time.');
  }
  const problem = seriesStartProblem(fields.date);
  if (problem) throw refuse('fields.date', problem);
  const rule = seriesRuleOf(fields.date, repeat);
  try {
    return { rule, dates: seriesDates(rule, repeat) };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw refuse(repeat.until === null ? 'repeat.count' : 'repeat.until', error.message);
  }
}

/** The stored series, or a not-found a person can act on. */
export function requireSeries(store: ShardStore, unitId: string, seriesId: string): MeetingSeries {
  const series = unitRecordsOf(store, unitId).meetingSeries.find((s) => s.id === seriesId);
  if (!series) throw notFound('meeting series');
  return series;
}

/**
 * A meeting of a series is being deleted: its date becomes an exception of the series (EXDATE) and the
 * series' SEQUENCE rises, so the next series invitation takes it out of every calendar.
 */
export function skipSeriesMeeting(store: ShardStore, meeting: Meeting, now: Date): void {
  const link = meeting.series;
  if (!link || !unitRecordsOf(store, meeting.unitId).meetingSeries.some((s) => s.id === link.id)) return;
  replaceUnitRecord(
    store,
    meeting.unitId,
    'meetingSeries',
    link.id,
    (series) => ({
      ...series,
      skipped: [...new Set([...series.skipped, link.occurrence])].sort(),
      meetingIds: series.meetingIds.filter((id) => id !== meeting.id),
      sequence: series.sequence + 1,
    }),
    'meeting series',
    now,
  );
}

/** Series of periodic reviews planned ahead; planning each meeting is the meetings service's. */
export function seriesHandlers(
  ctx: ServiceContext,
  meetings: Pick<WorkbookHandlers, 'planMeeting'>,
): SeriesHandlers {
  return {
    planMeetingSeries: async ({ unitId, fields, repeat }) => {
      requireUnit(ctx.store, unitId);
      const { rule, dates } = datesOf(fields, repeat);
      const planned: Meeting[] = [];
      for (const [i, date] of dates.entries()) {
        // The first meeting keeps the period the BRM gave; the others review the month before them.
        const period = i === 0 ? fields : (defaultPeriod('periodic', date) ?? fields);
        planned.push(
          await meetings.planMeeting({
            unitId,
            fields: { ...fields, date, periodStart: period.periodStart, periodEnd: period.periodEnd },
          }),
        );
      }
      const series: MeetingSeries = stamp(ctx, newId(), {
        ...rule,
        count: dates.length,
        until: repeat.until,
        time: fields.time,
        location: fields.location,
        skipped: [],
        meetingIds: planned.map((m) => m.id),
        sequence: 0,
      });
      addUnitRecord(ctx.store, unitId, 'meetingSeries', series);
      // Linked in order, so "Open next meeting" walks the series and each knows its date in the rule.
      planned.forEach((meeting, i) => {
        ctx.store.put(meetingShard, meeting.id, {
          ...meeting,
          series: { id: series.id, occurrence: dates[i]! },
          previousMeetingId: planned[i - 1]?.id ?? null,
          nextMeetingId: planned[i + 1]?.id ?? null,
        });
      });
      return { series, firstMeetingId: planned[0]!.id };
    },

    getMeetingSeries: ({ unitId, id }) => {
      requireUnit(ctx.store, unitId);
      return requireSeries(ctx.store, unitId, id);
    },
  };
}
