import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARRIED_ACTIONS_TITLE, assembleAgenda } from '../../../shared/domain/agenda';
import type { MeetingPlanFields } from '../../../shared/domain/meetings';
import { call, open, refusal, tempDir, unitFields } from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';

let dir: string;
let wb: Workbook;

/** The workbook on this test's folder, on 10 March 2026. */
const openDir = (): Workbook => open(dir, { now: () => new Date(2026, 2, 10, 9, 0) });

const mtime = (rel: string) => fs.statSync(path.join(dir, rel)).mtimeMs;

async function unitWithContact() {
  const unit = await call(wb, 'createUnit', {
    parentId: null,
    fields: unitFields('Retail'),
  });
  return unit.id;
}

const plan = (over: Partial<MeetingPlanFields> = {}): MeetingPlanFields => ({
  kind: 'periodic',
  templateId: 'builtin-periodic',
  date: '2026-03-31',
  time: '10:00',
  location: 'Room 4.12',
  periodStart: '2026-02-01',
  periodEnd: '2026-02-28',
  trigger: '',
  chair: 'Maria Jansen',
  minuteTaker: 'Me',
  invitees: [
    { id: 'inv-maria', contactId: null, name: 'Maria Jansen', side: 'business', role: 'Customer' },
    { id: 'inv-slm001', contactId: null, name: 'Sam Lee', side: 'it', role: 'Service level manager' },
  ],
  ...over,
});

