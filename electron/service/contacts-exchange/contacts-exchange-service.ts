import ICAL from 'ical.js';
import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import type {
  ContactsImportPreview,
  ImportChoice,
  ImportRow,
} from '../../../shared/domain/contacts-exchange';
import {
  contactFieldsSchema,
  type Contact,
  type ContactFields,
  type ContactRole,
} from '../../../shared/domain/customers';
import { newId } from '../../../shared/domain/ids';
import { safeFileName } from '../atomic-file';
import { notFound, stamp, type ServiceContext } from '../context';
import { xmlSafe, xmlSafeLine } from '../export/sanitise';
import { describeFsError } from '../store/shard-store';
import { directoryShard } from '../store/shards';
import { readCsv, readVcards, type ReadRow } from './read-contacts';

type ContactsExchangeHandlers = Pick<
  WorkbookHandlers,
  'previewContactsImport' | 'importContacts' | 'exportContacts'
>;

/** Rows the file states no role for start as users; the BRM sets the real role in the preview. */
const DEFAULT_ROLE: ContactRole = 'user';

const formatOf = (fileName: string, text: string): 'vcard' | 'csv' =>
  /\.(vcf|vcard)$/i.test(fileName) || /^\s*BEGIN:VCARD/i.test(text) ? 'vcard' : 'csv';

const nameKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The contact a new one duplicates: same address first (the surer sign), else same name. */
function duplicateIn<T extends Pick<ContactFields, 'name' | 'email'>>(
  list: readonly T[],
  fields: ContactFields,
) {
  const email = fields.email.toLowerCase();
  const byEmail = email ? list.find((c) => c.email.toLowerCase() === email) : undefined;
  if (byEmail) return { match: byEmail, why: 'email' as const };
  const byName = list.find((c) => nameKey(c.name) === nameKey(fields.name));
  return byName ? { match: byName, why: 'name' as const } : null;
}

/** The rows of the file as the preview shows them, checked against the unit's contacts and earlier rows. */
function previewRows(read: readonly ReadRow[], existing: readonly Contact[]): ImportRow[] {
  const seen: (ContactFields & { line: number | null })[] = existing.map((c) => ({ ...c, line: null }));
  return read.map((row): ImportRow => {
    if ('error' in row)
      return { line: row.line, status: 'invalid', fields: null, duplicateOf: null, reason: row.error };
    const { role, ...rest } = row.contact;
    const parsed = contactFieldsSchema.safeParse({ ...rest, role: role ?? DEFAULT_ROLE });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      return {
        line: row.line,
        status: 'invalid',
        fields: null,
        duplicateOf: null,
        reason: `${field ? `${field}: ` : ''}${issue?.message ?? 'not a valid contact'}`,
      };
    }
    const duplicate = duplicateIn(seen, parsed.data);
    seen.push({ ...parsed.data, line: row.line });
    return {
      line: row.line,
      status: duplicate ? 'duplicate' : 'new',
      fields: parsed.data,
      duplicateOf: duplicate
        ? {
            name: duplicate.match.name,
            email: duplicate.match.email,
            line: duplicate.match.line,
            why: duplicate.why,
          }
        : null,
      reason: null,
    };
  });
}

/** Merging fills what the workbook does not know yet; it never overwrites what the BRM typed. */
function merged(current: Contact, incoming: ContactFields): Contact {
  const fill = (key: 'title' | 'email' | 'phone' | 'notes' | 'itContact') =>
    current[key].trim() ? current[key] : incoming[key];
  return {
    ...current,
    title: fill('title'),
    email: fill('email'),
    phone: fill('phone'),
    notes: fill('notes'),
    itContact: fill('itContact'),
  };
}

// ── vCard 4.0 out ──────────────────────────────────────────────────────────────

