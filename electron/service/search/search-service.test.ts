import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/contract/search';
import type { ActionItem, Meeting } from '../../../shared/domain/meetings';
import type { Agreement, Feedback, Survey } from '../../../shared/domain/registers';
import { meetingShard, unitRecordsSchema, unitRecordsShard } from '../store/shards';
import { call, contactFields, open, refusal, tempDir, unitFields } from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';

const AT = '2026-03-02T10:00:00.000Z';
let dir: string;
let wb: Workbook;

const search = (query: string, limit?: number) => call(wb, 'search', { query, limit });
const kindsOf = (results: SearchResults) => results.groups.map((g) => g.kind);
const hitsOf = (results: SearchResults, kind: string) =>
  results.groups.find((g) => g.kind === kind)?.hits ?? [];

function createUnit(name: string, parentId: string | null = null) {
  return call(wb, 'createUnit', {
    parentId,
    fields: unitFields(name),
  });
}

function createContact(unitId: string, name: string, email: string) {
  return call(wb, 'createContact', {
    unitId,
    fields: { ...contactFields(name), title: 'Team manager', email },
  });
}

function meeting(unitId: string, id: string, minutes: string, decision: string): Meeting {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    unitId,
    kind: 'periodic',
    templateId: null,
    date: '2026-03-02',
    time: '10:00',
    location: 'Room 4.12',
    periodStart: '2026-02-01',
    periodEnd: '2026-02-28',
    trigger: '',
    chair: '',
    minuteTaker: '',
    attendees: [],
    agenda: [
      {
        id: `${id}-item1`,
        title: 'Service performance',
        guidance: '',
        minutes,
        decisions: [{ id: `${id}-dec1`, text: decision }],
      },
    ],
    carriedActionIds: [],
    status: 'held',
    history: [],
    previousMeetingId: null,
    nextMeetingId: null,
  };
}

function action(
  unitId: string,
  id: string,
  title: string,
  owner: string,
  meetingId: string | null,
): ActionItem {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    title,
    owner,
    dueDate: '2026-03-16',
    unitId,
    status: 'open',
    raisedInMeetingId: meetingId,
    agendaItemId: null,
    trail: [],
  };
}

function agreement(unitId: string, id: string, title: string, service: string): Agreement {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    unitId,
    type: 'sla',
    title,
    services: [{ id: `${id}-svc`, name: service, levels: [] }],
    financing: { amount: null, currency: 'EUR', period: 'yearly', costCentre: '' },
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    reviewDate: '2026-10-01',
    status: 'active',
    customerContactId: null,
    itSignatories: [],
    complaintDefinition: '',
    reference: '',
  };
}

function complaint(unitId: string, id: string, description: string): Feedback {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    unitId,
    kind: 'complaint',
    date: '2026-02-20',
    fromContactId: null,
    fromName: 'Jan Smit',
    aboutKind: 'service',
    aboutName: 'Printing',
    description,
    severity: 'serious',
    status: 'open',
    resolution: '',
    rootCause: '',
    passedOnTo: '',
    passedOnDate: null,
  };
}

function survey(unitId: string, id: string, comment: string): Survey {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    unitId,
    date: '2026-02-21',
    respondentContactId: null,
    respondentName: 'Maria Jansen',
    scores: { overall: 4 },
    comment,
  };
}

