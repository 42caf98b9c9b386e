/**
 * Issue 18 through the contract, on real files: engagement cadence from attendance and the informal log,
 * the decision register with its links, business outcomes with measured values — each surviving a
 * restart, found by the search, and the "Value realised" and decision register Word files read back
 * with python-docx. Hostile text goes into every new field.
 */
import { plainTextToRichText } from '../../../shared/rich-text/rich-text';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx, type DocxReadout } from '../../../test/fixtures/document-readers';
import { retailSla } from '../../../test/fixtures/retail-review';
import {
  contactFields,
  planFields,
  testWorkbook,
  type TestWorkbook,
  unitFields,
} from '../../../test/unit/workbook-helpers';

const HOSTILE = '=cmd|"/c calc"!A1 <script>alert(1)</script> &amp; \u202eevil \uffff';
/** What a Word file can hold of it: U+FFFF is not an XML character and is dropped. */
const HOSTILE_IN_WORD = HOSTILE.replace('\uffff', '').trim();

let t: TestWorkbook;
let unitId: string;
let customerId: string;

beforeAll(async () => {
  t = testWorkbook({ now: () => new Date(2026, 10, 24, 9, 0) });
  unitId = (await t.call('createUnit', { parentId: null, fields: unitFields('Retail') })).id;
  customerId = (
    await t.call('createContact', {
      unitId,
      fields: { ...contactFields('Maria Jansen', 'customer'), itContact: 'Ivo de Vries' },
    })
  ).id;
});

afterAll(() => t.close());

const plan = (date: string, kind: 'annual' | 'periodic') =>
  planFields(date, {
    kind,
    templateId: null,
    invitees: [
      {
        id: 'invitee-maria',
        contactId: customerId,
        name: 'Maria Jansen',
        side: 'business' as const,
        role: 'Customer',
      },
    ],
  });

function savedDocx(name: RegExp): DocxReadout {
  const doc = t.saved.findLast((d) => name.test(d.suggestedName));
  if (!doc) throw new Error(`no document like ${String(name)}`);
  const file = path.join(t.dir, doc.suggestedName);
  fs.writeFileSync(file, doc.bytes);
  return readDocx([file])[file]!;
}

const tableText = (docx: DocxReadout) =>
  docx.tables.flatMap((tb) => tb.rows.flatMap((r) => r.cells)).join('\n');

describe('engagement cadence', () => {
  it('takes last met from attendance (present) and the informal log, and is overdue after the cadence', async () => {
    const meeting = await t.call('planMeeting', { unitId, fields: plan('2026-05-12', 'periodic') });
    let rows = await t.call('listEngagement', { unitId });
    expect(rows[0]).toMatchObject({ lastMet: null, itContact: 'Ivo de Vries', cadenceMonths: 3 });

    await t.call('setAttendance', {
      meetingId: meeting.id,
      attendeeId: meeting.attendees[0]!.id,
      attendance: 'present',
    });
    rows = await t.call('listEngagement', { unitId: null });
    expect(rows[0]).toMatchObject({
      lastMet: '2026-05-12',
      lastMetHow: 'meeting',
      dueBy: '2026-08-12',
      overdueDays: 104,
    });

    await t.call('logContact', { contactId: customerId, date: '2026-10-01', note: HOSTILE });
    await t.call('setContactCadence', { contactId: customerId, months: 1, inherit: false });
    t = t.reopen();
    rows = await t.call('listEngagement', { unitId });
    expect(rows[0]).toMatchObject({
      lastMet: '2026-10-01',
      lastMetHow: 'informal',
      cadenceFrom: 'contact',
      overdueDays: 23,
    });
    expect((await t.call('listContactLog', { contactId: customerId }))[0]?.note).toBe(HOSTILE);
    const found = await t.call('search', { query: 'alert calc', limit: 5 });
    expect(found.groups.find((g) => g.kind === 'informal-contact')?.total).toBe(1);
  });

  it('refuses a negative cadence, for a role or a contact, and changes nothing', async () => {
    const before = await t.call('getRoleCadence', {});
    const refused = await t.refusal('setRoleCadence', { cadence: { ...before, customer: -3 } });
    expect(refused.fieldErrors['cadence.customer']).toMatch(/at least one month/);
    expect(
      (await t.refusal('setContactCadence', { contactId: customerId, months: 0, inherit: false })).message,
    ).toMatch(/at least one month/);
    expect(await t.call('getRoleCadence', {})).toEqual(before);
  });
});