function vcardOf(contact: Contact, unitName: string): string {
  const card = new ICAL.Component('vcard');
  const add = (name: string, value: string) => {
    if (value.trim()) card.addPropertyWithValue(name, value);
  };
  const name = xmlSafeLine(contact.name).trim();
  card.addPropertyWithValue('version', '4.0');
  card.addPropertyWithValue('fn', name);
  const parts = name.split(' ');
  const family = parts.length > 1 ? parts.pop()! : '';
  const n = new ICAL.Property('n');
  n.setValue([family, parts.join(' '), '', '', ''] as unknown as string);
  card.addProperty(n);
  add('email', xmlSafeLine(contact.email));
  add('tel', xmlSafeLine(contact.phone));
  add('title', xmlSafeLine(contact.title));
  add('org', xmlSafeLine(unitName));
  add('note', xmlSafe(contact.notes));
  // The workbook's own fields, so a round trip through the file keeps them.
  add('x-brm-role', contact.role);
  add('x-brm-it-contact', xmlSafeLine(contact.itContact));
  return card.toString();
}

export function contactsExchangeHandlers(ctx: ServiceContext): ContactsExchangeHandlers {
  const unitContacts = (unitId: string) => {
    const directory = ctx.store.get(directoryShard);
    const unit = directory.units.find((u) => u.id === unitId);
    if (!unit) throw notFound('business unit');
    return { directory, unit, contacts: directory.contacts.filter((c) => c.unitId === unitId) };
  };

  const preview = (unitId: string, fileName: string, text: string): ContactsImportPreview => {
    const { contacts } = unitContacts(unitId);
    const format = formatOf(fileName, text);
    const read = format === 'vcard' ? readVcards(text) : readCsv(text);
    if (read.length === 0) {
      throw new WorkbookError(
        'invalid-input',
        format === 'vcard'
          ? 'This file holds no vCard (BEGIN:VCARD … END:VCARD).'
          : 'This CSV file has no rows below its header.',
      );
    }
    return { format, rows: previewRows(read, contacts) };
  };

  return {
    previewContactsImport: ({ unitId, fileName, text }) => preview(unitId, fileName, text),

    importContacts: ({ unitId, fileName, text, choices }) => {
      const { rows } = preview(unitId, fileName, text);
      const { directory } = unitContacts(unitId);
      const choiceOf = new Map(choices.map((c) => [c.line, c]));
      for (const choice of choices) {
        const row = rows.find((r) => r.line === choice.line);
        if (!row || row.status === 'invalid') {
          throw new WorkbookError(
            'invalid-input',
            `Line ${choice.line} holds no contact that can be imported.`,
          );
        }
      }
      let contacts = directory.contacts.slice();
      const result = { added: 0, merged: 0, skipped: 0 };
      for (const row of rows) {
        const choice = choiceOf.get(row.line);
        const action: ImportChoice = choice?.action ?? 'skip';
        if (!row.fields || action === 'skip') {
          result.skipped += 1;
          continue;
        }
        const fields = { ...row.fields, role: choice?.role ?? row.fields.role };
        // Matched again against what is imported so far: an earlier row the BRM skipped is no target.
        const target =
          action === 'merge'
            ? duplicateIn(
                contacts.filter((c) => c.unitId === unitId),
                fields,
              )
            : null;
        if (target) {
          contacts = contacts.map((c) =>
            c.id === target.match.id ? { ...merged(c, fields), updatedAt: ctx.now().toISOString() } : c,
          );
          result.merged += 1;
        } else {
          contacts.push(stamp(ctx, newId(), { ...fields, unitId }));
          result.added += 1;
        }
      }
      // One write of the directory: the whole import lands, or (the write failing) none of it.
      if (result.added + result.merged > 0) ctx.store.put(directoryShard, null, { ...directory, contacts });
      return result;
    },

    exportContacts: async ({ unitId }) => {
      const { unit, contacts } = unitContacts(unitId);
      const text = contacts.map((c) => vcardOf(c, unit.name)).join('\r\n') + (contacts.length ? '\r\n' : '');
      try {
        const saved = await ctx.host.saveDocument({
          suggestedName: `${safeFileName(xmlSafeLine(unit.name)).slice(0, 150)} contacts.vcf`,
          bytes: new TextEncoder().encode(text),
          extension: 'vcf',
        });
        return { ...saved, path: saved.savedTo, count: contacts.length };
      } catch (error) {
        if (error instanceof WorkbookError) throw error;
        throw new WorkbookError(
          'storage',
          `The file could not be saved: ${describeFsError(error)}. Nothing was lost.`,
        );
      }
    },
  };
}
