import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contactFields,
  testWorkbook,
  type TestWorkbook,
  unitFields,
} from '../../../test/unit/workbook-helpers';

let t: TestWorkbook;
let unitId: string;
beforeEach(async () => {
  t = testWorkbook();
  unitId = (await t.call('createUnit', { parentId: null, fields: unitFields('Retail') })).id;
});
afterEach(() => t.close());

const project = {
  name: 'Branch tablets',
  sponsorContactId: null,
  stage: 'execution' as const,
  startedOn: '2026-03-01',
  plannedEnd: '2026-12-31',
  forecastEnd: '2027-02-28',
  description: '',
};

const requirement = {
  kind: 'requirement' as const,
  title: 'Self-service password reset',
  description: 'Branch staff lose an hour a week waiting for resets.',
  raisedByContactId: null,
  raisedByName: '',
  raisedOn: '2026-09-14',
  decisionRoute: 'customer-decision' as const,
  discussedInMeetingId: null,
};

describe('projects', () => {
  it('keeps a dated RAG history, newest by date last, across a restart', async () => {
    const created = await t.call('createProject', {
      unitId,
      fields: project,
      rag: { date: '2026-09-01', rag: 'green', comment: 'On plan' },
    });
    await t.call('recordProjectRag', {
      unitId,
      id: created.id,
      date: '2026-10-20',
      rag: 'red',
      comment: 'Supplier late',
    });
    // Recorded later but dated earlier: it slots in by date.
    await t.call('recordProjectRag', {
      unitId,
      id: created.id,
      date: '2026-10-01',
      rag: 'amber',
      comment: 'Risk',
    });
    const reopened = t.reopen();
    const { projects } = await reopened.call('getReviewRecords', { unitId });
    expect(projects[0]?.ragHistory.map((e) => [e.date, e.rag])).toEqual([
      ['2026-09-01', 'green'],
      ['2026-10-01', 'amber'],
      ['2026-10-20', 'red'],
    ]);
  });

  it('refuses a sponsor from another unit, an end before the start, and a RAG without a reason', async () => {
    const other = await t.call('createUnit', { parentId: null, fields: unitFields('Finance') });
    const stranger = await t.call('createContact', { unitId: other.id, fields: contactFields('Eva') });
    const wrongSponsor = await t.refusal('createProject', {
      unitId,
      fields: { ...project, sponsorContactId: stranger.id },
      rag: { date: '2026-09-01', rag: 'green', comment: 'ok' },
    });
    expect(wrongSponsor.fieldErrors['fields.sponsorContactId']).toBe('Choose one of this unit’s contacts.');
    const early = await t.refusal('createProject', {
      unitId,
      fields: { ...project, plannedEnd: '2026-01-01' },
      rag: { date: '2026-09-01', rag: 'green', comment: 'ok' },
    });
    expect(early.fieldErrors['fields.plannedEnd']).toBe('The planned end is before the start.');
    const noReason = await t.refusal('createProject', {
      unitId,
      fields: project,
      rag: { date: '2026-09-01', rag: 'amber', comment: ' ' },
    });
    expect(noReason.message).toContain('Say why the project has this status.');
    expect((await t.call('getReviewRecords', { unitId })).projects).toEqual([]);
  });
});

