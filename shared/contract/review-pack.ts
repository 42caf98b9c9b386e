import { z } from 'zod';
import { LIMITS, idSchema, isoDateSchema, optionalText, richText } from '../domain/common';
import { requiredDate } from '../domain/meetings';
import type { ReviewPack } from '../domain/review-pack-assembly';
import type { ServiceLevelRef } from '../domain/service-levels';
import {
  PACK_SECTION_KEYS,
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
  serviceResultFieldsSchema,
  type WatchNote,
} from '../domain/review-pack';
import { CSV_REGISTERS } from '../csv/register-exports';
import { IMPORT_FIELDS, type ImportField, type ImportPlan } from '../csv/service-results-import';
import type { SavedDocument } from '../domain/documents';
import { method } from './define';
import { meetingsContract } from './meetings';

/** A unit's review-pack registers, as the unit page and the review-pack views load them. */
export interface UnitReviewRecords {
  /** Every service level of the unit's agreements: what results are recorded against. */
  serviceLevels: ServiceLevelRef[];
  serviceResults: ServiceResult[];
  majorIncidents: MajorIncident[];
  projects: Project[];
  requirements: Requirement[];
}

const inUnit = { unitId: idSchema, id: idSchema };

/** A CSV column heading, or null for "no column"; absent means "as detected". */
const column = z.string().max(200).nullable().optional();

/** A CSV file of service results, and the column the user chose for each value (else detected). */
const csvImport = z.strictObject({
  unitId: idSchema,
  csv: z.string().max(5_000_000, 'The file is larger than 5 MB: import a few months at a time.'),
  mapping: z.strictObject(
    Object.fromEntries(IMPORT_FIELDS.map((f) => [f, column])) as Record<ImportField, typeof column>,
  ),
});

export const reviewPackContract = {
  getReviewRecords: method<UnitReviewRecords>()(z.strictObject({ unitId: idSchema })),

  /** The achieved value of a service level in a month; a second value for the same month replaces it. */
  recordServiceResult: method<ServiceResult>()(
    z.strictObject({ unitId: idSchema, fields: serviceResultFieldsSchema }),
  ),
  deleteServiceResult: method<{ deleted: string }>()(z.strictObject(inUnit)),
  /** What an import would do: the mapped columns, the rows read, every row refused. Stores nothing. */
  previewServiceResultsImport: method<ImportPlan>()(csvImport),
  /** Stores every row of the file, or (when any row is refused) none. */
  importServiceResults: method<{ imported: number; replaced: number }>()(csvImport),

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

  /** What the BRM brings to a meeting, for its period, each part under its agenda item. */
  getReviewPack: method<ReviewPack>()(z.strictObject({ meetingId: idSchema })),
  /** The BRM's comment beside one part of a meeting's pack; empty text removes it. */
  setPackComment: method<ReviewPack>()(
    z.strictObject({
      meetingId: idSchema,
      section: z.enum(PACK_SECTION_KEYS),
      text: richText(LIMITS.longText),
    }),
  ),

  // Published reports (Word), in the house style of the minutes.
  exportCustomerStructureReport: method<SavedDocument>()(z.strictObject({})),
  /** The action log, filtered exactly as the action register filters. */
  exportActionLogReport: method<SavedDocument>()(meetingsContract.listActions.input.omit({ page: true })),
  exportSatisfactionReport: method<SavedDocument>()(
    z
      .strictObject({ unitId: idSchema.nullable(), from: isoDateSchema, to: isoDateSchema })
      .refine((r) => r.from <= r.to, { path: ['to'], message: 'The period ends before it starts.' }),
  ),
  exportAgreementsReport: method<SavedDocument>()(z.strictObject({ unitId: idSchema.nullable() })),

  /** A register as CSV for spreadsheets, of one unit or (unitId null) of all units. */
  exportRegisterCsv: method<SavedDocument>()(
    z.strictObject({ register: z.enum(CSV_REGISTERS), unitId: idSchema.nullable() }),
  ),
};