beforeEach(() => {
  dir = tempDir('brm-meetings-');
  wb = openDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('agenda templates', () => {
  it('seeds the built-ins from seed 004 and restores them after edits and deletion', async () => {
    const templates = await call(wb, 'listTemplates', {});
    expect(templates.map((t) => t.kind)).toEqual(['annual', 'periodic', 'adhoc']);
    const periodic = templates.find((t) => t.kind === 'periodic')!;
    expect(periodic.items.map((i) => i.title)).toContain('Service delivery performance against targets');
    expect(periodic.items.every((i) => i.guidance.length > 20)).toBe(true);

    const copy = await call(wb, 'copyTemplate', { id: periodic.id });
    expect(copy.name).toBe('Periodic service review (copy)');
    await call(wb, 'updateTemplate', {
      id: periodic.id,
      fields: { name: 'Mine', kind: 'periodic', items: periodic.items.slice(0, 1).reverse() },
    });
    await call(wb, 'deleteTemplate', { id: 'builtin-annual' });
    const restored = await call(wb, 'restoreBuiltInTemplates', {});
    expect(restored.map((t) => t.name).sort()).toEqual(
      [
        'Ad hoc service review',
        'Annual service review',
        'Periodic service review',
        'Periodic service review (copy)',
      ].sort(),
    );
    expect(restored.find((t) => t.id === periodic.id)?.items).toHaveLength(periodic.items.length);

    const reopened = await call(openDir(), 'listTemplates', {});
    expect(reopened).toHaveLength(4);
  });
});

describe('planning meetings', () => {
  it('plans a meeting from a template into its own file, and saving minutes touches only that file', async () => {
    const unitId = await unitWithContact();
    const meeting = await call(wb, 'planMeeting', { unitId, fields: plan() });
    expect(meeting.status).toBe('planned');
    expect(meeting.agenda[0]?.title).toBe('Service delivery performance against targets');
    expect(meeting.attendees.map((a) => a.attendance)).toEqual([null, null]);

    const meetingFile = `meetings/${meeting.id}.json`;
    const others = ['directory.json', 'templates.json'];
    const before = others.map(mtime);
    await new Promise((r) => setTimeout(r, 20));
    await call(wb, 'saveMinutes', {
      meetingId: meeting.id,
      itemId: meeting.agenda[0]!.id,
      minutes: 'Availability 99.8%',
    });
    expect(others.map(mtime)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, meetingFile), 'utf8')).toContain('Availability 99.8%');
    expect(fs.existsSync(path.join(dir, 'units'))).toBe(false);

    const detail = await call(openDir(), 'getMeeting', { id: meeting.id });
    expect(detail.meeting.agenda[0]?.minutes).toBe('Availability 99.8%');
  });

  it('refuses bad input with clear messages and stores nothing', async () => {
    const unitId = await unitWithContact();
    expect(
      (await refusal(wb, 'planMeeting', { unitId, fields: plan({ date: '' }) })).fieldErrors,
    ).toMatchObject({
      'fields.date': 'Choose the date of the meeting.',
    });
    expect(
      (await refusal(wb, 'planMeeting', { unitId, fields: plan({ kind: 'adhoc', trigger: ' ' }) }))
        .fieldErrors?.['fields.trigger'],
    ).toContain('triggered');
    expect(fs.existsSync(path.join(dir, 'meetings'))).toBe(false);

    await call(wb, 'updateSettings', {
      fields: { organisationName: '', brmName: '', locale: 'en-GB', theme: 'system' },
    });
    const meeting = await call(wb, 'planMeeting', { unitId, fields: plan() });
    const itemId = meeting.agenda[0]!.id;
    const early = await refusal(wb, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: itemId,
      fields: { title: 'Report', owner: 'Sam', dueDate: '2026-03-30' },
    });
    expect(early.message).toBe(
      'The due date is before the meeting (Tue, 31 Mar 2026). Choose the meeting date or later.',
    );
    const untitled = await refusal(wb, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: itemId,
      fields: { title: '  ', owner: 'Sam', dueDate: '2026-04-14' },
    });
    expect(untitled.fieldErrors?.['fields.title']).toBe('An action needs a title.');
    const undated = await refusal(wb, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: itemId,
      fields: { title: 'Report', owner: 'Sam', dueDate: '' },
    });
    expect(undated.fieldErrors?.['fields.dueDate']).toBe('Choose a due date.');
    expect(fs.existsSync(path.join(dir, 'units'))).toBe(false);
  });

  it('plans the next meeting as confirmed in the planner: its date and invitees, linked and carrying actions', async () => {
    const unitId = await unitWithContact();
    const first = await call(wb, 'planMeeting', { unitId, fields: plan({ date: '2026-12-09' }) });
    await call(wb, 'addAction', {
      meetingId: first.id,
      agendaItemId: null,
      fields: { title: 'Send the capacity plan', owner: 'Sam Lee', dueDate: '2026-12-23' },
    });
    const fields = plan({
      date: '2027-01-14',
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      invitees: [],
    });
    const next = await call(wb, 'planNextMeeting', { id: first.id, fields });
    expect([next.date, next.previousMeetingId, next.attendees]).toEqual(['2027-01-14', first.id, []]);
    const detail = await call(wb, 'getMeeting', { id: next.id });
    expect(detail.actions.map((a) => a.title)).toEqual(['Send the capacity plan']);
    expect((await call(wb, 'getMeeting', { id: first.id })).meeting.nextMeetingId).toBe(next.id);
  });

  it('moves an agenda item up or down within one meeting, and the new order is kept', async () => {
    const unitId = await unitWithContact();
    const meeting = await call(wb, 'planMeeting', { unitId, fields: plan() });
    const titles = meeting.agenda.map((i) => i.title);
    const third = meeting.agenda[2]!;
    const moved = await call(wb, 'moveAgendaItem', {
      meetingId: meeting.id,
      itemId: third.id,
      to: 0,
    });
    expect(moved.meeting.agenda.map((i) => i.title)).toEqual([
      titles[2],
      titles[0],
      titles[1],
      ...titles.slice(3),
    ]);
    // Past the end means last.
    await call(wb, 'moveAgendaItem', { meetingId: meeting.id, itemId: third.id, to: 999 });
    const reopened = await call(openDir(), 'getMeeting', { id: meeting.id });
    expect(reopened.meeting.agenda.map((i) => i.title)).toEqual([
      ...titles.slice(0, 2),
      ...titles.slice(3),
      titles[2],
    ]);
    await call(wb, 'finaliseMeeting', { id: meeting.id, confirmFuture: true });
    expect(
      (await refusal(wb, 'moveAgendaItem', { meetingId: meeting.id, itemId: third.id, to: 0 })).message,
    ).toMatch(/finalised/i);
  });
});

