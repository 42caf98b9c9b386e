import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import type { Meeting } from '../../../shared/domain/meetings';
import { assembleReviewPack, type ReviewPack } from '../../../shared/domain/review-pack-assembly';
import { notFound, type ServiceContext } from '../context';
import { directoryShard, meetingShard, unitRecordsShard, watchShard } from '../store/shards';
import { unitRecordsOf } from '../store/unit-records';

type PackHandlers = Pick<WorkbookHandlers, 'getReviewPack' | 'setPackComment'>;

/** The pack of a meeting, from the unit's records and the watch notes as they are now. */
export function reviewPackOf(ctx: ServiceContext, meeting: Meeting): ReviewPack {
  const records = unitRecordsOf(ctx.store, meeting.unitId);
  return assembleReviewPack({
    meeting,
    agreements: records.agreements,
    serviceResults: records.serviceResults,
    majorIncidents: records.majorIncidents,
    projects: records.projects,
    requirements: records.requirements,
    feedback: records.feedback,
    surveys: records.surveys,
    watchNotes: ctx.store.get(watchShard).notes,
    outcomes: records.outcomes,
    comments: records.packComments.find((c) => c.meetingId === meeting.id) ?? null,
    contacts: ctx.store.get(directoryShard).contacts.filter((c) => c.unitId === meeting.unitId),
  });
}

export function packHandlers(ctx: ServiceContext): PackHandlers {
  const requireMeeting = (id: string): Meeting => {
    if (!ctx.store.has(meetingShard, id)) throw notFound('meeting');
    return ctx.store.get(meetingShard, id);
  };

  return {
    getReviewPack: ({ meetingId }) => reviewPackOf(ctx, requireMeeting(meetingId)),

    setPackComment: ({ meetingId, section, text }) => {
      const meeting = requireMeeting(meetingId);
      // The comments are part of the record of the meeting: once its minutes are final, so are they.
      if (meeting.status === 'finalised') {
        throw new WorkbookError(
          'conflict',
          'These minutes are finalised and read-only. Reopen them (and say why) to change a comment.',
        );
      }
      const records = unitRecordsOf(ctx.store, meeting.unitId);
      const existing = records.packComments.find((c) => c.meetingId === meetingId);
      const comments = { ...existing?.comments, [section]: text };
      if (text.trim() === '') delete comments[section];
      const others = records.packComments.filter((c) => c.meetingId !== meetingId);
      ctx.store.put(unitRecordsShard, meeting.unitId, {
        ...records,
        packComments: Object.keys(comments).length ? [...others, { meetingId, comments }] : others,
      });
      return reviewPackOf(ctx, meeting);
    },
  };
}
