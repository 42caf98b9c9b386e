/**
 * Writing CSV for spreadsheets: RFC 4180 (CRLF rows, fields quoted when they hold a comma, a quote or
 * a line break, quotes doubled) and safe to open in Excel or LibreOffice Calc.
 */

/** A cell: text is guarded against formula injection; numbers are written as they are. */
export type CsvCell = string | number | boolean | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some
 * spreadsheets strip before looking) as a formula — `=HYPERLINK(...)` typed into a complaint would
 * run on the reader's machine. A leading apostrophe makes it plain text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function field(cell: CsvCell): string {
  if (cell === null) return '';
  const text = typeof cell === 'string' ? guardCell(cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** A column of an exported register: its heading and how to read it from a record. */
export interface CsvColumn<T> {
  header: string;
  value: (record: T) => CsvCell;
}

export function recordsToCsv<T>(columns: ReadonlyArray<CsvColumn<T>>, records: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.header),
    records.map((r) => columns.map((c) => c.value(r))),
  );
}

/** Excel opens a UTF-8 CSV as ANSI unless it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';