describe('requirements and proposals', () => {
  it('moves through its statuses to delivered, each change dated', async () => {
    const created = await t.call('createRequirement', { unitId, fields: requirement });
    expect(created.status).toBe('raised');
    await t.call('changeRequirementStatus', {
      unitId,
      id: created.id,
      status: 'awaiting-decision',
      date: '2026-09-20',
      note: 'Costed at 12k',
    });
    await t.call('changeRequirementStatus', {
      unitId,
      id: created.id,
      status: 'approved',
      date: '2026-10-05',
      note: 'Customer agreed',
    });
    const delivered = await t.call('changeRequirementStatus', {
      unitId,
      id: created.id,
      status: 'delivered',
      date: '2026-11-02',
      note: '',
    });
    expect(delivered.status).toBe('delivered');
    expect(delivered.history.map((h) => `${h.date} ${h.status}`)).toEqual([
      '2026-09-14 raised',
      '2026-09-20 awaiting-decision',
      '2026-10-05 approved',
      '2026-11-02 delivered',
    ]);
  });

  it('refuses a status change dated before it was raised, and moving the raise after a change', async () => {
    const created = await t.call('createRequirement', { unitId, fields: requirement });
    const before = await t.refusal('changeRequirementStatus', {
      unitId,
      id: created.id,
      status: 'analysing',
      date: '2026-09-01',
      note: '',
    });
    expect(before.message).toBe('The date is before it was raised (2026-09-14).');
    await t.call('changeRequirementStatus', {
      unitId,
      id: created.id,
      status: 'analysing',
      date: '2026-09-20',
      note: '',
    });
    const moved = await t.refusal('updateRequirement', {
      unitId,
      id: created.id,
      fields: { ...requirement, raisedOn: '2026-09-25' },
    });
    expect(moved.fieldErrors['fields.raisedOn']).toBe('Use 2026-09-20 or earlier.');
  });

  it('links to a meeting only of the same unit', async () => {
    const refused = await t.refusal('createRequirement', {
      unitId,
      fields: { ...requirement, discussedInMeetingId: 'no-such-meeting' },
    });
    expect(refused.fieldErrors['fields.discussedInMeetingId']).toBe('Choose one of this unit’s meetings.');
  });
});

describe('major incidents and watch notes', () => {
  it('records, edits and deletes a major incident', async () => {
    const fields = {
      date: '2026-10-12',
      service: 'Online banking',
      title: 'Storage outage',
      impact: '4 h down',
      discussedInMeetingId: null,
    };
    const incident = await t.call('createMajorIncident', { unitId, fields });
    await t.call('updateMajorIncident', {
      unitId,
      id: incident.id,
      fields: { ...fields, impact: '4.5 h down' },
    });
    expect((await t.call('getReviewRecords', { unitId })).majorIncidents.map((i) => i.impact)).toEqual([
      '4.5 h down',
    ]);
    await t.call('deleteMajorIncident', { unitId, id: incident.id });
    expect((await t.call('getReviewRecords', { unitId })).majorIncidents).toEqual([]);
    expect((await t.refusal('deleteMajorIncident', { unitId, id: incident.id })).message).toContain(
      'no longer exists',
    );
  });

  it('tags watch notes to existing units only, and keeps them in their own small file', async () => {
    const fields = {
      title: 'Passkeys',
      note: 'Fewer resets',
      link: 'https://example.com/passkeys',
      notedOn: '2026-10-01',
      unitIds: [unitId, unitId],
      archived: false,
    };
    const note = await t.call('createWatchNote', { fields });
    expect(note.unitIds).toEqual([unitId]);
    expect(
      (await t.refusal('createWatchNote', { fields: { ...fields, unitIds: ['gone-unit-id'] } })).message,
    ).toBe('One of the units chosen no longer exists.');
    expect(
      (await t.refusal('createWatchNote', { fields: { ...fields, link: 'javascript:alert(1)' } })).message,
    ).toContain('https://');
    expect(fs.existsSync(path.join(t.dir, 'technology-watch.json'))).toBe(true);
    expect(await t.reopen().call('listWatchNotes', {})).toHaveLength(1);
  });
});

describe('storage', () => {
  it('loads a unit file written before the review-pack registers existed', async () => {
    fs.mkdirSync(path.join(t.dir, 'units'), { recursive: true });
    fs.writeFileSync(
      path.join(t.dir, 'units', `${unitId}.json`),
      JSON.stringify({ schemaVersion: 1, data: { actions: [] } }),
    );
    const reopened = t.reopen();
    expect(await reopened.call('getReviewRecords', { unitId })).toEqual({
      serviceLevels: [],
      serviceResults: [],
      majorIncidents: [],
      projects: [],
      requirements: [],
    });
  });
});
