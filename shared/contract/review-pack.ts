import { z } from 'zod';
import { idSchema, optionalText } from '../domain/common';
import { requiredDate } from '../domain/meetings';
import {
  RAG_STATUSES,
  REQUIREMENT_STATUSES,
  majorIncidentFieldsSchema,
  projectFieldsSchema,
  ragEntrySchema,
  requirementFieldsSchema,
  watchNoteFieldsSchema,
  type MajorIncident,
  type Project,
  type Requirement,
  type ServiceResult,
  type WatchNote,
} from '../domain/review-pack';
import { CSV_REGISTERS } from '../csv/register-exports';
import type { SavedDocument } from '../domain/documents';
import { method } from './define';

/** A unit's review-pack registers, as the unit page and the review-pack views load them. */
export interface UnitReviewRecords {
  serviceResults: ServiceResult[];
  majorIncidents: MajorIncident[];
  projects: Project[];
  requirements: Requirement[];
}

const inUnit = { unitId: idSchema, id: idSchema };

export const reviewPackContract = {
  getReviewRecords: method<UnitReviewRecords>()(z.strictObject({ unitId: idSchema })),

  createMajorIncident: method<MajorIncident>()(
    z.strictObject({ unitId: idSchema, fields: majorIncidentFieldsSchema }),
  ),
  updateMajorIncident: method<MajorIncident>()(
    z.strictObject({ ...inUnit, fields: majorIncidentFieldsSchema }),
  ),
  deleteMajorIncident: method<{ deleted: string }>()(z.strictObject(inUnit)),

  createProject: method<Project>()(
    z.strictObject({
      unitId: idSchema,
      fields: projectFieldsSchema,
      /** Every project starts with a RAG status and the reason for it. */
      rag: ragEntrySchema.omit({ id: true }),
    }),
  ),
  updateProject: method<Project>()(z.strictObject({ ...inUnit, fields: projectFieldsSchema })),
  recordProjectRag: method<Project>()(
    z.strictObject({
      ...inUnit,
      date: ragEntrySchema.shape.date,
      rag: z.enum(RAG_STATUSES),
      comment: ragEntrySchema.shape.comment,
    }),
  ),
  deleteProject: method<{ deleted: string }>()(z.strictObject(inUnit)),

  createRequirement: method<Requirement>()(
    z.strictObject({ unitId: idSchema, fields: requirementFieldsSchema }),
  ),
  updateRequirement: method<Requirement>()(z.strictObject({ ...inUnit, fields: requirementFieldsSchema })),
  changeRequirementStatus: method<Requirement>()(
    z.strictObject({
      ...inUnit,
      status: z.enum(REQUIREMENT_STATUSES),
      date: requiredDate('Give the date of the change.'),
      note: optionalText(),
    }),
  ),
  deleteRequirement: method<{ deleted: string }>()(z.strictObject(inUnit)),

  listWatchNotes: method<WatchNote[]>()(z.strictObject({})),
  createWatchNote: method<WatchNote>()(z.strictObject({ fields: watchNoteFieldsSchema })),
  updateWatchNote: method<WatchNote>()(z.strictObject({ id: idSchema, fields: watchNoteFieldsSchema })),
  deleteWatchNote: method<{ deleted: string }>()(z.strictObject({ id: idSchema })),

  /** A register as CSV for spreadsheets, of one unit or (unitId null) of all units. */
  exportRegisterCsv: method<SavedDocument>()(
    z.strictObject({ register: z.enum(CSV_REGISTERS), unitId: idSchema.nullable() }),
  ),
};