describe('running and finalising meetings', () => {
  it('runs, finalises (read-only), reopens with a reason, and plans the next meeting with open actions carried', async () => {
    await call(wb, 'updateSettings', {
      fields: { organisationName: '', brmName: '', locale: 'en-GB', theme: 'system' },
    });
    const unitId = await unitWithContact();
    const first = await call(wb, 'planMeeting', { unitId, fields: plan() });
    const item = first.agenda[1]!;
    await call(wb, 'setAttendance', { meetingId: first.id, attendeeId: 'inv-maria', attendance: 'present' });
    await call(wb, 'setAttendance', {
      meetingId: first.id,
      attendeeId: 'inv-slm001',
      attendance: 'apologies',
    });
    await call(wb, 'addDecision', {
      meetingId: first.id,
      itemId: item.id,
      text: 'Move the release to April',
    });
    for (const title of ['Send incident report', 'Book capacity review']) {
      await call(wb, 'addAction', {
        meetingId: first.id,
        agendaItemId: item.id,
        fields: { title, owner: 'Sam Lee', dueDate: '2026-04-14' },
      });
    }
    // Today is 10 March; the meeting is dated 31 March: neither held nor finalised without the BRM confirming.
    for (const method of ['markMeetingHeld', 'finaliseMeeting'] as const) {
      const early = await refusal(wb, method, { id: first.id });
      expect(early.message).toContain('dated Tue, 31 Mar 2026, after today');
    }
    expect((await call(wb, 'getMeeting', { id: first.id })).meeting.status).toBe('planned');
    const finalised = await call(wb, 'finaliseMeeting', { id: first.id, confirmFuture: true });
    expect(finalised.meeting.status).toBe('finalised');
    expect(finalised.meeting.history.map((h) => h.event)).toEqual(['planned', 'held', 'finalised']);
    expect(
      (await refusal(wb, 'saveMinutes', { meetingId: first.id, itemId: item.id, minutes: 'x' })).message,
    ).toContain('finalised and read-only');
    expect((await refusal(wb, 'reopenMeeting', { id: first.id, reason: ' ' })).fieldErrors?.reason).toBe(
      'Say why the minutes are reopened.',
    );
    const reopened = await call(wb, 'reopenMeeting', {
      id: first.id,
      reason: 'Typo in a decision',
    });
    expect(reopened.meeting.history.at(-1)).toMatchObject({
      event: 'reopened',
      reason: 'Typo in a decision',
    });
    await call(wb, 'finaliseMeeting', { id: first.id, confirmFuture: true });

    const next = await call(wb, 'planNextMeeting', { id: first.id });
    expect(next.date).toBe('2026-04-28'); // Tue 31 March, a fifth Tuesday: April's last
    expect([next.periodStart, next.periodEnd]).toEqual(['2026-03-01', '2026-03-31']);
    // Invited again: who was present (Sam Lee sent apologies).
    expect(next.attendees.map((a) => [a.name, a.attendance])).toEqual([['Maria Jansen', null]]);
    expect(next.previousMeetingId).toBe(first.id);
    expect(next.agenda.map((i) => i.title)).toEqual(first.agenda.map((i) => i.title));
    expect(next.agenda.every((i) => i.minutes === '' && i.decisions.length === 0)).toBe(true);
    expect((await call(wb, 'getMeeting', { id: first.id })).meeting.nextMeetingId).toBe(next.id);
    // Asking again opens the same next meeting rather than planning a second one.
    expect((await call(wb, 'planNextMeeting', { id: first.id })).id).toBe(next.id);

    const detail = await call(wb, 'getMeeting', { id: next.id });
    const carried = assembleAgenda(detail.meeting, detail.actions)[0]!;
    expect(carried.kind === 'carried-actions' && carried.title).toBe(CARRIED_ACTIONS_TITLE);
    const carriedTitles =
      carried.kind === 'carried-actions' ? carried.actions.map((c) => c.action.title) : [];
    expect(carriedTitles).toEqual(['Book capacity review', 'Send incident report']);

    // Mark one done with an update, recorded in the next meeting.
    const report = detail.actions.find((a) => a.title === 'Send incident report')!;
    await call(wb, 'recordActionUpdate', {
      meetingId: next.id,
      actionId: report.id,
      date: next.date,
      status: 'done',
      note: 'Sent on 20 April',
    });
    const register = await call(wb, 'listActions', {
      unitId: null,
      owner: null,
      statuses: [],
      today: '2026-05-01',
      overdueOnly: false,
    });
    const done = register.actions.find((a) => a.id === report.id)!;
    expect(done.status).toBe('done');
    expect(done.updates).toBe(1);
    expect(register.meetings[first.id]?.date).toBe('2026-03-31');
    // Opened from the register: the whole action with its trail and the meetings the trail names.
    const opened = await call(wb, 'getAction', { unitId: done.unitId, id: done.id });
    expect(opened.action.trail).toEqual([
      expect.objectContaining({ meetingId: next.id, status: 'done', note: 'Sent on 20 April' }),
    ]);
    expect(opened.meetings[first.id]?.date).toBe('2026-03-31');
    expect(opened.meetings[next.id]?.date).toBe('2026-04-28');

    const overdue = await call(wb, 'listActions', {
      unitId,
      owner: 'Sam Lee',
      statuses: [],
      today: '2026-05-01',
      overdueOnly: true,
    });
    expect(overdue.actions.map((a) => a.title)).toEqual(['Book capacity review']);

    // Finalising the next meeting freezes what it reviewed: the closed action stays in its record.
    const closedNext = await call(wb, 'finaliseMeeting', { id: next.id, confirmFuture: true });
    expect(closedNext.meeting.carriedActionIds.sort()).toEqual(detail.actions.map((a) => a.id).sort());
    const summaries = await call(wb, 'listMeetings', { unitId });
    expect(summaries.map((s) => [s.date, s.status, s.actionCount])).toEqual([
      ['2026-03-31', 'finalised', 2],
      ['2026-04-28', 'finalised', 0],
    ]);
  });
});
