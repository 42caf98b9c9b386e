import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { newId } from '../../../shared/domain/ids';
import type { AgendaItem, Meeting } from '../../../shared/domain/meetings';
import { notFound } from '../context';
import type { MeetingRecords } from './meeting-records';
import { hasContent } from './meeting-planning';

type MinutesHandlers = Pick<
  WorkbookHandlers,
  | 'addAgendaItem'
  | 'removeAgendaItem'
  | 'moveAgendaItem'
  | 'saveMinutes'
  | 'addDecision'
  | 'updateDecision'
  | 'removeDecision'
  | 'setAttendance'
>;

function itemOf(meeting: Meeting, itemId: string): AgendaItem {
  const item = meeting.agenda.find((i) => i.id === itemId);
  if (!item) throw notFound('agenda item');
  return item;
}

function withItem(meeting: Meeting, itemId: string, change: (item: AgendaItem) => AgendaItem): Meeting {
  itemOf(meeting, itemId);
  return { ...meeting, agenda: meeting.agenda.map((i) => (i.id === itemId ? change(i) : i)) };
}

/** Running a meeting: its agenda items, the minutes and decisions under them, and who attended. */
export function minutesHandlers(records: MeetingRecords): MinutesHandlers {
  return {
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
  };
}
