import type { WorkbookHandlers } from '../../../shared/contract';
import type { MeetingSummary } from '../../../shared/contract/meetings';
import { nextInvitationSequence } from '../../../shared/domain/distribution';
import { WorkbookError } from '../../../shared/contract/define';
import { carriedActions } from '../../../shared/domain/agenda';
import { sideOfRole } from '../../../shared/domain/customers';
import { newId } from '../../../shared/domain/ids';
import { futureMeetingWarning, todayOf } from '../../../shared/domain/meeting-dates';
import { nextMeetingPlan } from '../../../shared/domain/meeting-plans';
import {
  isActionOpen,
  type AgendaItem,
  type Attendee,
  type Meeting,
  type MeetingHistoryEntry,
  type MeetingPlanFields,
} from '../../../shared/domain/meetings';
import { notFound, stamp, type ServiceContext } from '../context';
import { skipSeriesMeeting } from '../series/series-service';
import { directoryShard } from '../store/shards';
import { actionsHandlers } from './actions-service';
import { meetingRecords } from './meeting-records';
import { agendaTemplates, templatesHandlers } from './templates-service';

type MeetingHandlers = Pick<
  WorkbookHandlers,
  | 'listMeetings'
  | 'getMeeting'
  | 'planMeeting'
  | 'updateMeetingPlan'
  | 'deleteMeeting'
  | 'addAgendaItem'
  | 'removeAgendaItem'
  | 'moveAgendaItem'
  | 'saveMinutes'
  | 'addDecision'
  | 'updateDecision'
  | 'removeDecision'
  | 'setAttendance'
  | 'markMeetingHeld'
  | 'finaliseMeeting'
  | 'reopenMeeting'
  | 'planNextMeeting'
>;

const hasContent = (item: AgendaItem) => item.minutes.trim() !== '' || item.decisions.length > 0;

