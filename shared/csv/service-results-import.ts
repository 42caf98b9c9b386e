/**
 * Importing a month (or more) of service results from a CSV file exported by a service-management
 * tool. Pure: the main process runs it twice — once to show the preview (the columns it mapped, the
 * rows it read, every row it refuses) and again on import, which stores all rows or none.
 */
import { format, isValid, parse } from 'date-fns';
import Papa from 'papaparse';
import type { Month, ServiceResult } from '../domain/review-pack';
import { describeTarget, judge, type ServiceLevelRef, type Verdict } from '../domain/service-levels';

export const IMPORT_FIELDS = ['agreement', 'service', 'metric', 'month', 'achieved', 'note'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  agreement: 'Agreement',
  service: 'Service',
  metric: 'Service level (metric)',
  month: 'Month',
  achieved: 'Achieved value',
  note: 'Note',
};
const REQUIRED: readonly ImportField[] = ['service', 'metric', 'month', 'achieved'];
export const isRequiredImportField = (field: ImportField): boolean => REQUIRED.includes(field);

/** Column headings tools commonly use for each field, compared without case, spaces or punctuation. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  agreement: ['agreement', 'sla', 'agreement title', 'contract', 'sla name'],
  service: ['service', 'service name', 'business service', 'it service'],
  metric: ['metric', 'service level', 'kpi', 'measure', 'indicator', 'sla metric', 'metric name'],
  month: ['month', 'period', 'reporting period', 'reporting month', 'date', 'period start'],
  achieved: ['achieved', 'achieved value', 'actual', 'actual value', 'value', 'result', 'measured'],
  note: ['note', 'notes', 'comment', 'comments', 'remark', 'remarks'],
};

/** Which CSV column feeds each field; null when none does. */
export type ColumnMapping = Record<ImportField, string | null>;

export interface ImportRow {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  level: ServiceLevelRef;
  month: Month;
  achieved: number;
  note: string;
  verdict: Verdict;
  /** The value already stored for this level and month, which the import would replace. */
  replaces: number | null;
}

export interface RowError {
  /** Null for a problem with the file as a whole (its columns, its size). */
  row: number | null;
  message: string;
}

export interface ImportPlan {
  columns: string[];
  mapping: ColumnMapping;
  rows: ImportRow[];
  errors: RowError[];
  /** How many rows had errors, also when the list of errors was cut short. */
  rowsWithErrors: number;
}

export const MAX_IMPORT_ROWS = 20_000;
const MAX_ERRORS_LISTED = 200;

const normalise = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./()]+/g, ' ')
    .trim();

/** Picks a column for each field from the header, by the usual names tools give them. */
export function detectMapping(columns: readonly string[]): ColumnMapping {
  const used = new Set<string>();
  const mapping = {} as ColumnMapping;
  for (const field of IMPORT_FIELDS) {
    const hit = columns.find((c) => !used.has(c) && SYNONYMS[field].includes(normalise(c)));
    mapping[field] = hit ?? null;
    if (hit) used.add(hit);
  }
  return mapping;
}

/** "2026-10", "2026-10-31" (its month), "Oct 2026" or "October 2026"; null when it is none of them. */
export function parseMonthCell(raw: string): Month | null {
  const text = raw.trim();
  const ref = new Date(2000, 0, 1);
  if (/^\d{4}-\d{2}$/.test(text)) {
    const d = parse(`${text}-01`, 'yyyy-MM-dd', ref);
    return isValid(d) ? text : null;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = parse(text, 'yyyy-MM-dd', ref);
    return isValid(d) ? format(d, 'yyyy-MM') : null;
  }
  for (const pattern of ['MMM yyyy', 'MMMM yyyy']) {
    const d = parse(text, pattern, ref);
    if (isValid(d)) return format(d, 'yyyy-MM');
  }
  return null;
}

/**
 * A number as tools write it: "99.5", "99,5" (a decimal comma), "99.5 %" or "7.5 h" (the level's own
 * unit). Thousands separators are refused rather than guessed: "1,234" could be either.
 */
export function parseNumberCell(raw: string, unit: string): number | null {
  let text = raw.trim();
  const u = unit.trim().toLowerCase();
  if (u && text.toLowerCase().endsWith(u)) text = text.slice(0, -u.length).trim();
  else if (text.endsWith('%')) text = text.slice(0, -1).trim();
  if (/^[+-]?\d+,\d+$/.test(text) && !/^[+-]?\d{1,3},\d{3}$/.test(text)) text = text.replace(',', '.');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

const levelName = (l: ServiceLevelRef) => `${l.service} / ${l.metric}`;
const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}…` : text}"`;

