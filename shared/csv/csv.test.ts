import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guardCell, recordsToCsv, toCsv } from './csv';

describe('CSV writing', () => {
  it('quotes per RFC 4180 and ends rows with CRLF', () => {
    const text = toCsv(
      ['Name', 'Note'],
      [
        ['Smith, Jan', 'He said "fine"\nthen left'],
        ['Plain', null],
      ],
    );
    expect(text).toBe('Name,Note\r\n"Smith, Jan","He said ""fine""\nthen left"\r\nPlain,\r\n');
    // A real parser reads back exactly what went in.
    expect(Papa.parse<string[]>(text.trimEnd()).data).toEqual([
      ['Name', 'Note'],
      ['Smith, Jan', 'He said "fine"\nthen left'],
      ['Plain', ''],
    ]);
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    for (const hostile of ['=1+1', '+41 22 000', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd']) {
      expect(guardCell(hostile)).toBe(`'${hostile}`);
    }
    expect(guardCell('Fine = good')).toBe('Fine = good');
    expect(toCsv(['x'], [['=HYPERLINK("http://evil","click")']])).toBe(
      'x\r\n"\'=HYPERLINK(""http://evil"",""click"")"\r\n',
    );
  });

  it('writes numbers as numbers, negative ones included', () => {
    expect(toCsv(['v'], [[-2.5], [99.5], [true]])).toBe('v\r\n-2.5\r\n99.5\r\ntrue\r\n');
  });

  it('maps records through column definitions', () => {
    const csv = recordsToCsv(
      [
        { header: 'Title', value: (r: { t: string; n: number }) => r.t },
        { header: 'Count', value: (r) => r.n },
      ],
      [{ t: 'A', n: 1 }],
    );
    expect(csv).toBe('Title,Count\r\nA,1\r\n');
  });
});
