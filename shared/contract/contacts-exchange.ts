import { z } from 'zod';
import { LIMITS, idSchema } from '../domain/common';
import { CONTACT_ROLES } from '../domain/customers';
import type { SavedDocument } from '../domain/documents';
import type { ContactsImportPreview, ContactsImportResult } from '../domain/contacts-exchange';
import { IMPORT_CHOICES } from '../domain/contacts-exchange';
import { method } from './define';

/** A vCard or CSV file as read in the page: its name says the format, its text is parsed here. */
const importFile = {
  unitId: idSchema,
  fileName: z.string().trim().min(1, 'The file has no name.').max(LIMITS.name),
  text: z.string().max(5_000_000, 'The file is larger than 5 MB. Split it and import the parts.'),
};

export const contactsExchangeContract = {
  /** What importing the file would do, row by row; nothing is written. */
  previewContactsImport: method<ContactsImportPreview>()(z.strictObject(importFile)),
  /** Imports the rows as chosen in the preview, in one change: every row, or (on an error) none. */
  importContacts: method<ContactsImportResult>()(
    z.strictObject({
      ...importFile,
      choices: z
        .array(
          z.strictObject({
            line: z.number().int().min(1).max(10_000_000),
            action: z.enum(IMPORT_CHOICES),
            role: z.enum(CONTACT_ROLES),
          }),
        )
        .max(LIMITS.list),
    }),
  ),
  /** The unit's contacts as one vCard 4.0 file. */
  exportContacts: method<SavedDocument & { path: string | null; count: number }>()(
    z.strictObject({ unitId: idSchema }),
  ),
};
