import { plainTextToRichText } from '../../../shared/rich-text/rich-text';

/**
 * Schema migrations. Each takes the data of one version and returns the next; they run on a copy,
 * so a migration that throws leaves the file on disk untouched (the shard is then recovered from a
 * backup or reported).
 */

interface DirectoryV1 {
  units: Array<Record<string, unknown> & { id: string; contacts?: Array<Record<string, unknown>> }>;
}

/**
 * Version 1 kept each unit's contacts inside the unit and had no archive flag or maturity history.
 * Version 2 keeps contacts in their own list (so a contact edit does not rewrite its unit) and adds both.
 */
export function migrateDirectoryV1(data: unknown): unknown {
  const v1 = data as DirectoryV1;
  if (!Array.isArray(v1?.units)) throw new Error('directory has no unit list');
  const contacts: Array<Record<string, unknown>> = [];
  const units = v1.units.map(({ contacts: unitContacts = [], ...unit }) => {
    for (const contact of unitContacts) contacts.push({ ...contact, unitId: unit.id });
    return { ...unit, archived: false, maturity: [] };
  });
  return { units, contacts };
}

type Loose = Record<string, unknown>;
const recordsIn = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.filter((v): v is Loose => typeof v === 'object' && v !== null) : [];
const asRichText = (value: unknown) => (typeof value === 'string' ? plainTextToRichText(value) : value);

/**
 * Version 1 kept minutes and decisions as plain text; version 2 keeps them as rich text
 * (shared/rich-text), escaped so that what was typed reads back the same.
 */
export function migrateMeetingV1(data: unknown): unknown {
  const v1 = data as Loose;
  if (!Array.isArray(v1?.agenda)) throw new Error('meeting has no agenda');
  const agenda = recordsIn(v1.agenda).map((item) => ({
    ...item,
    minutes: asRichText(item.minutes),
    decisions: recordsIn(item.decisions).map((d) => ({ ...d, text: asRichText(d.text) })),
  }));
  return { ...v1, agenda };
}

/** Version 1 kept the BRM's pack comments as plain text; version 2 as rich text, like the minutes. */
export function migrateUnitRecordsV1(data: unknown): unknown {
  const v1 = data as Loose;
  if (typeof v1 !== 'object' || v1 === null) throw new Error('unit file holds no records');
  if (!('packComments' in v1)) return v1;
  const packComments = recordsIn(v1.packComments).map((entry) => ({
    ...entry,
    comments: Object.fromEntries(
      Object.entries((entry.comments ?? {}) as Loose).map(([key, text]) => [key, asRichText(text)]),
    ),
  }));
  return { ...v1, packComments };
}
