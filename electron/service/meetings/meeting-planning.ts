import type { WorkbookHandlers } from '../../../shared/contract';
import type { MeetingSummary } from '../../../shared/contract/meetings';
import { WorkbookError } from '../../../shared/contract/define';
import { sideOfRole } from '../../../shared/domain/customers';
import { nextInvitationSequence } from '../../../shared/domain/distribution';
import { newId } from '../../../shared/domain/ids';
import { nextMeetingPlan } from '../../../shared/domain/meeting-plans';
import {
  isActionOpen,
  type AgendaItem,
  type Attendee,
  type Meeting,
  type MeetingHistoryEntry,
  type MeetingPlanFields,
} from '../../../shared/domain/meetings';
import { stamp, type ServiceContext } from '../context';
import { skipSeriesMeeting } from '../series/series-service';
import { directoryShard } from '../store/shards';
import type { MeetingRecords } from './meeting-records';
import { agendaTemplates } from './templates-service';

type PlanningHandlers = Pick<
  WorkbookHandlers,
  'listMeetings' | 'getMeeting' | 'planMeeting' | 'updateMeetingPlan' | 'deleteMeeting' | 'planNextMeeting'
>;

type AgendaTemplates = ReturnType<typeof agendaTemplates>;

/** Whether anything was written under an agenda item: then it is the BRM's record, not the template's. */
export const hasContent = (item: AgendaItem) => item.minutes.trim() !== '' || item.decisions.length > 0;

export const historyEntry = (
  ctx: ServiceContext,
  event: MeetingHistoryEntry['event'],
  reason = '',
): MeetingHistoryEntry => ({ at: ctx.now().toISOString(), event, reason });

function agendaFromTemplate(templates: AgendaTemplates, templateId: string | null): AgendaItem[] {
  if (!templateId) return [];
  const template = templates.all().find((t) => t.id === templateId);
  if (!template) {
    throw new WorkbookError('not-found', 'That agenda template no longer exists. Choose another one.', {
      templateId: 'This template no longer exists.',
    });
  }
  return template.items.map((item) => ({
    id: newId(),
    title: item.title,
    guidance: item.guidance,
    minutes: '',
    decisions: [],
  }));
}

/**
 * Invitees as planned; people already invited keep the attendance recorded for them. An invited contact
 * sits on the side their role says (an IT stakeholder is IT), whatever the caller sent.
 */
function attendeesOf(
  ctx: ServiceContext,
  plan: MeetingPlanFields,
  previous: readonly Attendee[],
): Attendee[] {
  const contacts = new Map(ctx.store.get(directoryShard).contacts.map((c) => [c.id, c]));
  const ids = new Set(plan.invitees.map((i) => i.id));
  if (ids.size !== plan.invitees.length) {
    throw new WorkbookError('invalid-input', 'The same person is invited twice.', {
      invitees: 'Remove the duplicate invitee.',
    });
  }
  return plan.invitees.map((invitee) => {
    const contact = invitee.contactId ? contacts.get(invitee.contactId) : undefined;
    return {
      ...invitee,
      side: contact ? sideOfRole(contact.role) : invitee.side,
      attendance: previous.find((a) => a.id === invitee.id)?.attendance ?? null,
    };
  });
}

/** What a plan says of the meeting itself; the invitees become its attendees separately. */
const detailsOf = ({ invitees: _invitees, ...details }: MeetingPlanFields) => details;

