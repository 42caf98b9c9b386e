/** Contacts in and out of the workbook as vCard and Outlook/Google CSV files. */
import type { ContactFields, ContactRole } from './customers';

/** What the BRM chooses per row: add it, merge it into the contact it duplicates, or leave it out. */
export const IMPORT_CHOICES = ['add', 'merge', 'skip'] as const;
export type ImportChoice = (typeof IMPORT_CHOICES)[number];

export type ImportRowStatus = 'new' | 'duplicate' | 'invalid';

export interface ImportRow {
  /** Where the row starts in the file (1-based), as shown to the BRM and sent back with the choice. */
  line: number;
  status: ImportRowStatus;
  /** The contact read from the row (role: the one the file states, else the default). */
  fields: ContactFields | null;
  /** Duplicates: the contact it matches (an existing one, or a row earlier in this file). */
  duplicateOf: { name: string; email: string; line: number | null; why: 'email' | 'name' } | null;
  /** Invalid rows: why, in words. */
  reason: string | null;
}

export interface ContactsImportPreview {
  format: 'vcard' | 'csv';
  rows: ImportRow[];
}

export interface ContactsImportResult {
  added: number;
  merged: number;
  skipped: number;
}

export type { ContactRole };
