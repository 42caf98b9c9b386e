/**
 * One meeting loop through the contract, as the BRM runs it (seed 004): a periodic review with the unit's
 * customer and IT stakeholder invited, an action raised, minutes finalised, the next review planned and the
 * action's update recorded there; then both Word documents of each meeting read back with python-docx.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../../shared/contract/meetings';
import { carriedActions } from '../../../shared/domain/agenda';
import type { ActionItem, MeetingPlanFields } from '../../../shared/domain/meetings';
import { allText, readDocx, type DocxReadout } from '../../../test/fixtures/document-readers';
import { fixtureWorkbook } from '../../../test/fixtures/meeting-fixture';
import { contactFields, savedFile, unitFields, type TestWorkbook } from '../../../test/unit/workbook-helpers';

let fx: TestWorkbook;
const files: Record<string, string> = {};
let docs: Record<string, DocxReadout>;
let nextDetail: MeetingDetail;
const changed: Record<string, ActionItem> = {};

async function runLoop(locale: string, prefix: string) {
  await fx.call('updateSettings', {
    fields: { organisationName: 'Northwind IT', brmName: 'Alex Morgan', locale, theme: 'system' },
  });
  const unit = await fx.call('createUnit', {
    parentId: null,
    fields: unitFields(`Retail ${prefix}`),
  });
  const customer = await fx.call('createContact', {
    unitId: unit.id,
    fields: contactFields('Maria Jansen', 'customer'),
  });
  const itContact = await fx.call('createContact', {
    unitId: unit.id,
    fields: contactFields('Ivo Kramer', 'it-stakeholder'),
  });
  const plan: MeetingPlanFields = {
    kind: 'periodic',
    templateId: 'builtin-periodic',
    date: '2026-12-09',
    time: '14:00',
    location: 'Room 4.12',
    periodStart: '2026-11-01',
    periodEnd: '2026-11-30',
    trigger: '',
    chair: 'Maria Jansen',
    minuteTaker: 'Alex Morgan',
    // What the planner sent before the side followed the role: every ticked contact on the business side.
    invitees: [
      { id: 'inv-maria1', contactId: customer.id, name: 'Maria Jansen', side: 'business', role: 'Customer' },
      {
        id: 'inv-ivo001',
        contactId: itContact.id,
        name: 'Ivo Kramer',
        side: 'business',
        role: 'IT stakeholder',
      },
    ],
  };
  const meeting = await fx.call('planMeeting', { unitId: unit.id, fields: plan });
  await fx.call('addAction', {
    meetingId: meeting.id,
    agendaItemId: null,
    fields: { title: 'Renew the POS licences', owner: 'Ivo Kramer', dueDate: '2026-12-23' },
  });
  await fx.call('addAction', {
    meetingId: meeting.id,
    agendaItemId: null,
    fields: { title: 'Book the capacity review', owner: 'Maria Jansen', dueDate: '2026-12-16' },
  });
  await fx.call('finaliseMeeting', { id: meeting.id });
  const next = await fx.call('planNextMeeting', { id: meeting.id });
  // Between the meetings, from the register: reassigned, due later, in progress, with a note.
  const booked = (await fx.call('getMeeting', { id: meeting.id })).actions.find(
    (a) => a.title === 'Book the capacity review',
  );
  changed[prefix] = await fx.call('changeActionOutsideMeeting', {
    unitId: unit.id,
    id: booked!.id,
    fields: { title: 'Book the capacity review', owner: 'Ivo Kramer', dueDate: '2027-01-13' },
    status: 'in-progress',
    note: 'Room booked',
  });
  const carried = (await fx.call('getMeeting', { id: next.id })).actions.find(
    (a) => a.title === 'Renew the POS licences',
  );
  nextDetail = await fx.call('recordActionUpdate', {
    meetingId: next.id,
    actionId: carried!.id,
    date: next.date,
    status: 'in-progress',
    note: 'Quote from the vendor received',
  });
  for (const [name, method, id] of [
    ['minutes', 'exportMinutes', meeting.id],
    ['nextAgenda', 'exportAgenda', next.id],
    ['nextDraft', 'exportMinutes', next.id],
  ] as const) {
    files[`${prefix}-${name}`] = savedFile(await fx.call(method, { meetingId: id }));
  }
}

beforeAll(async () => {
  fx = fixtureWorkbook(new Date(2026, 11, 9, 16, 0));
  await runLoop('en-GB', 'gb');
  await runLoop('de-DE', 'de');
  docs = readDocx(Object.values(files));
}, 120_000);
afterAll(() => fx.close());

const doc = (name: string) => docs[files[name] ?? ''] as DocxReadout;
const rowOf = (d: DocxReadout, first: string) =>
  d.tables.flatMap((t) => t.rows).find((r) => r.cells[0] === first)?.cells;

describe('the meeting loop in Word', () => {
  it('puts an invited IT-stakeholder contact on the IT side, in the meeting and in Word', () => {
    expect(rowOf(doc('gb-minutes'), 'Ivo Kramer')?.[1]).toBe('IT');
    expect(rowOf(doc('gb-minutes'), 'Maria Jansen')?.[1]).toBe('Business');
    expect(nextDetail.meeting.attendees.find((a) => a.name === 'Ivo Kramer')?.side).toBe('it');
  });

  it('shows an update recorded in the next meeting as the action’s latest update, on screen and in the pre-read', () => {
    const [carried] = carriedActions(nextDetail.meeting, nextDetail.actions);
    expect(carried?.latestUpdate?.note).toBe('Quote from the vendor received');
    const row = rowOf(doc('gb-nextAgenda'), 'Renew the POS licences');
    expect(row?.[4]).toContain('In progress');
    expect(row?.[4]).toContain('Quote from the vendor received');
    expect(allText(doc('gb-nextAgenda'))).not.toContain('No update yet');
  });

  it('records a change made outside a meeting in the trail, by the BRM, and carries it into the next meeting', () => {
    const update = changed.gb?.trail.at(-1);
    expect(update).toMatchObject({
      meetingId: null,
      date: '2026-12-09',
      status: 'in-progress',
      by: 'Alex Morgan',
    });
    expect(update?.note).toBe(
      'reassigned from Maria Jansen to Ivo Kramer; due 16 Dec 2026 → 13 Jan 2027; Open → In progress. Room booked',
    );
    const card = carriedActions(nextDetail.meeting, nextDetail.actions).find(
      (c) => c.action.title === 'Book the capacity review',
    );
    expect(card?.action.owner).toBe('Ivo Kramer');
    expect(card?.latestUpdate?.note).toContain('Room booked');
    const row = rowOf(doc('gb-nextAgenda'), 'Book the capacity review');
    expect(row?.slice(1, 4)).toEqual(['Ivo Kramer', '13 Jan 2027', 'In progress']);
    expect(row?.[4]).toContain('Room booked');
  });

  it('names draft and final minutes apart', () => {
    expect(path.basename(files['gb-minutes'] ?? '')).toBe(
      '2026-12-09 Retail gb periodic review minutes.docx',
    );
    expect(path.basename(files['gb-nextDraft'] ?? '')).toMatch(/periodic review draft minutes\.docx$/);
  });

  it('says who last modified it (the BRM in Settings) and which language it is in', () => {
    for (const name of ['gb-minutes', 'gb-nextAgenda', 'gb-nextDraft']) {
      expect(doc(name).lastModifiedBy, name).toBe('Alex Morgan');
      expect(doc(name).language, name).toBe('en-GB');
    }
    expect(doc('de-minutes').language).toBe('de-DE');
  });

  it('writes the dates in the locale of the settings: British, or German with de-DE', () => {
    const gb = allText(doc('gb-minutes'));
    expect(gb).toContain('9 December 2026');
    expect(gb).toContain('23 Dec 2026');
    const de = allText(doc('de-minutes'));
    expect(de).toContain('9. Dezember 2026');
    expect(de).toContain('23. Dez. 2026');
    expect(de).not.toContain('December');
  });
});
