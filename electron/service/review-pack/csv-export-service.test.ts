import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_REGISTERS } from '../../../shared/csv/register-exports';
import { contactFields, testWorkbook, unitFields, type TestWorkbook } from './test-support';

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

  it('exports every register, even when it is empty', async () => {
    for (const register of CSV_REGISTERS) {
      await t.call('exportRegisterCsv', { register, unitId: null });
      expect(lastCsv()).toHaveLength(1);
    }
  });
});
