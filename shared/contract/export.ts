import { z } from 'zod';
import { idSchema } from '../domain/common';
import type { SavedDocument } from '../domain/documents';
import { logoDataUrlSchema, type Settings } from '../domain/system';
import { method } from './define';

export const exportContract = {
  /** The minutes of a meeting as a Word document; drafts are marked as such. */
  exportMinutes: method<SavedDocument>()(z.strictObject({ meetingId: idSchema })),
  /** The agenda pre-read sent before a meeting: details, invitees, agenda with guidance, open actions. */
  exportAgenda: method<SavedDocument>()(z.strictObject({ meetingId: idSchema })),
  /** The logo in the header of every exported document; null removes it. */
  setDocumentLogo: method<Settings>()(z.strictObject({ dataUrl: logoDataUrlSchema.nullable() })),
};
