import { z } from 'zod';
import type { AgendaContextSection } from '../domain/agenda-context';
import { idSchema, isoDateSchema } from '../domain/common';
import type { Dashboard } from '../domain/dashboard';
import {
  agreementFieldsSchema,
  feedbackFieldsSchema,
  surveyFieldsSchema,
  surveyQuestionsSchema,
  type Agreement,
  type Feedback,
  type RegisterSettings,
  type Survey,
} from '../domain/registers';
import { idealSplitSchema, timeEntryFieldsSchema, type TimeEntry } from '../domain/time-log';
import { method } from './define';

/** One unit's register, or every unit's when unitId is null. */
const scope = z.strictObject({ unitId: idSchema.nullable() });
const recordRef = z.strictObject({ unitId: idSchema, id: idSchema });
type Deleted = { deleted: string };

export const registersContract = {
  listAgreements: method<Agreement[]>()(scope),
  createAgreement: method<Agreement>()(z.strictObject({ unitId: idSchema, fields: agreementFieldsSchema })),
  updateAgreement: method<Agreement>()(
    z.strictObject({ unitId: idSchema, id: idSchema, fields: agreementFieldsSchema }),
  ),
  deleteAgreement: method<Deleted>()(recordRef),

  listFeedback: method<Feedback[]>()(scope),
  createFeedback: method<Feedback>()(z.strictObject({ unitId: idSchema, fields: feedbackFieldsSchema })),
  updateFeedback: method<Feedback>()(
    z.strictObject({ unitId: idSchema, id: idSchema, fields: feedbackFieldsSchema }),
  ),
  deleteFeedback: method<Deleted>()(recordRef),

  listSurveys: method<Survey[]>()(scope),
  createSurvey: method<Survey>()(z.strictObject({ unitId: idSchema, fields: surveyFieldsSchema })),
  updateSurvey: method<Survey>()(
    z.strictObject({ unitId: idSchema, id: idSchema, fields: surveyFieldsSchema }),
  ),
  deleteSurvey: method<Deleted>()(recordRef),

  getRegisterSettings: method<RegisterSettings>()(z.strictObject({})),
  updateSurveyQuestions: method<RegisterSettings>()(z.strictObject({ questions: surveyQuestionsSchema })),
  updateIdealSplit: method<RegisterSettings>()(z.strictObject({ split: idealSplitSchema })),

  listTimeEntries: method<TimeEntry[]>()(
    z
      .strictObject({ from: isoDateSchema, to: isoDateSchema })
      .refine((r) => r.from <= r.to, { message: 'The period ends before it starts.', path: ['to'] }),
  ),
  createTimeEntry: method<TimeEntry>()(z.strictObject({ fields: timeEntryFieldsSchema })),
  updateTimeEntry: method<TimeEntry>()(z.strictObject({ id: idSchema, fields: timeEntryFieldsSchema })),
  deleteTimeEntry: method<Deleted>()(z.strictObject({ id: idSchema })),

  /** Seed 002's measurements and what needs attention, as of today. */
  getDashboard: method<Dashboard>()(z.strictObject({})),
  /** What the registers bring to a meeting's agenda (see shared/domain/agenda-context.ts). */
  getAgendaContext: method<AgendaContextSection[]>()(z.strictObject({ meetingId: idSchema })),
};