/** Service review meetings: planning, running (minutes, decisions, attendance), lifecycle, next meeting. */
export function meetingsHandlers(
  ctx: ServiceContext,
): MeetingHandlers & ReturnType<typeof templatesHandlers> & ReturnType<typeof actionsHandlers> {
  const records = meetingRecords(ctx);
  const templates = agendaTemplates(ctx);
  const at = () => ctx.now().toISOString();
  const historyEntry = (event: MeetingHistoryEntry['event'], reason = ''): MeetingHistoryEntry => ({
    at: at(),
    event,
    reason,
  });

  const agendaFromTemplate = (templateId: string | null): AgendaItem[] => {
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
  };

  /**
   * Invitees as planned; people already invited keep the attendance recorded for them. An invited contact
   * sits on the side their role says (an IT stakeholder is IT), whatever the caller sent.
   */
  const attendeesOf = (plan: MeetingPlanFields, previous: readonly Attendee[]): Attendee[] => {
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
  };

  /** A meeting dated after today is held or finalised only once the BRM has confirmed the warning. */
  const checkNotFuture = (meeting: Meeting, confirmed: boolean) => {
    const warning = futureMeetingWarning(meeting.date, todayOf(ctx.now()));
    if (warning && !confirmed) throw new WorkbookError('conflict', warning);
  };

  const openActionIds = (unitId: string) =>
    records
      .unitActions(unitId)
      .filter((a) => isActionOpen(a.status))
      .map((a) => a.id);

  const itemOf = (meeting: Meeting, itemId: string): AgendaItem => {
    const item = meeting.agenda.find((i) => i.id === itemId);
    if (!item) throw notFound('agenda item');
    return item;
  };

  const withItem = (meeting: Meeting, itemId: string, change: (item: AgendaItem) => AgendaItem): Meeting => {
    itemOf(meeting, itemId);
    return { ...meeting, agenda: meeting.agenda.map((i) => (i.id === itemId ? change(i) : i)) };
  };

  /** What a plan says of the meeting itself; the invitees become its attendees separately. */
  const detailsOf = ({ invitees: _invitees, ...details }: MeetingPlanFields) => details;

  const plan = (unitId: string, fields: MeetingPlanFields, links: Partial<Meeting> = {}): Meeting => {
    records.requireUnit(unitId);
    const meeting: Meeting = {
      ...stamp(ctx, newId(), { unitId, ...detailsOf(fields) }),
      attendees: attendeesOf(fields, []),
      agenda: agendaFromTemplate(fields.templateId),
      // The unit's open actions are carried in as planned; ones opened later join while the meeting is open.
      carriedActionIds: openActionIds(unitId),
      status: 'planned',
      history: [historyEntry('planned')],
      previousMeetingId: null,
      nextMeetingId: null,
      ...links,
    };
    return records.saveMeeting(meeting);
  };

  return {
    ...templatesHandlers(ctx),
    ...actionsHandlers(ctx, records),

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
          ? agendaFromTemplate(fields.templateId)
          : meeting.agenda;
      const next: Meeting = {
        ...meeting,
        ...detailsOf(fields),
        attendees: attendeesOf(fields, meeting.attendees),
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

    addAgendaItem: ({ meetingId, title }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const item: AgendaItem = { id: newId(), title, guidance: '', minutes: '', decisions: [] };
      return records.detailOf(records.saveMeeting({ ...meeting, agenda: [...meeting.agenda, item] }));
    },

    removeAgendaItem: ({ meetingId, itemId }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const item = itemOf(meeting, itemId);
      const raised = records.unitActions(meeting.unitId).some((a) => a.agendaItemId === itemId);
      if (hasContent(item) || raised) {
        throw new WorkbookError(
          'conflict',
          `"${item.title}" has minutes, decisions or actions. Move or clear them before removing the item.`,
        );
      }
      return records.detailOf(
        records.saveMeeting({ ...meeting, agenda: meeting.agenda.filter((i) => i.id !== itemId) }),
      );
    },

    moveAgendaItem: ({ meetingId, itemId, to }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const item = itemOf(meeting, itemId);
      const others = meeting.agenda.filter((i) => i.id !== itemId);
      // A position past the end means last: the agenda may have shrunk since the BRM looked at it.
      const at = Math.min(to, others.length);
      const agenda = [...others.slice(0, at), item, ...others.slice(at)];
      return records.detailOf(records.saveMeeting({ ...meeting, agenda }));
    },

    saveMinutes: ({ meetingId, itemId, minutes }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      if (itemOf(meeting, itemId).minutes === minutes) return { savedAt: meeting.updatedAt };
      const saved = records.saveMeeting(withItem(meeting, itemId, (i) => ({ ...i, minutes })));
      return { savedAt: saved.updatedAt };
    },

    addDecision: ({ meetingId, itemId, text }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const next = withItem(meeting, itemId, (i) => ({
        ...i,
        decisions: [...i.decisions, { id: newId(), text }],
      }));
      return records.detailOf(records.saveMeeting(next));
    },

    updateDecision: ({ meetingId, itemId, decisionId, text }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      if (!itemOf(meeting, itemId).decisions.some((d) => d.id === decisionId)) throw notFound('decision');
      const next = withItem(meeting, itemId, (i) => ({
        ...i,
        decisions: i.decisions.map((d) => (d.id === decisionId ? { ...d, text } : d)),
      }));
      return records.detailOf(records.saveMeeting(next));
    },

    removeDecision: ({ meetingId, itemId, decisionId }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      const next = withItem(meeting, itemId, (i) => ({
        ...i,
        decisions: i.decisions.filter((d) => d.id !== decisionId),
      }));
      return records.detailOf(records.saveMeeting(next));
    },

    setAttendance: ({ meetingId, attendeeId, attendance }) => {
      const meeting = records.requireEditableMeeting(meetingId);
      if (!meeting.attendees.some((a) => a.id === attendeeId)) throw notFound('invitee');
      const attendees = meeting.attendees.map((a) => (a.id === attendeeId ? { ...a, attendance } : a));
      return records.detailOf(records.saveMeeting({ ...meeting, attendees }));
    },

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
