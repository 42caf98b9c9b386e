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
