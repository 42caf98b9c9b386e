import { z } from 'zod';
import { idSchema } from '../domain/common';
import { ccListSchema, DISTRIBUTION_KINDS } from '../domain/distribution';
import type { SavedDocument } from '../domain/documents';
import { method } from './define';

/** A file handed to the BRM's mail or calendar program, and who it addresses. */
export interface DistributionFile extends SavedDocument {
  /** Where the file was written (the name for `savedTo`, which every export shares), or null. */
  path: string | null;
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
  /**
   * An iCalendar invitation (METHOD:REQUEST), or with `cancel` its cancellation (METHOD:CANCEL). For a
   * meeting of a series, `series` asks for the whole series (RRULE, EXDATE) instead of this meeting only
   * (RECURRENCE-ID); it is refused for a meeting planned on its own.
   */
  exportMeetingInvitation: method<DistributionFile & { sequence: number; uid: string }>()(
    z.strictObject({
      meetingId: idSchema,
      cancel: z.boolean().default(false),
      series: z.boolean().default(false),
    }),
  ),
  /** The open actions of a unit (or of every unit) as all-day events on their due dates. */
  exportActionsCalendar: method<SavedDocument & { path: string | null; count: number }>()(
    z.strictObject({ unitId: idSchema.nullable() }),
  ),
};
