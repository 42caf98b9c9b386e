import { describe, expect, it } from 'vitest';
import { CARRIED_ACTIONS_TITLE, assembleAgenda, carriedActions, newActionsOf } from './agenda';
import type { ActionItem, ActionUpdate, Meeting } from './meetings';

const T = '2026-03-01T09:00:00.000Z';

function meeting(id: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    unitId: 'unit-a1',
    kind: 'periodic',
    templateId: null,
    date: '2026-03-10',
    time: '',
    location: '',
    periodStart: null,
    periodEnd: null,
    trigger: '',
    chair: '',
    minuteTaker: '',
    attendees: [],
    agenda: [
      { id: 'item-1', title: 'Service performance', guidance: '', minutes: '', decisions: [] },
      { id: 'item-2', title: 'Complaints', guidance: '', minutes: '', decisions: [] },
    ],
    carriedActionIds: [],
    status: 'held',
    history: [],
    previousMeetingId: null,
    nextMeetingId: null,
    ...over,
  };
}

function action(id: string, over: Partial<ActionItem> = {}): ActionItem {
  return {
    id,
    createdAt: T,
    updatedAt: T,
    title: `Action ${id}`,
    owner: 'Sam',
    dueDate: '2026-03-20',
    unitId: 'unit-a1',
    status: 'open',
    raisedInMeetingId: 'meeting-0',
    agendaItemId: null,
    trail: [],
    ...over,
  };
}

const update = (meetingId: string, status: ActionUpdate['status'], date = '2026-03-10'): ActionUpdate => ({
  id: `u-${meetingId}-${status}`,
  meetingId,
  date,
  note: `said in ${meetingId}`,
  status,
});

describe('carried actions', () => {
  const m = meeting('meeting-1');

  it('carries every open action of the unit raised elsewhere, by due date', () => {
    const actions = [
      action('late01', { dueDate: '2026-04-01' }),
      action('early1', { dueDate: '2026-02-01', status: 'in-progress' }),
      action('done01', { status: 'done' }),
      action('drop01', { status: 'dropped' }),
      action('other1', { unitId: 'unit-b2' }),
      action('here01', { raisedInMeetingId: 'meeting-1' }),
    ];
    expect(carriedActions(m, actions).map((c) => c.action.id)).toEqual(['early1', 'late01']);
  });

  it('keeps an action closed in this meeting, the update given here being its latest', () => {
    const closed = action('close1', {
      status: 'done',
      trail: [update('meeting-0b', 'in-progress', '2026-02-10'), update('meeting-1', 'done')],
    });
    const [carried] = carriedActions(m, [closed]);
    expect(carried?.updateInThisMeeting?.status).toBe('done');
    expect(carried?.latestUpdate?.meetingId).toBe('meeting-1');
  });

  it('shows an update recorded in an earlier meeting as the latest until this meeting gives one', () => {
    const updated = action('upd001', { status: 'in-progress', trail: [update('meeting-0b', 'in-progress')] });
    const [carried] = carriedActions(m, [updated]);
    expect(carried?.latestUpdate?.meetingId).toBe('meeting-0b');
    expect(carried?.updateInThisMeeting).toBeNull();
  });

  it('keeps actions carried in at planning even if they were closed elsewhere since', () => {
    const planned = meeting('meeting-1', { carriedActionIds: ['close2'] });
    const closedElsewhere = action('close2', { status: 'done', trail: [update('meeting-x', 'done')] });
    expect(carriedActions(planned, [closedElsewhere]).map((c) => c.action.id)).toEqual(['close2']);
  });

  it('is frozen once the meeting is finalised: later actions do not join', () => {
    const finalised = meeting('meeting-1', { status: 'finalised', carriedActionIds: ['keep01'] });
    const actions = [action('keep01', { status: 'done' }), action('new001')];
    expect(carriedActions(finalised, actions).map((c) => c.action.id)).toEqual(['keep01']);
  });
});

describe('agenda assembly', () => {
  it('puts "Actions from previous meetings" first, then the template items in order', () => {
    const m = meeting('meeting-1');
    const agenda = assembleAgenda(m, [action('open01')]);
    expect(agenda.map((e) => (e.kind === 'item' ? e.item.title : e.title))).toEqual([
      CARRIED_ACTIONS_TITLE,
      'Service performance',
      'Complaints',
    ]);
    expect(agenda[0]?.kind === 'carried-actions' && agenda[0].actions.map((c) => c.action.id)).toEqual([
      'open01',
    ]);
  });

  it('lists the actions raised in a meeting in agenda order', () => {
    const m = meeting('meeting-1');
    const actions = [
      action('b-item2', { raisedInMeetingId: 'meeting-1', agendaItemId: 'item-2' }),
      action('a-item1', { raisedInMeetingId: 'meeting-1', agendaItemId: 'item-1' }),
      action('c-carry', { raisedInMeetingId: 'meeting-1', agendaItemId: null }),
      action('elsewhr'),
    ];
    expect(newActionsOf(m, actions).map((a) => a.id)).toEqual(['a-item1', 'b-item2', 'c-carry']);
  });
});
