/**
 * Every Word report with hostile text in every field it shows (a unit named "Retail\u000B Division" — what a
 * line break copied from Word becomes — U+FFFE, lone surrogates, markup), read back with python-docx; and
 * what the reports must hold: key users and IT stakeholders, the complaint definition and reference, the
 * action log in natural order, the BRM as last modifier.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupedBarChart } from '../../../shared/charts/bar-chart';
import { PRINT_THEME } from '../../../shared/charts/chart-theme';
import { lineChart } from '../../../shared/charts/line-chart';
import { serviceLevelTrend } from '../../../shared/charts/service-level-trend';
import { renderSvg, type SvgElement } from '../../../shared/charts/svg-tree';
import {
  allText,
  convertToPdf,
  pdfText,
  readDocx,
  type DocxReadout,
} from '../../../test/fixtures/document-readers';
import { HOSTILE_STRINGS } from '../../../test/fixtures/meeting-fixture';
import { xmlSafeLine } from '../export/sanitise';
import { octoberReviewPlan, retailSla } from '../../../test/fixtures/retail-review';
import {
  contactFields,
  testWorkbook,
  type TestWorkbook,
  unitFields,
} from '../../../test/unit/workbook-helpers';

const HOSTILE = ['Retail\u000B Division', ...HOSTILE_STRINGS];
const LONG_TITLE = `Replace${'x'.repeat(590)}end`;
let t: TestWorkbook;
const docs: Record<string, DocxReadout> = {};
const files: Record<string, string> = {};

const png = (tree: SvgElement) => new Resvg(renderSvg(tree)).render().asPng();

describe('charts with hostile text', () => {
  it('turn into a PNG whatever the labels hold', () => {
    // One chart of each kind with every hostile string in it: resvg refuses the whole SVG over one bad character.
    const all = HOSTILE.join(' ');
    const line = lineChart(
      HOSTILE.map((name, i) => ({
        name,
        points: [
          { x: '2026-01-10', y: 1 + (i % 4) },
          { x: '2026-05-10', y: 2 + (i % 3) },
        ],
      })),
      { title: all, yDomain: [1, 5], endLabels: true },
      PRINT_THEME,
    );
    const bars = groupedBarChart(
      HOSTILE.map((label) => ({ label, categories: [{ label, values: [12, 22] }] })),
      { title: all, seriesNames: [HOSTILE[0]!, HOSTILE[1]!], unit: HOSTILE[2]! },
      PRINT_THEME,
    );
    const trend = serviceLevelTrend(
      {
        agreementId: 'agreement1',
        agreementTitle: all,
        serviceLevelId: 'level00001',
        service: all,
        metric: HOSTILE[3]!,
        target: 99,
        unit: HOSTILE[4]!,
        direction: 'at-least',
      },
      [
        { month: '2026-01', achieved: 98, verdict: 'missed' },
        { month: '2026-02', achieved: 99.5, verdict: 'met' },
      ],
      ['2026-01', '2026-02'],
      PRINT_THEME,
    );
    for (const tree of [line, bars, trend]) expect(png(tree).length).toBeGreaterThan(100);
  });
});

beforeAll(async () => {
  t = testWorkbook({ now: () => new Date(2026, 10, 24, 9, 0) });
  await t.call('updateSettings', {
    fields: { organisationName: HOSTILE[2]!, brmName: 'Bram Visser', locale: 'en-GB', theme: 'system' },
  });
  let first = '';
  for (const [i, name] of HOSTILE.entries()) {
    const unit = await t.call('createUnit', { parentId: null, fields: unitFields(name) });
    first ||= unit.id;
    await t.call('createContact', {
      unitId: unit.id,
      fields: contactFields(HOSTILE[(i + 1) % HOSTILE.length]!, 'customer'),
    });
    await t.call('createSurvey', {
      unitId: unit.id,
      fields: {
        date: '2026-03-15',
        respondentContactId: null,
        respondentName: name,
        scores: { overall: 3 + (i % 3) },
        comment: name,
      },
    });
  }
  await t.call('createContact', { unitId: first, fields: { ...contactFields('Kim Key'), role: 'key-user' } });
  await t.call('createContact', {
    unitId: first,
    fields: { ...contactFields('Ivo IT'), role: 'it-stakeholder' },
  });
  await t.call('createAgreement', {
    unitId: first,
    fields: {
      ...retailSla,
      complaintDefinition: 'Any P1 incident not resolved within 8 hours',
      reference: 'DOC-2026-041',
    },
  });
  const meeting = await t.call('planMeeting', { unitId: first, fields: octoberReviewPlan });
  for (const title of ['action 114', 'action 2', 'action 10', LONG_TITLE]) {
    await t.call('addAction', {
      meetingId: meeting.id,
      agendaItemId: null,
      fields: { title, owner: 'Bram Visser', dueDate: '2026-12-01' },
    });
  }

  await t.call('exportCustomerStructureReport', {});
  await t.call('exportActionLogReport', {
    unitId: null,
    owner: null,
    statuses: [],
    today: '2026-11-24',
    overdueOnly: false,
  });
  await t.call('exportSatisfactionReport', { unitId: null, from: '2026-01-01', to: '2026-12-31' });
  await t.call('exportAgreementsReport', { unitId: null });
  const names = ['structure', 'actions', 'satisfaction', 'agreements'];
  const paths = t.saved.map((doc, i) => {
    const file = path.join(t.dir, `${names[i]}.docx`);
    fs.writeFileSync(file, doc.bytes);
    return file;
  });
  names.forEach((name, i) => (files[name] = paths[i]!));
  const read = readDocx(paths);
  paths.forEach((file, i) => (docs[names[i]!] = read[file]!));
}, 120_000);
afterAll(() => t.close());

const rows = (d: DocxReadout) => d.tables.flatMap((tb) => tb.rows.map((r) => r.cells));

describe('Word reports with hostile text', () => {
  it('are all written, open in python-docx and name every unit, minus what XML forbids', () => {
    expect(Object.keys(docs)).toEqual(['structure', 'actions', 'satisfaction', 'agreements']);
    for (const name of HOSTILE.map(xmlSafeLine)) {
      const squeezed = name.replace(/\s+/g, ' ').trim();
      expect(allText(docs.structure!), squeezed).toContain(squeezed);
      expect(allText(docs.satisfaction!), squeezed).toContain(squeezed);
    }
  });

  it('are last modified by the BRM named in Settings, in the language of the settings', () => {
    for (const doc of Object.values(docs)) {
      expect(doc.lastModifiedBy).toBe('Bram Visser');
      expect(doc.language).toBe('en-GB');
    }
  });

  it('list key users and IT stakeholders in the customer structure', () => {
    const kim = rows(docs.structure!).find((r) => r[0] === 'Kim Key');
    const ivo = rows(docs.structure!).find((r) => r[0] === 'Ivo IT');
    expect(kim?.[1]).toBe('Key user');
    expect(ivo?.[1]).toBe('IT stakeholder');
  });

  it('give each agreement’s complaint definition and reference', () => {
    const text = allText(docs.agreements!);
    expect(text).toContain('Complaint: Any P1 incident not resolved within 8 hours');
    expect(text).toContain('Reference: DOC-2026-041');
  });

  it('sort the action log naturally and keep a 600-character title whole in its cell', () => {
    const titles = rows(docs.actions!)
      .map((r) => r[1])
      .filter((x) => x?.startsWith('action '));
    expect(titles).toEqual(['action 2', 'action 10', 'action 114']);
    const long = rows(docs.actions!).find((r) => r[1]?.replace(/\u200B/g, '').startsWith('Replace'));
    expect(long?.[1]?.replace(/\u200B/g, '')).toBe(LONG_TITLE);
  });

  it('wraps the 600-character title inside its column when LibreOffice lays the page out', () => {
    const pdf = convertToPdf([files.actions!], path.join(t.dir, 'pdf')).get(files.actions!)!;
    const lines = pdfText(pdf).split('\n');
    const longest = Math.max(...lines.map((l) => l.trim().length));
    // No line of text is wider than the page, and the title is all there.
    expect(longest).toBeLessThan(160);
    expect(lines.join('').replace(/\s+/g, '')).toContain('x'.repeat(40));
  });
});