beforeEach(() => {
  dir = tempDir('brm-search-');
  wb = open(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('search: what it finds', () => {
  it('finds units, contacts, minutes, decisions and actions, each opening its record', async () => {
    const retail = await createUnit('Retail Banking');
    const maria = await createContact(retail.id, 'Maria Jansen', 'maria.jansen@example.com');
    wb.store.put(
      meetingShard,
      'meeting001',
      meeting(
        retail.id,
        'meeting001',
        'The payroll run failed twice because of an expired certificate.\nThe vendor apologised.',
        'Agreed to renew certificates a month before they expire.',
      ),
    );
    wb.store.put(unitRecordsShard, retail.id, {
      ...unitRecordsShard.empty(),
      actions: [
        action(retail.id, 'action001', 'Send the capacity plan to finance', 'Peter de Vries', 'meeting001'),
      ],
      agreements: [agreement(retail.id, 'agreement01', 'Retail payments SLA', 'Payment gateway')],
      feedback: [complaint(retail.id, 'feedback01', 'The branch printers jammed all week.')],
      surveys: [survey(retail.id, 'survey0001', 'Faster laptop replacements, please.')],
    });

    const unit = await search('retail');
    expect(hitsOf(unit, 'unit')).toMatchObject([{ title: 'Retail Banking', route: `/units/${retail.id}` }]);

    const contact = await search('Jansen');
    expect(hitsOf(contact, 'contact')).toMatchObject([
      {
        id: maria.id,
        title: 'Maria Jansen',
        unit: 'Retail Banking',
        detail: 'Purchaser',
        route: `/units/${retail.id}`,
      },
    ]);
    expect(hitsOf(await search('maria.jansen@example.com'), 'contact')).toHaveLength(1);

    const minutes = await search('expired certificate');
    const [hit] = hitsOf(minutes, 'minutes');
    expect(hit).toMatchObject({
      title: 'Service performance',
      unit: 'Retail Banking',
      date: '2026-03-02',
      detail: 'Periodic review',
      route: '/meetings/meeting001',
    });
    // The snippet is one line and marks the words that matched.
    expect(hit!.snippet).not.toContain('\n');
    const marked = hit!.highlights.map(([from, to]) => hit!.snippet.slice(from, to));
    expect(marked).toEqual(['expired', 'certificate']);

    const decision = await search('renew certificates');
    expect(hitsOf(decision, 'decision')).toMatchObject([
      { title: 'Agreed to renew certificates a month before they expire.', route: '/meetings/meeting001' },
    ]);

    const byTitle = await search('capacity plan');
    expect(hitsOf(byTitle, 'action')).toMatchObject([
      {
        title: 'Send the capacity plan to finance',
        detail: 'Open',
        date: '2026-03-16',
        route: '/meetings/meeting001',
      },
    ]);
    expect(hitsOf(await search('de Vries'), 'action')).toHaveLength(1);

    expect(hitsOf(await search('payment gateway'), 'agreement')).toMatchObject([
      { title: 'Retail payments SLA', detail: 'SLA · Active', route: `/agreements?unitId=${retail.id}` },
    ]);
    expect(hitsOf(await search('printers jammed'), 'feedback')).toMatchObject([
      {
        title: 'Complaint about Printing',
        detail: 'Complaint · Serious · Open',
        date: '2026-02-20',
        route: `/feedback?unitId=${retail.id}`,
      },
    ]);
    expect(hitsOf(await search('laptop replacements'), 'survey')).toMatchObject([
      { title: 'Maria Jansen', route: `/satisfaction?unitId=${retail.id}` },
    ]);
  });

  it('indexes rich-text minutes and decisions as their text, without markup', async () => {
    const retail = await createUnit('Retail Banking');
    wb.store.put(
      meetingShard,
      'meeting002',
      meeting(
        retail.id,
        'meeting002',
        'The **payroll** run *failed*:\n\n1. expired [certificate](https://intranet.example.com/pki)\n   - vendor\\_apologised',
        'Renew **all** certificates *early*.',
      ),
    );
    const [hit] = hitsOf(await search('payroll failed certificate'), 'minutes');
    expect(hit!.snippet).toContain('The payroll run failed');
    expect(hit!.snippet).not.toMatch(/[*[\]\\]/);
    expect(hitsOf(await search('vendor_apologised'), 'minutes')).toHaveLength(1);
    expect(hitsOf(await search('renew all certificates'), 'decision')).toMatchObject([
      { title: 'Renew all certificates early.' },
    ]);
  });

  it('matches every word, a word still being typed, accents and one typo', async () => {
    const unit = await createUnit('Müller Logistik');
    wb.store.put(
      meetingShard,
      'meeting002',
      meeting(unit.id, 'meeting002', 'Major incident on the VPN.', 'None.'),
    );
    expect(kindsOf(await search('major incident'))).toContain('minutes');
    expect(kindsOf(await search('major holiday'))).not.toContain('minutes');
    expect(hitsOf(await search('inci'), 'minutes')).toHaveLength(1);
    expect(hitsOf(await search('muller'), 'unit')).toHaveLength(1);
    expect(hitsOf(await search('incidnet'), 'minutes')).toHaveLength(1);
    expect((await search('   ')).groups).toEqual([]);
  });
});

describe('search: edits, grouping and limits', () => {
  it('sees edits, renames and deletions made after the index was built', async () => {
    const unit = await createUnit('Operations');
    wb.store.put(meetingShard, 'meeting003', meeting(unit.id, 'meeting003', 'Nothing special.', 'None.'));
    expect(await search('zeppelin')).toEqual({ query: 'zeppelin', groups: [] });

    // Typing minutes saves the meeting's file; the next search finds the new words.
    const current = wb.store.get(meetingShard, 'meeting003');
    wb.store.put(meetingShard, 'meeting003', {
      ...current,
      agenda: current.agenda.map((item) => ({ ...item, minutes: 'The zeppelin project starts in May.' })),
    });
    expect(hitsOf(await search('zeppelin'), 'minutes')).toMatchObject([{ route: '/meetings/meeting003' }]);
    expect(hitsOf(await search('special'), 'minutes')).toEqual([]);

    await call(wb, 'updateUnit', {
      id: unit.id,
      fields: unitFields('Plant Operations'),
    });
    expect(hitsOf(await search('zeppelin'), 'minutes')[0]?.unit).toBe('Plant Operations');
    expect(hitsOf(await search('plant'), 'unit')).toHaveLength(1);

    wb.store.remove(meetingShard, 'meeting003');
    expect(await search('zeppelin')).toEqual({ query: 'zeppelin', groups: [] });
    const contact = await createContact(unit.id, 'Tom Claes', '');
    expect(hitsOf(await search('claes'), 'contact')).toHaveLength(1);
    await call(wb, 'deleteContact', { id: contact.id });
    expect(hitsOf(await search('claes'), 'contact')).toEqual([]);
  });

  it('groups hits by kind in a fixed order, the best few each with the total count', async () => {
    const unit = await createUnit('Capacity Planning');
    wb.store.put(
      unitRecordsShard,
      unit.id,
      unitRecordsSchema.parse({
        actions: Array.from({ length: 12 }, (_, n) =>
          action(
            unit.id,
            `action1${String(n).padStart(2, '0')}`,
            `Review capacity of service ${n}`,
            'Anna',
            null,
          ),
        ),
      }),
    );
    const results = await search('capacity', 3);
    expect(kindsOf(results)).toEqual(['unit', 'action']);
    const actions = results.groups[1]!;
    expect(actions).toMatchObject({ label: 'Actions', total: 12 });
    expect(actions.hits).toHaveLength(3);
    expect(actions.hits[0]!.route).toBe(`/units/${unit.id}`);
  });

  it('refuses a query that is too long with a clear message', async () => {
    const error = await refusal(wb, 'search', { query: 'x'.repeat(201) });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain('at most 200 characters');
  });
});
