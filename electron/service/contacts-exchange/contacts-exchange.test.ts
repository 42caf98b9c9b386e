/**
 * Contacts in and out: vCard 4.0 written and read back by vobject, vCard 3.0 and Outlook/Google CSV
 * read in with a preview that names duplicates and bad rows by line, and the import as one change.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/domain/customers';
import { xmlSafeLine } from '../export/sanitise';
import { readMailOrCalendar } from '../../../test/fixtures/document-readers';
import { HOSTILE_STRINGS, fixtureWorkbook } from '../../../test/fixtures/meeting-fixture';
import {
  contactFields,
  savedFile,
  unitFields,
  type ContactFields,
  type TestWorkbook,
} from '../../../test/unit/workbook-helpers';

const workbooks: TestWorkbook[] = [];
afterEach(() => {
  for (const fx of workbooks.splice(0)) fx.close();
});

async function workbookWithUnits(...names: [string, ...string[]]) {
  const fx = fixtureWorkbook();
  workbooks.push(fx);
  const ids: string[] = [];
  for (const name of names)
    ids.push((await fx.call('createUnit', { parentId: null, fields: unitFields(name) })).id);
  return { fx, ids: ids as [string, ...string[]] };
}

const contactsOf = async (fx: TestWorkbook, unitId: string) =>
  (await fx.call('getDirectory', {})).contacts.filter((c) => c.unitId === unitId);

const comparable = (c: Contact) => ({
  role: c.role,
  name: c.name,
  title: c.title,
  email: c.email,
  phone: c.phone,
  notes: c.notes,
  itContact: c.itContact,
});

describe('contacts out as vCard 4.0, and back in', () => {
  it('round-trips every field, hostile text included, and vobject reads every card', async () => {
    const { fx, ids } = await workbookWithUnits('Retail; North, "HQ"', 'Empty');
    const [from, to] = ids as [string, string];
    const people: ContactFields[] = [
      {
        role: 'customer',
        name: 'Maria Jones',
        title: 'Head of Retail',
        email: 'maria@retail.example',
        phone: '+44 20 7946 0000',
        notes: 'Prefers mornings;\nno calls on Fridays, please',
        itContact: 'Sam',
      },
      {
        role: 'key-user',
        name: 'שרה כהן',
        title: 'Key user, tills',
        email: 'sara@retail.example',
        phone: '',
        notes: 'x'.repeat(5_000),
        itContact: '',
      },
      {
        role: 'purchaser',
        name: 'Family 👨‍👩‍👧‍👦 Name',
        title: HOSTILE_STRINGS[0],
        email: '',
        phone: '',
        notes: HOSTILE_STRINGS.join('\n'),
        itContact: '',
      },
    ];
    for (const fields of people) await fx.call('createContact', { unitId: from, fields });
    const original = await contactsOf(fx, from);

    const saved = await fx.call('exportContacts', { unitId: from });
    expect(saved.count).toBe(3);
    const read = readMailOrCalendar<{
      cards: { version: string; fn: string; email: string | null; role: string }[];
    }>('vcf', savedFile(saved));
    expect(read.cards.map((c) => c.version)).toEqual(['4.0', '4.0', '4.0']);
    expect(read.cards.map((c) => c.fn)).toEqual(original.map((c) => c.name));
    expect(read.cards.map((c) => c.role)).toEqual(['customer', 'key-user', 'purchaser']);

    const text = fs.readFileSync(savedFile(saved), 'utf8');
    const preview = await fx.call('previewContactsImport', {
      unitId: to,
      fileName: 'contacts.vcf',
      text,
    });
    expect(preview.rows.map((r) => r.status)).toEqual(['new', 'new', 'new']);
    const choices = preview.rows.map((r) => ({ line: r.line, action: 'add' as const, role: r.fields!.role }));
    expect(await fx.call('importContacts', { unitId: to, fileName: 'contacts.vcf', text, choices })).toEqual({
      added: 3,
      merged: 0,
      skipped: 0,
    });
    const imported = await contactsOf(fx, to);
    // The hostile text comes back as the workbook would store it cleaned: without the characters no file may hold.
    expect(imported.map(comparable)).toEqual(
      original.map((c) => ({
        ...comparable(c),
        title: xmlSafeLine(c.title).trim(),
        notes: expect.any(String),
      })),
    );
    expect(imported[0]!.notes).toBe(original[0]!.notes);
    expect(imported[1]!.notes).toBe(original[1]!.notes);
  });

  it('reads vCard 3.0 (as Outlook and Apple write it), and shows a broken card by its line', async () => {
    const { fx, ids } = await workbookWithUnits('Finance');
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Okafor;Chidi;;;',
      'FN:Chidi Okafor',
      'EMAIL;TYPE=INTERNET,WORK:chidi@finance.example',
      'TEL;TYPE=WORK:+1 555 0100',
      'TITLE:Controller\\, EMEA',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Lee;Ann;;;',
      'END:VCARD',
    ].join('\r\n');
    const preview = await fx.call('previewContactsImport', {
      unitId: ids[0],
      fileName: 'x.vcf',
      text,
    });
    expect(preview.format).toBe('vcard');
    expect(preview.rows.map((r) => [r.line, r.status])).toEqual([
      [1, 'new'],
      [9, 'invalid'],
      [13, 'new'],
    ]);
    expect(preview.rows[0]!.fields).toMatchObject({
      name: 'Chidi Okafor',
      email: 'chidi@finance.example',
      phone: '+1 555 0100',
      title: 'Controller, EMEA',
      role: 'user',
    });
    expect(preview.rows[1]!.reason).toMatch(/cannot be read/);
    expect(preview.rows[2]!.fields!.name).toBe('Ann Lee');
  });
});

describe('an Outlook CSV with duplicates', () => {
  const OUTLOOK = [
    'First Name,Middle Name,Last Name,Title,Job Title,E-mail Address,Business Phone,Notes',
    'Ann,,Lee,Ms,Purchasing lead,ANN.LEE@unit.example,+1 555 0101,',
    'Bob,,Stone,,Analyst,bob@unit.example,,"Two lines,',
    'of notes"',
    'Carla,,Diaz,,,not-an-address,,',
    'Bob,,Stone,,,bob.private@home.example,,',
    'Dan,,Wu,,Key user,dan@unit.example,,',
    ',,,,,,,',
    'Maria,,Jones,,,maria@unit.example,+1 555 0199,',
  ].join('\r\n');

  it('previews new, duplicate and invalid rows by line, and imports with the choices applied in one change', async () => {
    const { fx, ids } = await workbookWithUnits('Operations');
    const unitId = ids[0]!;
    await fx.call('createContact', {
      unitId,
      fields: { ...contactFields('Ann Lee'), email: 'ann.lee@unit.example' },
    });
    await fx.call('createContact', {
      unitId,
      fields: { ...contactFields('Maria  Jones', 'customer'), title: 'COO', phone: '+1 555 0000' },
    });
    const preview = await fx.call('previewContactsImport', {
      unitId,
      fileName: 'outlook.csv',
      text: OUTLOOK,
    });
    expect(preview.format).toBe('csv');
    expect(
      preview.rows.map((r) => [r.line, r.status, r.duplicateOf?.why ?? r.reason?.slice(0, 6) ?? null]),
    ).toEqual([
      [2, 'duplicate', 'email'],
      [3, 'new', null],
      [5, 'invalid', 'email:'],
      [6, 'duplicate', 'name'],
      [7, 'new', null],
      [9, 'duplicate', 'name'],
    ]);
    expect(preview.rows[1]!.fields!.notes).toBe('Two lines,\nof notes');
    expect(preview.rows[0]!.fields!.title).toBe('Purchasing lead');
    expect(preview.rows[3]!.duplicateOf).toMatchObject({ line: 3 });

    const result = await fx.call('importContacts', {
      unitId,
      fileName: 'outlook.csv',
      text: OUTLOOK,
      choices: [
        { line: 2, action: 'merge', role: 'purchaser' },
        { line: 3, action: 'add', role: 'key-user' },
        { line: 6, action: 'skip', role: 'user' },
        { line: 7, action: 'add', role: 'key-user' },
        { line: 9, action: 'merge', role: 'customer' },
      ],
    });
    expect(result).toEqual({ added: 2, merged: 2, skipped: 2 });
    const after = await contactsOf(fx, unitId);
    expect(after.map((c) => [c.name, c.role, c.email, c.phone, c.title])).toEqual([
      // Merged: what the workbook lacked is filled in, what the BRM typed stays.
      ['Ann Lee', 'purchaser', 'ann.lee@unit.example', '+1 555 0101', 'Purchasing lead'],
      ['Maria  Jones', 'customer', 'maria@unit.example', '+1 555 0000', 'COO'],
      ['Bob Stone', 'key-user', 'bob@unit.example', '', 'Analyst'],
      ['Dan Wu', 'key-user', 'dan@unit.example', '', 'Key user'],
    ]);
  });

  it('changes nothing when a choice names a row that cannot be imported', async () => {
    const { fx, ids } = await workbookWithUnits('Operations');
    const before = await fx.call('getDirectory', {});
    await expect(
      fx.call('importContacts', {
        unitId: ids[0],
        fileName: 'outlook.csv',
        text: OUTLOOK,
        choices: [
          { line: 3, action: 'add', role: 'user' },
          { line: 5, action: 'add', role: 'user' },
        ],
      }),
    ).rejects.toThrow(/Line 5/);
    expect(await fx.call('getDirectory', {})).toEqual(before);
  });

  it('reads Google Contacts headers, and refuses a CSV with no contact columns', async () => {
    const { fx, ids } = await workbookWithUnits('Sales');
    const google =
      'Name,Given Name,Family Name,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Title\nPat Kim,Pat,Kim,* Work,pat@sales.example,+1 555 0123,Buyer\n';
    const preview = await fx.call('previewContactsImport', {
      unitId: ids[0],
      fileName: 'google.csv',
      text: google,
    });
    expect(preview.rows[0]!.fields).toMatchObject({
      name: 'Pat Kim',
      email: 'pat@sales.example',
      phone: '+1 555 0123',
      title: 'Buyer',
    });
    await expect(
      fx.call('previewContactsImport', { unitId: ids[0], fileName: 'x.csv', text: 'a,b\n1,2\n' }),
    ).rejects.toThrow(/none of the columns/);
  });
});
