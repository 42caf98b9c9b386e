/**
 * Exported documents as other programs see them: every file goes through LibreOffice (to PDF, then
 * pdftotext) and python-docx, which reads the tables back cell by cell. The meetings are stored in a
 * real workbook on a temporary folder and exported through the contract, as the app does it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOSTILE_STRINGS,
  fixtureWorkbook,
  hostileMeeting,
  realisticMeeting,
  seedMeeting,
  type MeetingText,
} from '../../../test/fixtures/meeting-fixture';
import { savedFile, type TestWorkbook } from '../../../test/unit/workbook-helpers';
import {
  allText,
  collapse,
  convertToPdf,
  pdfText,
  readDocx,
  type DocxReadout,
} from '../../../test/fixtures/document-readers';
import { xmlSafe } from './sanitise';

interface Exported {
  file: string;
  pdfText: string;
  docx: DocxReadout;
}

const workbooks: TestWorkbook[] = [];
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-export-pdf-'));
const realistic = realisticMeeting();
const hostile = hostileMeeting();
let finalMinutes: Exported;
let finalAgenda: Exported;
let draftMinutes: Exported;
let hostileMinutes: Exported;
let hostileAgenda: Exported;

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="80"><rect width="240" height="80" rx="14" fill="#1F4E79"/><circle cx="40" cy="40" r="22" fill="#fff"/></svg>';

async function exportBoth(fx: TestWorkbook, meetingId: string) {
  const minutes = await fx.call('exportMinutes', { meetingId });
  const agenda = await fx.call('exportAgenda', { meetingId });
  return { minutes: savedFile(minutes), agenda: savedFile(agenda) };
}

beforeAll(async () => {
  const finalFx = fixtureWorkbook();
  const draftFx = fixtureWorkbook();
  const hostileFx = fixtureWorkbook();
  workbooks.push(finalFx, draftFx, hostileFx);

  const final = await seedMeeting(finalFx, { text: realistic, status: 'finalised', nextDate: '2026-12-22' });
  const png = new Resvg(LOGO_SVG).render().asPng();
  await finalFx.call('setDocumentLogo', { dataUrl: `data:image/png;base64,${png.toString('base64')}` });
  const draft = await seedMeeting(draftFx, { text: realistic, status: 'held', locale: 'de-DE' });
  const fuzz = await seedMeeting(hostileFx, {
    text: hostile,
    status: 'finalised',
    kind: 'adhoc',
    nextDate: '2026-12-22',
  });

  const finalFiles = await exportBoth(finalFx, final.meetingId);
  const draftFiles = await exportBoth(draftFx, draft.meetingId);
  const fuzzFiles = await exportBoth(hostileFx, fuzz.meetingId);
  // Files of different workbooks may share a name; LibreOffice names each PDF after its file.
  const files = [
    finalFiles.minutes,
    finalFiles.agenda,
    draftFiles.minutes,
    fuzzFiles.minutes,
    fuzzFiles.agenda,
  ].map((file, i) => {
    const copy = path.join(outDir, `${i}-${path.basename(file)}`);
    fs.copyFileSync(file, copy);
    return copy;
  });

  const pdfs = convertToPdf(files, outDir);
  const docs = readDocx(files);
  const exported = files.map((file) => ({
    file,
    pdfText: pdfText(pdfs.get(file) ?? ''),
    docx: docs[file] as DocxReadout,
  }));
  [finalMinutes, finalAgenda, draftMinutes, hostileMinutes, hostileAgenda] = exported as [
    Exported,
    Exported,
    Exported,
    Exported,
    Exported,
  ];
}, 300_000);

afterAll(() => {
  for (const fx of workbooks) fx.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

const tableWithHeader = (doc: DocxReadout, first: string) => {
  const table = doc.tables.find((t) => t.rows[0]?.cells[0] === first);
  if (!table) throw new Error(`No table headed "${first}"`);
  return table;
};
const bodyRows = (doc: DocxReadout, first: string) =>
  tableWithHeader(doc, first)
    .rows.slice(1)
    .map((r) => r.cells);

describe('minutes in LibreOffice and python-docx', () => {
  it('names the unit, every attendee, agenda item, decision and action with owner and due date', () => {
    const pdf = collapse(finalMinutes.pdfText);
    expect(pdf).toContain('Periodic service review — Retail Banking');
    expect(pdf).toContain('Minutes of the meeting of Tuesday, 24 November 2026');
    for (const a of realistic.attendees) expect(pdf).toContain(a.name);
    for (const item of realistic.items) {
      expect(pdf).toContain(item.title);
      for (const d of item.decisions) expect(pdf).toContain(d);
    }
    expect(pdf).toContain('Actions from previous meetings');
    for (const a of [...realistic.newActions, ...realistic.carried]) {
      expect(pdf).toContain(a.title);
      expect(pdf).toContain(a.owner);
    }
    expect(pdf).toContain('The next meeting is planned for Tuesday, 22 December 2026 at 14:00');
    expect(pdf).toMatch(/Page 1 of [23]/);
  });

  it('reads the attendees, new actions and carried actions back cell by cell', () => {
    const doc = finalMinutes.docx;
    expect(bodyRows(doc, 'Name')).toEqual([
      ['Maria Jansen', 'Business', 'Customer — Director Retail Banking', 'Present'],
      ['Peter de Vries', 'Business', 'Purchaser — Head of Mortgages', 'Present'],
      ['Sam Okafor', 'IT', 'Service level manager', 'Apologies'],
      ['Anna Bakker', 'Business', 'Purchaser — Head of Savings', 'Present'],
      ['Joost Smit', 'Business', 'Key user, branch network', 'Absent'],
      ['Li Wei', 'IT', 'Major incident manager', 'Not recorded'],
      ['Alex Morgan', 'Business', 'Business relationship manager', 'Present'],
    ]);
    expect(tableWithHeader(doc, 'No.').rows[0]?.cells).toEqual(['No.', 'Action', 'Owner', 'Due']);
    expect(bodyRows(doc, 'No.')).toEqual([
      [
        'A1',
        'Send the root-cause analysis of the 14 October outage to all attendees',
        'Maria Jansen',
        '8 Dec 2026',
      ],
      ['A2', 'Propose a monitoring dashboard for the mortgage platform', 'Peter de Vries', '9 Dec 2026'],
      ['A3', 'Collect branch feedback on the savings app', 'Sam Okafor', '10 Dec 2026'],
      [
        'A4',
        'Check the certificate renewal schedule for all customer-facing services',
        'Anna Bakker',
        '11 Dec 2026',
      ],
    ]);
    expect(tableWithHeader(doc, 'Action').rows[0]?.cells).toEqual([
      'Action',
      'Owner',
      'Due',
      'Status',
      'Update in this meeting',
    ]);
    expect(bodyRows(doc, 'Action')).toEqual([
      [
        'Review the SLA for the mortgage platform',
        'Li Wei',
        '12 Nov 2026\nOverdue',
        'Open',
        'Draft with the branches; decision expected in December.',
      ],
      [
        'Agree the Q1 change freeze dates with the branches',
        'Sam Okafor',
        '14 Nov 2026\nOverdue',
        'In progress',
        'Draft with the branches; decision expected in December.',
      ],
      [
        'Update the service catalogue entry for online savings',
        'Anna Bakker',
        '2 Dec 2026',
        'Done',
        'Completed and published.',
      ],
    ]);
    expect(doc.tables[0]?.rows.map((r) => r.cells)).toEqual([
      ['Date', 'Tuesday, 24 November 2026'],
      ['Time', '14:00'],
      ['Location', 'Head office, room 4.12 / Teams'],
      ['Period under review', '1 Oct 2026 – 31 Oct 2026'],
      ['Business unit', 'Retail Banking'],
      ['Chair', 'Maria Jansen'],
      ['Minute-taker', 'Alex Morgan'],
    ]);
  });
});

describe('minutes in Word: rich text, styles and the draft mark', () => {
  it('writes rich-text minutes as bold and italic runs, a hyperlink and real Word list paragraphs', () => {
    const doc = finalMinutes.docx;
    const incident = doc.paragraphs.find((p) => p.text.startsWith('Major incident on 14 October'))!;
    expect(incident.text).not.toContain('*');
    expect(incident.bold).toEqual(['unavailable for 3 h 20 min']);
    expect(incident.italic).toEqual(['certificate renewal']);
    expect(incident.links).toEqual([
      { text: 'release notes', target: 'https://intranet.example.com/savings/2.4', external: true },
    ]);
    const item = (text: string) => doc.paragraphs.find((p) => p.text === text)!;
    for (const [text, level, format] of [
      ['Restore the service', 0, 'decimal'],
      ['Report to the branches', 0, 'decimal'],
      ['certificate inventory', 1, 'bullet'],
      ['Incident resolution within target: 93% (target 90%)', 0, 'bullet'],
    ] as const) {
      expect(item(text).numPr?.level).toBe(level);
      expect(doc.numFormats[item(text).numPr!.numId]).toBe(format);
      // Typed bullets or numbers would show in the text: Word numbers these itself.
      expect(item(text).text).not.toMatch(/^(\d+\.|[-•*])/);
    }
    expect(item('Restore the service').style).toBe('List Number');
    expect(item('Report to the branches').numPr).toEqual(item('Restore the service').numPr);
  });

  it('is an editable Word document: real styles, list style, repeating table header, page fields', () => {
    const doc = finalMinutes.docx;
    const styleOf = (text: string) => doc.paragraphs.find((p) => p.text === text)?.style;
    expect(styleOf('Periodic service review — Retail Banking')).toBe('Title');
    expect(styleOf('Attendees')).toBe('Heading 1');
    expect(styleOf('2.  Service delivery performance against targets')).toBe('Heading 2');
    const bullet = doc.paragraphs.find(
      (p) => p.text === 'Incident resolution within target: 93% (target 90%)',
    );
    expect(bullet).toMatchObject({ style: 'List Bullet', numbered: true });
    expect(doc.paragraphs.find((p) => p.text === 'branch tickets: 64%')?.style).toBe('List Bullet 2');
    // A line break inside a paragraph is a Word break (python-docx reads it as "\n"), not "\n" in a run.
    expect(
      styleOf(
        'Availability of the mortgage application platform was 99.2% against a target of 99.5%.\nThe shortfall came from the outage of 14 October.',
      ),
    ).toBe('Normal');
    expect(doc.paragraphs.find((p) => p.text.startsWith('Certificate renewals'))).toMatchObject({
      style: 'Decision',
      numbered: true,
    });
    for (const table of doc.tables.slice(1)) {
      expect(table.style).toBe('BRM Table');
      expect(table.rows[0]?.header).toBe(true);
      expect(table.rows.slice(1).every((r) => !r.header)).toBe(true);
    }
    expect(doc.tables[0]?.style).toBe('BRM Details');
    expect(doc.tableStyles).toMatchObject({ 'BRM Table': true, 'BRM Details': true });
    expect(doc.footerXml).toMatch(/PAGE/);
    expect(doc.footerXml).toMatch(/NUMPAGES/);
    expect(doc.footer).toContain('Minutes · 24 November 2026');
    expect(doc.header).toContain('Northwind IT Services');
    expect(doc.headerImages).toBe(1);
    expect(doc.fonts).toBeGreaterThan(0);
    expect(doc.title).toBe('Periodic service review — Retail Banking');
    expect(doc.paragraphs.some((p) => p.style === 'Draft Notice')).toBe(false);
  });

  it('marks a draft on the first page and in every page header, with dates in the chosen locale', () => {
    const doc = draftMinutes.docx;
    expect(doc.paragraphs[0]).toMatchObject({
      style: 'Draft Notice',
      text: 'Draft — these minutes are not yet final',
    });
    expect(doc.header).toContain('Draft minutes');
    const pdf = collapse(draftMinutes.pdfText);
    expect(pdf).toContain('DRAFT — THESE MINUTES ARE NOT YET FINAL');
    expect(pdf).toContain('Minutes of the meeting of Dienstag, 24. November 2026');
    expect(pdf).toContain('8. Dez. 2026');
  });
});

describe('agenda pre-read', () => {
  it('lists details, invitees, the agenda with guidance and the open actions carried in', () => {
    const doc = finalAgenda.docx;
    const pdf = collapse(finalAgenda.pdfText);
    expect(pdf).toContain('Agenda and pre-read for the meeting of Tuesday, 24 November 2026');
    expect(bodyRows(doc, 'Name').map((r) => r[0])).toEqual(realistic.attendees.map((a) => a.name));
    expect(tableWithHeader(doc, 'Name').rows[0]?.cells).toEqual(['Name', 'Business or IT', 'Role']);
    const headings = doc.paragraphs.filter((p) => p.style === 'Heading 2').map((p) => p.text);
    expect(headings).toEqual([
      '1.  Actions from previous meetings',
      ...realistic.items.map((item, i) => `${i + 2}.  ${item.title}`),
    ]);
    for (const item of realistic.items.filter((i) => i.guidance)) {
      expect(doc.paragraphs.find((p) => p.text === item.guidance)?.style).toBe('Guidance');
    }
    expect(bodyRows(doc, 'Action')[0]).toEqual([
      'Review the SLA for the mortgage platform',
      'Li Wei',
      '12 Nov 2026\nOverdue',
      'Open',
      // The update given in this meeting is the latest one (issue 13, defect 4).
      'Open, 24 Nov 2026\nDraft with the branches; decision expected in December.',
    ]);
    expect(doc.header).toContain('Agenda and pre-read');
  });
});

describe('hostile text', () => {
  /** What a field must read back as: the text minus what XML forbids, whitespace aside. */
  const expected = (text: string) => collapse(xmlSafe(text));
  const fieldsOf = (t: MeetingText, agenda: boolean) => [
    t.unitName,
    t.location,
    t.chair,
    t.minuteTaker,
    t.trigger,
    ...t.attendees.flatMap((a) => [a.name, a.role]),
    ...t.items.flatMap((i) => (agenda ? [i.title, i.guidance] : [i.title, ...i.decisions])),
    ...t.carried.flatMap((c) => [c.title, c.owner, agenda ? c.previousNote : c.note]),
    ...(agenda ? [] : t.newActions.flatMap((a) => [a.title, a.owner])),
  ];

  it('converts in LibreOffice and reads back every field intact, minus the forbidden characters', () => {
    for (const [doc, agenda] of [
      [hostileMinutes, false],
      [hostileAgenda, true],
    ] as const) {
      const text = allText(doc.docx);
      for (const field of fieldsOf(hostile, agenda)) expect(text).toContain(expected(field));
      // eslint-disable-next-line no-control-regex -- the forbidden characters are the point
      expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(doc.pdfText).toContain('<script>alert("x")</script>');
      expect(doc.pdfText).toContain('</w:t><w:t>injected</w:t>');
    }
    // Minutes hold bulleted lines and multi-line decisions: check those pieces too.
    const minutes = allText(hostileMinutes.docx);
    for (const item of hostile.items.slice(1)) {
      for (const line of item.minutes.split('\n'))
        expect(minutes).toContain(expected(line.replace(/^- /, '')));
    }
  });

  it('keeps the 1 MB paragraph whole, character for character', () => {
    const long = hostile.items[0]?.minutes ?? '';
    const paragraphs = hostileMinutes.docx.paragraphs.map((p) => p.text);
    const start = paragraphs.findIndex((p) => p.startsWith('Start of a long paragraph'));
    const end = paragraphs.findIndex((p) => p.endsWith('END OF LONG PARAGRAPH'));
    expect(start).toBeGreaterThanOrEqual(0);
    expect(paragraphs.slice(start, end + 1).join('')).toBe(long);
    expect(hostileMinutes.pdfText).toContain('END OF LONG PARAGRAPH');
  });

  it('marks right-to-left paragraphs and keeps emoji with their joiners', () => {
    const hebrew = HOSTILE_STRINGS[4];
    const arabic = HOSTILE_STRINGS[5];
    const rtl = hostileMinutes.docx.paragraphs.filter((p) => p.text === hebrew || p.text === arabic);
    expect(rtl.length).toBeGreaterThan(0);
    expect(rtl.every((p) => p.bidi)).toBe(true);
    const ltr = hostileMinutes.docx.paragraphs.filter((p) => p.text.startsWith('Markup'));
    expect(ltr.length).toBeGreaterThan(0);
    expect(ltr.every((p) => !p.bidi)).toBe(true);
    expect(allText(hostileMinutes.docx)).toContain('👨‍👩‍👧‍👦');
    expect(hostileMinutes.docx.paragraphs.find((p) => p.style === 'Title')?.text).toBe(
      `Ad hoc service review — ${HOSTILE_STRINGS[3]}`,
    );
  });
});