describe('decision register and value realisation', () => {
  let meetingId: string;
  let decisionId: string;
  let outcomeId: string;

  beforeAll(async () => {
    await t.call('createAgreement', { unitId, fields: retailSla });
    const meeting = await t.call('planMeeting', { unitId, fields: plan('2026-11-02', 'annual') });
    meetingId = meeting.id;
    const detail = await t.call('addAgendaItem', { meetingId, title: 'Agreements' });
    const itemId = detail.meeting.agenda.at(-1)!.id;
    const withDecision = await t.call('addDecision', {
      meetingId,
      itemId,
      // Typed into the editor, the text is stored as rich text: escaped so that it reads back as typed.
      text: plainTextToRichText(`Raise availability ${HOSTILE}`),
    });
    decisionId = withDecision.meeting.agenda.at(-1)!.decisions[0]!.id;
  });

  it('refuses a target date not after the baseline, and a value without a number', async () => {
    const fields = {
      outcome: 'Faster orders',
      measure: '',
      baseline: '10 days',
      baselineDate: '2026-05-01',
      target: '5 days',
      targetDate: '2026-04-01',
      ownerContactId: null,
      projectIds: [],
      requirementIds: [],
    };
    const refused = await t.refusal('saveOutcome', { unitId, id: null, fields });
    expect(refused.fieldErrors['fields.targetDate']).toBe('The target date must be after the baseline date.');
    expect(await t.call('listOutcomes', { unitId })).toEqual([]);
  });

  it('keeps an outcome and its values as entered, in a meeting or outside one, across a restart', async () => {
    const outcome = await t.call('saveOutcome', {
      unitId,
      id: null,
      fields: {
        outcome: `Faster order handling ${HOSTILE}`,
        measure: 'Order lead time',
        baseline: '10 days',
        baselineDate: '2026-01-01',
        target: '5 days',
        targetDate: '2027-06-30',
        ownerContactId: customerId,
        projectIds: [],
        requirementIds: [],
      },
    });
    outcomeId = outcome.id;
    await t.call('recordOutcomeValue', { outcomeId, date: '2026-06-01', value: '9,5 days', note: '' });
    await t.call('recordOutcomeValue', {
      outcomeId,
      date: '2026-11-02',
      value: '8 days',
      note: HOSTILE,
      meetingId,
    });
    expect(
      (await t.refusal('recordOutcomeValue', { outcomeId, date: '2026-11-03', value: 'soon', note: '' }))
        .message,
    ).toMatch(/Start with a number/);
    t = t.reopen();
    const [kept] = await t.call('listOutcomes', { unitId: null });
    expect(kept?.values.map((v) => [v.value, v.meetingId, v.note])).toEqual([
      ['9,5 days', null, ''],
      ['8 days', meetingId, HOSTILE],
    ]);
    const found = await t.call('search', { query: 'order handling', limit: 5 });
    expect(found.groups.find((g) => g.kind === 'outcome')?.hits[0]?.title).toBe(kept?.outcome);
  });

  it('puts the off-track outcome on the annual agenda', async () => {
    const context = await t.call('getAgendaContext', { meetingId });
    const outcomes = context.find((c) => c.topic === 'outcomes');
    expect(
      outcomes?.topic === 'outcomes' && outcomes.outcomes.map((o) => [o.outcome.id, o.standing]),
    ).toEqual([[outcomeId, 'off-track']]);
  });

  it('links a decision to a service level and an outcome, and names them in the register', async () => {
    await t.call('linkDecision', { decisionId, target: { kind: 'service-level', id: 'level-availability' } });
    await t.call('linkDecision', { decisionId, target: { kind: 'outcome', id: outcomeId } });
    expect(
      (await t.refusal('linkDecision', { decisionId, target: { kind: 'project', id: 'project-none' } }))
        .message,
    ).toMatch(/does not exist/);
    t = t.reopen();
    const [row] = await t.call('listDecisions', { unitId, query: 'availability retail' });
    expect(row?.links.map((l) => [l.kind, l.label, l.agreementId !== null])).toEqual([
      ['service-level', 'Retail SLA › Online banking › Availability ≥ 99.5 %', true],
      ['outcome', `Faster order handling ${HOSTILE}`, false],
    ]);
    expect(await t.call('listDecisions', { unitId, query: 'no such words' })).toEqual([]);
    const refused = await t.refusal('setDecisionStatus', {
      decisionId,
      status: 'superseded',
      supersededById: null,
    });
    expect(refused.fieldErrors.supersededById).toBe('Choose the decision that superseded it.');
  });

  it('writes the Value realised and decision register Word files with the hostile text as text', async () => {
    // An outcome not measured yet has no chart; the measured one has its values drawn against the target.
    await t.call('saveOutcome', {
      unitId,
      id: null,
      fields: {
        outcome: 'Fewer password resets',
        measure: 'Resets a month',
        baseline: '400',
        baselineDate: '2026-01-01',
        target: '100',
        targetDate: '2027-12-31',
        ownerContactId: null,
        projectIds: [],
        requirementIds: [],
      },
    });
    await t.call('exportValueReport', { unitId: null });
    const value = savedDocx(/Value realised All units\.docx$/);
    expect(value.title).toBe('Value realised');
    expect(value.paragraphs.map((p) => p.text.trim())).toContain(`Faster order handling ${HOSTILE_IN_WORD}`);
    const cells = tableText(value);
    expect(cells).toContain('10 days');
    expect(cells).toContain('8 days');
    expect(cells).toContain('Off track');
    expect(cells).toContain(HOSTILE_IN_WORD);
    expect(cells).toContain('Owner: Maria Jansen');
    const charts = value.paragraphs.flatMap((p) => p.pictures);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toMatchObject({
      name: `Faster order handling ${HOSTILE.replace('\uffff', '')}: measured against the target`,
      contentType: 'image/png',
      description: 'Measured values of Order lead time from the baseline 10 days against the target 5 days.',
    });
    expect(charts[0]!.pxWidth).toBeGreaterThan(600);

    await t.call('exportDecisionsReport', { unitId });
    const register = savedDocx(/Decision register Retail\.docx$/);
    const registerCells = tableText(register);
    expect(registerCells).toContain(`Raise availability ${HOSTILE_IN_WORD}`);
    expect(registerCells).toContain('Service level: Retail SLA › Online banking › Availability ≥ 99.5 %');
  });
});
