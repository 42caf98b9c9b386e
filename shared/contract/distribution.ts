import { z } from 'zod';
import { idSchema } from '../domain/common';
import { ccListSchema, DISTRIBUTION_KINDS } from '../domain/distribution';
import type { SavedDocument } from '../domain/documents';
import { method } from './define';

/** A file handed to the BRM's mail or calendar program, and who it addresses. */
export interface DistributionFile extends SavedDocument {
  /** The addresses the file is for ("Name <address>"). */
  to: string[];
  /** Invitees with no e-mail address on file: shown, never silently dropped. */
  missing: string[];
}

export const distributionContract = {
  /**
   * The minutes (or the agenda pre-read) as a ready-to-send mail draft (.eml, `X-Unsent: 1`) to every
   * invitee with an address, the Word document attached. The meeting records the distribution.
   */
  exportMinutesEmail: method<DistributionFile>()(
    z.strictObject({ meetingId: idSchema, kind: z.enum(DISTRIBUTION_KINDS), cc: ccListSchema.default([]) }),
  ),
  /** An iCalendar invitation (METHOD:REQUEST), or with `cancel` its cancellation (METHOD:CANCEL). */
  exportMeetingInvitation: method<DistributionFile & { sequence: number }>()(
    z.strictObject({ meetingId: idSchema, cancel: z.boolean().default(false) }),
  ),
  /** The open actions of a unit (or of every unit) as all-day events on their due dates. */
  exportActionsCalendar: method<SavedDocument & { count: number }>()(
    z.strictObject({ unitId: idSchema.nullable() }),
  ),
};