/** Planning service reviews: a meeting's kind, date, agenda from its template and invitees; the next one. */
export function planningHandlers(ctx: ServiceContext, records: MeetingRecords): PlanningHandlers {
  const templates = agendaTemplates(ctx);
  const openActionIds = (unitId: string) =>
    records
      .unitActions(unitId)
      .filter((a) => isActionOpen(a.status))
      .map((a) => a.id);

  const plan = (unitId: string, fields: MeetingPlanFields, links: Partial<Meeting> = {}): Meeting => {
    records.requireUnit(unitId);
    const meeting: Meeting = {
      ...stamp(ctx, newId(), { unitId, ...detailsOf(fields) }),
      attendees: attendeesOf(ctx, fields, []),
      agenda: agendaFromTemplate(templates, fields.templateId),
      // The unit's open actions are carried in as planned; ones opened later join while the meeting is open.
      carriedActionIds: openActionIds(unitId),
      status: 'planned',
      history: [historyEntry(ctx, 'planned')],
      previousMeetingId: null,
      nextMeetingId: null,
      ...links,
    };
    return records.saveMeeting(meeting);
  };

  return {
    listMeetings: ({ unitId }) => {
      // From the meetings' headers: listing ten years of meetings reads none of their files.
      const meetings = records.meetingHeaders().filter((m) => unitId === null || m.unitId === unitId);
      const raisedCounts = new Map<string, number>();
      for (const unit of new Set(meetings.map((m) => m.unitId))) {
        for (const action of records.unitActions(unit)) {
          if (action.raisedInMeetingId) {
            raisedCounts.set(action.raisedInMeetingId, (raisedCounts.get(action.raisedInMeetingId) ?? 0) + 1);
          }
        }
      }
      return meetings
        .map((m): MeetingSummary => ({ ...m, actionCount: raisedCounts.get(m.id) ?? 0 }))
        .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time));
    },

    getMeeting: ({ id }) => records.detailOf(records.requireMeeting(id)),

    planMeeting: ({ unitId, fields }) => plan(unitId, fields),

    updateMeetingPlan: ({ id, fields }) => {
      const meeting = records.requireEditableMeeting(id);
      // A new template replaces the agenda only while nothing has been written under it.
      const agenda =
        fields.templateId !== meeting.templateId && !meeting.agenda.some(hasContent)
          ? agendaFromTemplate(templates, fields.templateId)
          : meeting.agenda;
      const next: Meeting = {
        ...meeting,
        ...detailsOf(fields),
        attendees: attendeesOf(ctx, fields, meeting.attendees),
        agenda,
        invitationSequence: nextInvitationSequence(meeting, fields),
      };
      return records.detailOf(records.saveMeeting(next));
    },

    deleteMeeting: ({ id }) => {
      const meeting = records.requireMeeting(id);
      const actions = records.unitActions(meeting.unitId);
      const recorded =
        meeting.status !== 'planned' ||
        meeting.agenda.some(hasContent) ||
        actions.some((a) => a.raisedInMeetingId === id || a.trail.some((u) => u.meetingId === id));
      if (recorded) {
        throw new WorkbookError(
          'conflict',
          'Only a planned meeting with nothing recorded in it can be deleted. This one has minutes, actions or updates.',
        );
      }
      // The chain closes over the gap: in a series the meetings before and after stay linked.
      const next =
        meeting.nextMeetingId && records.hasMeeting(meeting.nextMeetingId) ? meeting.nextMeetingId : null;
      if (meeting.previousMeetingId && records.hasMeeting(meeting.previousMeetingId)) {
        const previous = records.requireMeeting(meeting.previousMeetingId);
        if (previous.nextMeetingId === id) records.saveMeeting({ ...previous, nextMeetingId: next });
      }
      if (next) {
        const after = records.requireMeeting(next);
        if (after.previousMeetingId === id) {
          records.saveMeeting({ ...after, previousMeetingId: meeting.previousMeetingId });
        }
      }
      skipSeriesMeeting(ctx.store, meeting, ctx.now());
      records.removeMeeting(id);
      return { deleted: id };
    },

    planNextMeeting: ({ id, fields: proposed }) => {
      const meeting = records.requireMeeting(id);
      if (meeting.kind !== 'periodic') {
        throw new WorkbookError(
          'conflict',
          'Only a periodic review has a next meeting a month later. Plan annual and ad hoc reviews from the unit page.',
        );
      }
      if (meeting.nextMeetingId && records.hasMeeting(meeting.nextMeetingId)) {
        return records.requireMeeting(meeting.nextMeetingId);
      }
      const templateExists =
        meeting.templateId !== null && templates.all().some((t) => t.id === meeting.templateId);
      const fields = proposed ?? nextMeetingPlan(meeting, templateExists ? meeting.templateId : null);
      const next = plan(meeting.unitId, fields, { previousMeetingId: meeting.id });
      // Without its template, the next meeting follows this one's agenda (titles and guidance, no minutes).
      const planned = fields.templateId
        ? next
        : records.saveMeeting({
            ...next,
            agenda: meeting.agenda.map((i) => ({ ...i, id: newId(), minutes: '', decisions: [] })),
          });
      records.saveMeeting({ ...meeting, nextMeetingId: planned.id });
      return planned;
    },
  };
}
