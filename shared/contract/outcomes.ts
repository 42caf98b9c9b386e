import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, LIMITS } from '../domain/common';
import type { SavedDocument } from '../domain/documents';
import { measuredTextSchema, outcomeFieldsSchema, type Outcome } from '../domain/outcomes';
import { method } from './define';

export const outcomesContract = {
  listOutcomes: method<Outcome[]>()(z.strictObject({ unitId: idSchema.nullable() })),
  /** Creates an outcome (no id) or replaces its fields (id given); its measured values are kept. */
  saveOutcome: method<Outcome>()(
    z.strictObject({ unitId: idSchema, id: idSchema.nullable(), fields: outcomeFieldsSchema }),
  ),
  deleteOutcome: method<{ deleted: string }>()(z.strictObject({ unitId: idSchema, id: idSchema })),
  /** A measured value, as entered with its unit; in a meeting when meetingId is given. */
  recordOutcomeValue: method<Outcome>()(
    z.strictObject({
      outcomeId: idSchema,
      date: isoDateSchema,
      value: measuredTextSchema,
      note: optionalText(LIMITS.shortText),
      meetingId: idSchema.optional(),
    }),
  ),
  /** The "Value realised" Word report of one unit, or of all units. */
  exportValueReport: method<SavedDocument>()(z.strictObject({ unitId: idSchema.nullable() })),
};
