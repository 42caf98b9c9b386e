import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_REGISTERS } from '../../../shared/csv/register-exports';
import { retailSla } from '../../../test/fixtures/retail-review';
import {
  contactFields,
  testWorkbook,
  type TestWorkbook,
  unitFields,
} from '../../../test/unit/workbook-helpers';

let t: TestWorkbook;
beforeEach(() => {
  t = testWorkbook({ now: () => new Date(2026, 10, 24, 9, 30) });
});
afterEach(() => t.close());

/** The last saved CSV, read back by a real parser: BOM checked and removed. */
function lastCsv(): string[][] {
  const doc = t.saved.at(-1);
  if (!doc) throw new Error('nothing saved');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(doc.bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
}

describe('CSV export of registers', () => {
  it('names units by their path and contacts by name, for one unit or all', async () => {
    const retail = await t.call('createUnit', { parentId: null, fields: unitFields('Retail') });
    const mortgages = await t.call('createUnit', {
      parentId: retail.id,
      fields: { ...unitFields('Mortgages'), kind: 'department' },
    });
    await t.call('createContact', { unitId: retail.id, fields: contactFields('Maria Jansen', 'customer') });
    await t.call('createContact', { unitId: mortgages.id, fields: contactFields('Peter de Vries') });
    await t.call('createContact', { unitId: mortgages.id, fields: contactFields('Anna, "the" Bakker') });

    const saved = await t.call('exportRegisterCsv', { register: 'units', unitId: null });
    expect(saved.savedTo).toMatch(/2026-11-24 All units business units\.csv$/);
    expect(lastCsv()).toEqual([
      [
        'Business unit',
        'Level',
        'Customer',
        'Purchasers',
        'Designated IT contact',
        'Plans reviewed on',
        'Archived',
      ],
      ['Retail', 'division', 'Maria Jansen', '', '', '', 'no'],
      ['Retail › Mortgages', 'department', '', 'Peter de Vries; Anna, "the" Bakker', '', '', 'no'],
    ]);

    await t.call('exportRegisterCsv', { register: 'contacts', unitId: mortgages.id });
    expect(t.saved.at(-1)?.suggestedName).toBe('2026-11-24 Mortgages contacts.csv');
    expect(lastCsv().map((r) => r[2])).toEqual(['Name', 'Peter de Vries', 'Anna, "the" Bakker']);
  });

  it('defuses formulas typed into a register, and keeps line breaks inside one cell', async () => {
    const unit = await t.call('createUnit', { parentId: null, fields: unitFields('Retail') });
    await t.call('createProject', {
      unitId: unit.id,
      fields: {
        name: '=HYPERLINK("https://evil.example","x")',
        sponsorContactId: null,
        stage: 'planning',
        startedOn: null,
        plannedEnd: '2027-03-31',
        forecastEnd: null,
        description: 'Line one\nline two',
      },
      rag: { date: '2026-11-01', rag: 'amber', comment: '@risk: supplier' },
    });
    await t.call('exportRegisterCsv', { register: 'projects', unitId: unit.id });
    const [header, row] = lastCsv();
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect(cell('Project')).toBe('\'=HYPERLINK("https://evil.example","x")');
    expect(cell('RAG')).toBe('Amber');
    expect(cell('RAG comment')).toBe("'@risk: supplier");
    expect(cell('Description')).toBe('Line one\nline two');
  });

  it('exports service results with their target and verdict, and surveys with a column per question', async () => {
    const unit = await t.call('createUnit', { parentId: null, fields: unitFields('Retail') });
    await t.call('createAgreement', { unitId: unit.id, fields: retailSla });
    await t.call('importServiceResults', {
      unitId: unit.id,
      csv: 'Service,Metric,Month,Achieved\nOnline banking,P1 resolution time,2026-10,9.5\nOnline banking,Availability,2026-10,99.9\n',
      mapping: {},
    });
    await t.call('exportRegisterCsv', { register: 'service-results', unitId: null });
    expect(lastCsv()).toEqual([
      [
        'Business unit',
        'Agreement',
        'Service',
        'Metric',
        'Target',
        'Month',
        'Achieved',
        'Unit',
        'Verdict',
        'Source',
        'Note',
      ],
      [
        'Retail',
        'Retail SLA',
        'Online banking',
        'Availability',
        '≥ 99.5 %',
        '2026-10',
        '99.9',
        '%',
        'Met',
        'imported',
        '',
      ],
      [
        'Retail',
        'Retail SLA',
        'Online banking',
        'P1 resolution time',
        '≤ 8 h',
        '2026-10',
        '9.5',
        'h',
        'Missed',
        'imported',
        '',
      ],
    ]);

    await t.call('createSurvey', {
      unitId: unit.id,
      fields: {
        date: '2026-10-15',
        respondentContactId: null,
        respondentName: 'Maria',
        scores: { overall: 4, reliability: 3 },
        comment: '',
      },
    });
    await t.call('exportRegisterCsv', { register: 'surveys', unitId: unit.id });
    const [header, row] = lastCsv();
    expect(header?.slice(0, 5)).toEqual([
      'Business unit',
      'Date',
      'Respondent',
      'Average',
      'Overall, how satisfied are you with the IT services you receive?',
    ]);
    expect(row?.slice(0, 6)).toEqual(['Retail', '2026-10-15', 'Maria', '3.5', '4', '3']);
  });

  it('exports every register, even when it is empty', async () => {
    for (const register of CSV_REGISTERS) {
      await t.call('exportRegisterCsv', { register, unitId: null });
      expect(lastCsv()).toHaveLength(1);
    }
  });
});
