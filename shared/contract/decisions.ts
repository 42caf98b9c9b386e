import { z } from 'zod';
import { idSchema } from '../domain/common';
import type { SavedDocument } from '../domain/documents';
import {
  DECISION_QUERY_MAX,
  DECISION_STATUSES,
  decisionTargetSchema,
  type DecisionRow,
} from '../domain/decisions';
import { method } from './define';

export const decisionsContract = {
  /** Every decision of the unit's meetings (or of all units), newest first; query matches every word. */
  listDecisions: method<DecisionRow[]>()(
    z.strictObject({
      unitId: idSchema.nullable(),
      query: z.string().max(DECISION_QUERY_MAX, 'Search for at most 200 characters.').optional(),
    }),
  ),
  /** Records what a decision changed: an agreement or service level, a requirement, a project, an outcome. */
  linkDecision: method<DecisionRow>()(z.strictObject({ decisionId: idSchema, target: decisionTargetSchema })),
  unlinkDecision: method<DecisionRow>()(
    z.strictObject({ decisionId: idSchema, target: decisionTargetSchema }),
  ),
  /** In force, reversed, or superseded by a later decision (which must be named). */
  setDecisionStatus: method<DecisionRow>()(
    z
      .strictObject({
        decisionId: idSchema,
        status: z.enum(DECISION_STATUSES),
        supersededById: idSchema.nullable(),
      })
      .superRefine((arg, ctx) => {
        if (arg.status === 'superseded' && arg.supersededById === null) {
          ctx.addIssue({
            code: 'custom',
            path: ['supersededById'],
            message: 'Choose the decision that superseded it.',
          });
        }
        if (arg.supersededById !== null && arg.supersededById === arg.decisionId) {
          ctx.addIssue({
            code: 'custom',
            path: ['supersededById'],
            message: 'A decision cannot supersede itself.',
          });
        }
      }),
  ),
  exportDecisionsReport: method<SavedDocument>()(z.strictObject({ unitId: idSchema.nullable() })),
};
