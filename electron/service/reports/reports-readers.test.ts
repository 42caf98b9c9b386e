/**
 * The published reports and the review pack in the minutes and agenda, as other programs read them:
 * every file goes through one LibreOffice run (to PDF, then pdftotext) and python-docx, which reads
 * the tables back cell by cell. The workbook is filled and exported through the contract, as the app does.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allText,
  collapse,
  convertToPdf,
  pdfText,
  readDocx,
  type DocxReadout,
} from '../../../test/fixtures/document-readers';
import { octoberReviewPlan, retailSla } from '../../../test/fixtures/retail-review';
import {
  contactFields,
  testWorkbook,
  type TestWorkbook,
  unitFields,
} from '../../../test/unit/workbook-helpers';

interface Read {
  file: string;
  pdf: string;
  docx: DocxReadout;
}

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-reports-'));
let t: TestWorkbook;
const read: Record<string, Read> = {};

/** The PNG images inside a .docx, with their pixel sizes (read from the PNG header). */
function imagesIn(file: string): { name: string; width: number; height: number }[] {
  const script = `
import json, struct, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
out = []
for n in z.namelist():
    if n.startswith("word/media/") and n.endswith(".png"):
        b = z.read(n)
        w, h = struct.unpack(">II", b[16:24])
        out.append({"name": n, "width": w, "height": h})
print(json.dumps(out))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as {
    name: string;
    width: number;
    height: number;
  }[];
}

beforeAll(async () => {
  t = testWorkbook({ now: () => new Date(2026, 10, 24, 9, 0) });
  await t.call('updateSettings', {
    fields: {
      organisationName: 'Northwind IT Services',
      brmName: 'Bram Visser',
      locale: 'en-GB',
      theme: 'system',
    },
  });
  const retail = await t.call('createUnit', { parentId: null, fields: unitFields('Retail') });
  const mortgages = await t.call('createUnit', {
    parentId: retail.id,
    fields: { ...unitFields('Mortgages'), kind: 'department', itContact: 'Bram Visser' },
  });
  const finance = await t.call('createUnit', { parentId: null, fields: unitFields('Finance') });
  const old = await t.call('createUnit', { parentId: null, fields: unitFields('Old Archived Unit') });
  await t.call('setUnitArchived', { id: old.id, archived: true });
  const maria = await t.call('createContact', {
    unitId: retail.id,
    fields: {
      ...contactFields('Maria Jansen', 'customer'),
      title: 'Director Retail',
      itContact: 'Bram Visser',
    },
  });
  await t.call('createContact', { unitId: mortgages.id, fields: contactFields('Peter de Vries') });
  await t.call('createContact', {
    unitId: finance.id,
    fields: { ...contactFields('Sofie Peeters', 'customer'), itContact: 'Eva Claes' },
  });

  await t.call('createAgreement', {
    unitId: retail.id,
    fields: {
      ...retailSla,
      reviewDate: '2026-12-24',
      customerContactId: maria.id,
      itSignatories: ['Bram Visser'],
    },
  });
  for (const [unitId, date, scores, comment] of [
    [retail.id, '2026-03-15', { overall: 3, reliability: 4 }, 'Slow incident handling'],
    [retail.id, '2026-09-20', { overall: 4, reliability: 5 }, 'Much better since the summer'],
    [finance.id, '2026-06-10', { overall: 5 }, ''],
    [finance.id, '2025-06-10', { overall: 1 }, 'Outside the period'],
  ] as const) {
    await t.call('createSurvey', {
      unitId,
      fields: { date, respondentContactId: null, respondentName: 'Respondent', scores, comment },
    });
  }

  // The October review of Retail: results, an incident, a project, a requirement, an action, a comment.
  await t.call('importServiceResults', {
    unitId: retail.id,
    csv: 'Service,Metric,Month,Achieved\nOnline banking,Availability,2026-10,99.1\nOnline banking,P1 resolution time,2026-10,6.5\n',
    mapping: {},
  });
  await t.call('createMajorIncident', {
    unitId: retail.id,
    fields: {
      date: '2026-10-12',
      service: 'Online banking',
      title: 'Storage outage',
      impact: 'No logins for 4 hours',
      discussedInMeetingId: null,
    },
  });
  await t.call('createProject', {
    unitId: retail.id,
    fields: {
      name: 'Branch tablets',
      sponsorContactId: maria.id,
      stage: 'execution',
      startedOn: '2026-03-01',
      plannedEnd: '2026-12-31',
      forecastEnd: '2027-02-15',
      description: '',
    },
    rag: { date: '2026-09-01', rag: 'green', comment: 'On plan' },
  });
  const tablets = (await t.call('getReviewRecords', { unitId: retail.id })).projects[0];
  await t.call('recordProjectRag', {
    unitId: retail.id,
    id: tablets?.id ?? '',
    date: '2026-10-15',
    rag: 'amber',
    comment: 'Supplier six weeks late',
  });
  await t.call('createRequirement', {
    unitId: retail.id,
    fields: {
      kind: 'requirement',
      title: 'Self-service password reset',
      description: '',
      raisedByContactId: maria.id,
      raisedByName: '',
      raisedOn: '2026-10-03',
      decisionRoute: 'customer-decision',
      discussedInMeetingId: null,
    },
  });
  const meeting = await t.call('planMeeting', { unitId: retail.id, fields: octoberReviewPlan });
  await t.call('addAction', {
    meetingId: meeting.id,
    agendaItemId: null,
    fields: { title: 'Send the root-cause analysis', owner: 'Bram Visser', dueDate: '2026-11-19' },
  });
  await t.call('setPackComment', {
    meetingId: meeting.id,
    section: 'service-performance',
    text: 'Availability missed because of the storage outage; fixed for good.',
  });

  await t.call('exportMinutes', { meetingId: meeting.id });
  await t.call('exportAgenda', { meetingId: meeting.id });
  await t.call('exportCustomerStructureReport', {});
  await t.call('exportActionLogReport', {
    unitId: null,
    owner: null,
    statuses: ['open', 'in-progress'],
    today: '2026-11-24',
    overdueOnly: false,
  });
  await t.call('exportSatisfactionReport', { unitId: null, from: '2026-01-01', to: '2026-12-31' });
  await t.call('exportAgreementsReport', { unitId: null });

  const keys = ['minutes', 'agenda', 'structure', 'actions', 'satisfaction', 'agreements'];
  const files = t.saved.map((doc, i) => {
    const file = path.join(outDir, `${i}-${doc.suggestedName}`);
    fs.writeFileSync(file, doc.bytes);
    return file;
  });
  const pdfs = convertToPdf(files, outDir);
  const docs = readDocx(files);
  files.forEach((file, i) => {
    read[keys[i] ?? file] = {
      file,
      pdf: collapse(pdfText(pdfs.get(file) ?? '')),
      docx: docs[file] as DocxReadout,
    };
  });
}, 300_000);

afterAll(() => {
  t.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

const doc = (key: string): Read => {
  const r = read[key];
  if (!r) throw new Error(`${key} was not exported`);
  return r;
};
const rowsOf = (d: DocxReadout, firstHeader: string) => {
  // Data tables only: their header row repeats on every page (the details table has no header row).
  const table = d.tables.find((x) => x.rows[0]?.header && x.rows[0].cells[0] === firstHeader);
  if (!table) throw new Error(`No table headed "${firstHeader}"`);
  return table.rows.slice(1).map((r) => r.cells.map(collapse));
};

describe('the review pack in the minutes and the agenda', () => {
  it('puts the month’s service performance, met and missed, under its agenda item, with the BRM’s comment', () => {
    for (const key of ['minutes', 'agenda']) {
      const { pdf, docx } = doc(key);
      expect(rowsOf(docx, 'Service level')).toEqual([
        ['Online banking — Availability', '≥ 99.5 %', '99.1 % Missed'],
        ['Online banking — P1 resolution time', '≤ 8 h', '6.5 h Met'],
      ]);
      expect(pdf).toContain('1 met, 1 missed against the agreed targets.');
      expect(pdf).toContain('Availability missed because of the storage outage; fixed for good.');
      // Under "Service delivery performance against targets", before the next item.
      const item = pdf.indexOf('Service delivery performance against targets');
      expect(item).toBeGreaterThan(-1);
      expect(pdf.indexOf('99.1 %')).toBeGreaterThan(item);
      expect(pdf.indexOf('99.1 %')).toBeLessThan(pdf.indexOf('Significant achievements and issues'));
    }
  });

  it('lists the incident, the project RAG change, the open requirement and the surveys of the period', () => {
    const { docx, pdf } = doc('minutes');
    expect(rowsOf(docx, 'Date')[0]).toEqual([
      '12 Oct 2026',
      'Online banking',
      'Storage outage',
      'No logins for 4 hours',
    ]);
    expect(rowsOf(docx, 'Project')).toEqual([
      ['Branch tablets', 'Execution', 'Green → Amber', '15 Feb 2027', 'Supplier six weeks late'],
    ]);
    expect(rowsOf(docx, 'Requirement or proposal')).toEqual([
      ['Self-service password reset Requirement', 'Maria Jansen 3 Oct 2026', 'The customer', 'Raised'],
    ]);
    expect(pdf).toContain('Latest result: 4.5 of 5');
  });
});

describe('published reports', () => {
  it('customer structure: every live unit with its customer, purchasers and IT contact', () => {
    const { docx, pdf } = doc('structure');
    expect(rowsOf(docx, 'Business unit')).toEqual([
      ['Finance', 'Sofie Peeters', '', 'Not designated'],
      ['Retail', 'Maria Jansen Director Retail', '', 'Not designated'],
      ['Retail › Mortgages', 'Not recorded', 'Peter de Vries', 'Bram Visser'],
    ]);
    expect(rowsOf(docx, 'Name').map((r) => [r[0], r[1], r[4]])).toEqual([
      ['Sofie Peeters', 'Customer', 'Eva Claes'],
      ['Maria Jansen Director Retail', 'Customer', 'Bram Visser'],
      ['Peter de Vries', 'Purchaser', 'Not designated'],
    ]);
    expect(pdf).toContain('2 of 3 customers and purchasers have a designated contact in IT.');
    expect(pdf).not.toContain('Old Archived Unit');
    expect(docx.title).toBe('Customer structure');
  });

  it('action log: the filter in words, each action with owner, due date, overdue mark and trail', () => {
    const { docx, pdf } = doc('actions');
    expect(pdf).toContain('All units · open or in progress');
    const [row] = rowsOf(docx, 'Business unit');
    expect(row?.slice(0, 5)).toEqual([
      'Retail',
      'Send the root-cause analysis',
      'Bram Visser',
      '19 Nov 2026 Overdue',
      'Open',
    ]);
    expect(row?.[5]).toContain('Raised: Periodic review');
  });

  it('satisfaction: the trend chart as an image, averages per unit and per question, every survey', () => {
    const { docx, pdf, file } = doc('satisfaction');
    const images = imagesIn(file);
    expect(images).toHaveLength(1);
    expect(images[0]?.width).toBeGreaterThanOrEqual(1200);
    expect(pdf).toContain('3 surveys in the period, average 4.3 on a scale of 1 to 5.');
    expect(rowsOf(docx, 'Business unit')).toEqual([
      ['Finance', '1', '5.0', '5.0'],
      ['Retail', '2', '4.0', '4.5'],
    ]);
    expect(rowsOf(docx, 'Question')[0]).toEqual([
      'Overall, how satisfied are you with the IT services you receive?',
      '4.0',
      '3',
    ]);
    expect(rowsOf(docx, 'Date').map((r) => r[0])).toEqual(['15 Mar 2026', '10 Jun 2026', '20 Sept 2026']);
    expect(allText(docx)).not.toContain('Outside the period');
  });

  it('agreements register: levels, financing, signatories, and the review that is due', () => {
    const { docx } = doc('agreements');
    const [row] = rowsOf(docx, 'Agreement');
    expect(row?.[0]).toBe('Retail SLA SLA · Active Retail');
    expect(row?.[1]).toBe('Online banking: Availability ≥ 99.5 %, P1 resolution time ≤ 8 h');
    expect(row?.[3]).toBe('Maria Jansen Bram Visser');
    expect(row?.[4]).toContain('Review in 30 days');
  });
});