/** The column for each field: the detected one, unless the caller chose another (or none). */
function chooseMapping(
  columns: readonly string[],
  chosen: Partial<ColumnMapping>,
): { mapping: ColumnMapping; errors: RowError[] } {
  const errors: RowError[] = [];
  const mapping = { ...detectMapping(columns) };
  for (const field of IMPORT_FIELDS) {
    const pick = chosen[field];
    if (pick === undefined) continue;
    if (pick !== null && !columns.includes(pick)) {
      errors.push({ row: null, message: `There is no column ${quoted(pick)} in this file.` });
    }
    mapping[field] = pick;
  }
  return { mapping, errors };
}

/** Problems with the file as a whole: a value without a column, a column used twice, no or too many rows. */
function fileProblems(columns: readonly string[], mapping: ColumnMapping, rowCount: number): RowError[] {
  const errors: RowError[] = [];
  const missing = REQUIRED.filter((f) => mapping[f] === null);
  if (missing.length) {
    errors.push({
      row: null,
      message: `No column for ${missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}. The file's columns are: ${columns.map(quoted).join(', ')}. Choose which column holds each value, or use the headings Service, Metric, Month and Achieved.`,
    });
  }
  const mapped = IMPORT_FIELDS.map((f) => mapping[f]).filter((c): c is string => c !== null);
  const twice = mapped.find((c, i) => mapped.indexOf(c) !== i);
  if (twice) errors.push({ row: null, message: `The column ${quoted(twice)} is chosen for two values.` });
  const duplicateHeader = columns.find((c, i) => c !== '' && columns.indexOf(c) !== i);
  if (duplicateHeader && mapped.includes(duplicateHeader)) {
    errors.push({ row: null, message: `The file has two columns called ${quoted(duplicateHeader)}.` });
  }
  if (rowCount === 0) errors.push({ row: null, message: 'The file has a header row but no results.' });
  if (rowCount > MAX_IMPORT_ROWS) {
    errors.push({
      row: null,
      message: `The file has ${rowCount.toLocaleString('en')} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} at a time.`,
    });
  }
  return errors;
}

const levelKey = (service: string, metric: string) => `${normalise(service)}\u0000${normalise(metric)}`;
/** One service level's result for one month: what an import may add once and may replace. */
const resultKey = (level: Pick<ServiceResult, 'agreementId' | 'serviceLevelId'>, month: Month) =>
  `${level.agreementId}/${level.serviceLevelId}/${month}`;

/** What every data row is read and checked against; `seen` grows as rows are read, to find repeats. */
interface RowReader {
  columnCount: number;
  cell: (values: readonly string[], field: ImportField) => string;
  levelsByName: Map<string, ServiceLevelRef[]>;
  stored: Map<string, number>;
  seen: Map<string, number>;
}

/** Built once per file, so each row costs a few map look-ups. */
function rowReader(
  columns: readonly string[],
  mapping: ColumnMapping,
  levels: readonly ServiceLevelRef[],
  existing: readonly ServiceResult[],
): RowReader {
  const index = (field: ImportField) => (mapping[field] === null ? -1 : columns.indexOf(mapping[field]));
  const at = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, index(f)])) as Record<ImportField, number>;
  const levelsByName = new Map<string, ServiceLevelRef[]>();
  for (const level of levels) {
    const key = levelKey(level.service, level.metric);
    levelsByName.set(key, [...(levelsByName.get(key) ?? []), level]);
  }
  return {
    columnCount: columns.length,
    cell: (values, field) => (at[field] < 0 ? '' : (values[at[field]] ?? '').trim()),
    levelsByName,
    stored: new Map(existing.map((r) => [resultKey(r, r.month), r.achieved])),
    seen: new Map(),
  };
}

/** The one service level a row's service, metric and (optional) agreement name; else says why not. */
function matchLevel(
  values: readonly string[],
  reader: RowReader,
  problems: string[],
): ServiceLevelRef | null {
  const service = reader.cell(values, 'service');
  const metric = reader.cell(values, 'metric');
  const agreement = reader.cell(values, 'agreement');
  if (!service || !metric) {
    problems.push(`the ${!service ? 'service' : 'metric'} is empty`);
    return null;
  }
  let candidates = reader.levelsByName.get(levelKey(service, metric)) ?? [];
  if (agreement) candidates = candidates.filter((l) => normalise(l.agreementTitle) === normalise(agreement));
  if (candidates.length === 1) return candidates[0] ?? null;
  if (candidates.length === 0) {
    problems.push(
      `no agreement of this unit has the service level ${quoted(`${service} / ${metric}`)}${agreement ? ` in ${quoted(agreement)}` : ''}`,
    );
  } else {
    problems.push(
      `${quoted(`${service} / ${metric}`)} is in ${candidates.length} agreements (${candidates.map((c) => c.agreementTitle).join(', ')}); add an Agreement column to say which`,
    );
  }
  return null;
}

