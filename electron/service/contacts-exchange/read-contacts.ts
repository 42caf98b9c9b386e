/**
 * Reading contacts from the files other programs write: vCard 3.0 and 4.0 (ical.js parses each card)
 * and the CSV that Outlook and Google export (papaparse). Each card or row becomes a candidate with the
 * line it starts on, or the reason it cannot be read; one bad row never stops the others.
 */
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { WorkbookError } from '../../../shared/contract/define';
import { CONTACT_ROLES, CONTACT_ROLE_LABELS, type ContactRole } from '../../../shared/domain/customers';
import { xmlSafe, xmlSafeLine } from '../export/sanitise';

/** What a card or row says of a person, cleaned; validated later against the contact schema. */
export interface ReadContact {
  name: string;
  title: string;
  email: string;
  phone: string;
  notes: string;
  itContact: string;
  /** A role the file itself states (our own export, or a vCard ROLE naming one); null otherwise. */
  role: ContactRole | null;
}

export type ReadRow = { line: number } & ({ contact: ReadContact } | { error: string });

const line = (text: unknown) => (typeof text === 'string' ? xmlSafeLine(text).trim() : '');
const block = (text: unknown) => (typeof text === 'string' ? xmlSafe(text).trim() : '');

function roleOf(text: string): ContactRole | null {
  const wanted = text.trim().toLowerCase();
  return CONTACT_ROLES.find((r) => r === wanted || CONTACT_ROLE_LABELS[r].toLowerCase() === wanted) ?? null;
}

// ── vCard ──────────────────────────────────────────────────────────────────────

/** Splits the file into its cards, keeping the line each starts on (for the preview's messages). */
function cardsOf(text: string): { line: number; text: string | null }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const cards: { line: number; text: string | null }[] = [];
  let start = -1;
  lines.forEach((l, i) => {
    const upper = l.trim().toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (start >= 0) cards.push({ line: start + 1, text: null });
      start = i;
    } else if (upper === 'END:VCARD' && start >= 0) {
      cards.push({ line: start + 1, text: lines.slice(start, i + 1).join('\r\n') });
      start = -1;
    }
  });
  if (start >= 0) cards.push({ line: start + 1, text: null });
  return cards;
}

function nameFromN(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const [family, given, middle] = value.map((part) =>
    Array.isArray(part) ? part.join(' ') : String(part ?? ''),
  );
  return [given, middle, family].filter((p) => p && p.trim()).join(' ');
}

function readCard(text: string): ReadContact {
  const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const first = (name: string) => {
    const value: unknown = card.getFirstPropertyValue(name);
    return Array.isArray(value) ? value.join(' ') : value;
  };
  const stated = line(first('x-brm-role')) || line(first('role'));
  return {
    name: line(first('fn')) || line(nameFromN(card.getFirstPropertyValue('n'))),
    title: line(first('title')),
    email: line(first('email')).replace(/^mailto:/i, ''),
    phone: line(first('tel')).replace(/^tel:/i, ''),
    notes: block(first('note')),
    itContact: line(first('x-brm-it-contact')),
    role: stated ? roleOf(stated) : null,
  };
}

export function readVcards(text: string): ReadRow[] {
  return cardsOf(text).map(({ line: at, text: card }) => {
    if (card === null) return { line: at, error: 'The card has no END:VCARD line.' };
    try {
      return { line: at, contact: readCard(card) };
    } catch (error) {
      return {
        line: at,
        error: `The card cannot be read: ${error instanceof Error ? error.message : 'unknown error'}.`,
      };
    }
  });
}

// ── CSV (Outlook, Google) ──────────────────────────────────────────────────────

/** Header names Outlook and Google Contacts write (and the plain ones people type), per field. */
const HEADERS = {
  name: ['name', 'full name', 'display name'],
  first: ['first name', 'given name'],
  middle: ['middle name', 'additional name'],
  last: ['last name', 'family name', 'surname'],
  email: ['e-mail address', 'e-mail 1 - value', 'email', 'email address', 'e-mail'],
  phone: ['business phone', 'mobile phone', 'phone 1 - value', 'phone', 'primary phone', 'home phone'],
  title: ['job title', 'organization 1 - title', 'organization title', 'title'],
  notes: ['notes', 'note'],
  role: ['role'],
} as const;
type Column = keyof typeof HEADERS;

function columnsOf(header: readonly string[]): Partial<Record<Column, number[]>> {
  const normal = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const out: Partial<Record<Column, number[]>> = {};
  for (const [column, names] of Object.entries(HEADERS) as [Column, readonly string[]][]) {
    // In the order the names are listed: Outlook's business phone before its home phone.
    const found = names.flatMap((n) => normal.flatMap((h, i) => (h === n ? [i] : [])));
    if (found.length) out[column] = found;
  }
  // Outlook's "Title" is the courtesy title (Mr, Dr), not the job: only a sheet without "Job Title" means the job.
  if (normal.includes('first name') && !normal.includes('job title')) delete out.title;
  return out;
}

function csvContact(cells: readonly string[], columns: Partial<Record<Column, number[]>>): ReadContact {
  const get = (column: Column) =>
    (columns[column] ?? []).map((i) => cells[i] ?? '').find((v) => v.trim() !== '') ?? '';
  const name =
    line(get('name')) || line([get('first'), get('middle'), get('last')].filter((p) => p.trim()).join(' '));
  const stated = line(get('role'));
  return {
    name,
    title: line(get('title')),
    email: line(get('email')),
    phone: line(get('phone')),
    notes: block(get('notes')),
    itContact: '',
    role: stated ? roleOf(stated) : null,
  };
}

export function readCsv(text: string): ReadRow[] {
  const rows: { line: number; cells: string[]; error: string | null }[] = [];
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
  let cursor = 0;
  Papa.parse<string[]>(text, {
    // Blank rows are dropped below, not by papaparse: every row must pass through here to keep the count.
    step: (result) => {
      // The row starts after the line end that closed the previous one.
      const start = text.slice(cursor).search(/[^\r\n]/);
      const at = lineAt(cursor + Math.max(0, start));
      cursor = result.meta.cursor;
      const error = result.errors[0];
      if (!error && result.data.every((cell) => cell.trim() === '')) return;
      rows.push({ line: at, cells: result.data, error: error ? `${error.message}.` : null });
    },
  });
  const [header, ...body] = rows;
  const columns = columnsOf(header?.cells ?? []);
  if (!columns.name && !columns.first && !columns.last && !columns.email) {
    throw new WorkbookError(
      'invalid-input',
      'This CSV file has none of the columns Outlook or Google write (First Name, Last Name, E-mail Address, Name, E-mail 1 - Value).',
    );
  }
  return body.map((row) =>
    row.error
      ? { line: row.line, error: row.error }
      : { line: row.line, contact: csvContact(row.cells, columns) },
  );
}