/** One data row: the result it holds, or every problem found in it (the row is the spreadsheet's number). */
function readRow(
  values: readonly string[],
  row: number,
  reader: RowReader,
  quoteError: string | undefined,
): { result: ImportRow | null; problems: string[] } {
  const problems: string[] = [];
  if (quoteError) problems.push(quoteError);
  if (values.length !== reader.columnCount) {
    problems.push(`it has ${values.length} values but the header has ${reader.columnCount} columns`);
  }
  const level = matchLevel(values, reader, problems);
  const monthText = reader.cell(values, 'month');
  const month = parseMonthCell(monthText);
  if (!month) {
    problems.push(
      monthText
        ? `${quoted(monthText)} is not a month: use YYYY-MM (2026-10) or a date YYYY-MM-DD`
        : 'the month is empty',
    );
  }
  const achievedText = reader.cell(values, 'achieved');
  const achieved = parseNumberCell(achievedText, level?.unit ?? '');
  if (achieved === null) {
    problems.push(achievedText ? `${quoted(achievedText)} is not a number` : 'the achieved value is empty');
  }
  if (level && month) {
    const first = reader.seen.get(resultKey(level, month));
    if (first !== undefined) problems.push(`it repeats ${levelName(level)} for ${month} (see row ${first})`);
    else reader.seen.set(resultKey(level, month), row);
  }
  if (problems.length || !level || !month || achieved === null) return { result: null, problems };
  return {
    result: {
      row,
      level,
      month,
      achieved,
      note: reader.cell(values, 'note').slice(0, 2_000),
      verdict: judge(level, achieved),
      replaces: reader.stored.get(resultKey(level, month)) ?? null,
    },
    problems,
  };
}

/** Reads every data row; lists the first MAX_ERRORS_LISTED bad ones and counts them all. */
function readRows(
  data: readonly string[][],
  reader: RowReader,
  parseErrors: readonly Papa.ParseError[],
): Pick<ImportPlan, 'rows' | 'errors' | 'rowsWithErrors'> {
  // Papa numbers rows from the header (row 0), so data row i is its row i + 1.
  const quoteErrors = new Map<number, string>();
  for (const e of parseErrors) {
    if (e.type === 'Quotes' && e.row !== undefined) quoteErrors.set(e.row, 'a quoted value is not closed');
  }
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  let rowsWithErrors = 0;
  data.forEach((values, i) => {
    const row = i + 2;
    const { result, problems } = readRow(values, row, reader, quoteErrors.get(i + 1));
    if (result) rows.push(result);
    if (problems.length === 0) return;
    rowsWithErrors += 1;
    if (errors.length < MAX_ERRORS_LISTED)
      errors.push({ row, message: `Row ${row}: ${problems.join('; ')}.` });
  });
  if (rowsWithErrors > errors.length) {
    errors.push({ row: null, message: `…and ${rowsWithErrors - errors.length} more rows with errors.` });
  }
  return { rows, errors, rowsWithErrors };
}

/**
 * Reads the file, maps its columns (the caller's choice over the detected one), matches every row to
 * one of the unit's service levels and checks its month and value. The plan is importable only when
 * `errors` is empty.
 */
export function planServiceResultsImport(
  text: string,
  levels: readonly ServiceLevelRef[],
  existing: readonly ServiceResult[],
  chosen: Partial<ColumnMapping> = {},
): ImportPlan {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const [header, ...data] = parsed.data;
  if (!header || header.every((h) => h.trim() === '')) {
    const message = 'The file is empty: it has no header row and no results.';
    return {
      columns: [],
      mapping: detectMapping([]),
      rows: [],
      errors: [{ row: null, message }],
      rowsWithErrors: 0,
    };
  }
  const columns = header.map((h) => h.trim());
  const { mapping, errors } = chooseMapping(columns, chosen);
  errors.push(...fileProblems(columns, mapping, data.length));
  if (errors.length) return { columns, mapping, rows: [], errors, rowsWithErrors: 0 };
  const reader = rowReader(columns, mapping, levels, existing);
  return { columns, mapping, ...readRows(data, reader, parsed.errors) };
}

/** "Availability ≥ 99.5 %": how a matched row's level reads in the preview. */
export const describeLevel = (level: ServiceLevelRef): string =>
  `${levelName(level)} (${describeTarget(level)})`;
