/**
 * The review pack's registers (issue 8): what a BRM compiles before each customer meeting — service
 * results against the agreed levels, major incidents, ongoing projects, requirements and improvement
 * proposals — and the technology-watch notes seed 002 calls "business intelligence".
 */
import { z } from 'zod';
import { LIMITS, idSchema, isoDateSchema, optionalText, recordMeta, requiredName } from './common';
import { requiredDate } from './meetings';

// ── Months ────────────────────────────────────────────────────────────────────

/** Service results are reported per calendar month, the rhythm of the periodic review (seed 004). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month in the form YYYY-MM (for example 2026-10).');
export type Month = string;

// ── Service results ───────────────────────────────────────────────────────────

/**
 * The achieved value of one service level of one agreement in one month. The target it is judged
 * against lives in the agreement, so a renegotiated target re-judges history; `targetAtRecording`
 * keeps what was agreed when the value came in, for the record.
 */
export const serviceResultFieldsSchema = z.strictObject({
  agreementId: idSchema,
  serviceLevelId: idSchema,
  month: monthSchema,
  achieved: z.number({ error: 'Enter the achieved value as a number.' }).finite('Enter a finite number.'),
  note: optionalText(),
});
export type ServiceResultFields = z.infer<typeof serviceResultFieldsSchema>;

export const serviceResultSchema = z.strictObject({
  ...recordMeta,
  ...serviceResultFieldsSchema.shape,
  source: z.enum(['typed', 'imported']),
});
export type ServiceResult = z.infer<typeof serviceResultSchema>;

// ── Major incidents ───────────────────────────────────────────────────────────

export const majorIncidentFieldsSchema = z.strictObject({
  date: requiredDate('Give the date of the incident.'),
  service: requiredName('Service'),
  title: requiredName('Incident'),
  impact: optionalText(LIMITS.longText),
  /** The review where the incident was discussed, once it has been. */
  discussedInMeetingId: idSchema.nullable(),
});
export type MajorIncidentFields = z.infer<typeof majorIncidentFieldsSchema>;

export const majorIncidentSchema = z.strictObject({ ...recordMeta, ...majorIncidentFieldsSchema.shape });
export type MajorIncident = z.infer<typeof majorIncidentSchema>;

// ── Projects ──────────────────────────────────────────────────────────────────

export const PROJECT_STAGES = ['initiation', 'planning', 'execution', 'closing', 'closed'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROJECT_STAGE_LABELS: Record<ProjectStage, string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  closing: 'Closing',
  closed: 'Closed',
};

export const RAG_STATUSES = ['green', 'amber', 'red'] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];
export const RAG_LABELS: Record<RagStatus, string> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** One dated RAG assessment with the reason for it; the newest by date is the project's status. */
export const ragEntrySchema = z.strictObject({
  id: idSchema,
  date: requiredDate('Give the date of this assessment.'),
  rag: z.enum(RAG_STATUSES),
  comment: z.string().trim().min(1, 'Say why the project has this status.').max(LIMITS.shortText),
});
export type RagEntry = z.infer<typeof ragEntrySchema>;

const projectFieldsShape = z.strictObject({
  name: requiredName('Project name'),
  /** A contact of the unit; null when the sponsor is not (yet) recorded. */
  sponsorContactId: idSchema.nullable(),
  stage: z.enum(PROJECT_STAGES),
  startedOn: isoDateSchema.nullable(),
  plannedEnd: isoDateSchema.nullable(),
  forecastEnd: isoDateSchema.nullable(),
  description: optionalText(),
});

export const projectFieldsSchema = projectFieldsShape.superRefine((p, ctx) => {
  if (p.startedOn && p.plannedEnd && p.plannedEnd < p.startedOn) {
    ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'The planned end is before the start.' });
  }
  if (p.startedOn && p.forecastEnd && p.forecastEnd < p.startedOn) {
    ctx.addIssue({ code: 'custom', path: ['forecastEnd'], message: 'The forecast end is before the start.' });
  }
});
export type ProjectFields = z.infer<typeof projectFieldsSchema>;

/** Stored shape only: a cross-field rule added later must not make an older file fail to load. */
export const projectSchema = z.strictObject({
  ...recordMeta,
  ...projectFieldsShape.shape,
  ragHistory: z.array(ragEntrySchema).max(LIMITS.list),
});
export type Project = z.infer<typeof projectSchema>;

// ── Requirements and improvement proposals ────────────────────────────────────

/** Seed 002: the business raises requirements; the BRM initiates improvement proposals. */
export const REQUIREMENT_KINDS = ['requirement', 'proposal'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const REQUIREMENT_KIND_LABELS: Record<RequirementKind, string> = {
  requirement: 'Requirement',
  proposal: 'Improvement proposal',
};

/**
 * Seed 002: a purchaser may order from existing services, but anything that changes what IT delivers
 * or what it costs must go to the customer as a business decision.
 */
export const DECISION_ROUTES = ['customer-decision', 'purchasable'] as const;
export type DecisionRoute = (typeof DECISION_ROUTES)[number];
export const DECISION_ROUTE_LABELS: Record<DecisionRoute, string> = {
  'customer-decision': 'Needs a decision by the customer',
  purchasable: 'A purchaser can order it',
};

export const REQUIREMENT_STATUSES = [
  'raised',
  'analysing',
  'awaiting-decision',
  'approved',
  'rejected',
  'delivered',
  'withdrawn',
] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
export const REQUIREMENT_STATUS_LABELS: Record<RequirementStatus, string> = {
  raised: 'Raised',
  analysing: 'Being analysed',
  'awaiting-decision': 'Awaiting decision',
  approved: 'Decided: go ahead',
  rejected: 'Decided: not now',
  delivered: 'Delivered',
  withdrawn: 'Withdrawn',
};
/** Still on the table: the pack lists these until they are delivered, rejected or withdrawn. */
export const isRequirementOpen = (status: RequirementStatus): boolean =>
  status === 'raised' || status === 'analysing' || status === 'awaiting-decision' || status === 'approved';

/** Who raised a requirement: the contact, else the name typed, else (for a proposal) the BRM. */
export function raisedBy(
  r: Pick<Requirement, 'raisedByContactId' | 'raisedByName' | 'kind'>,
  contactName: (id: string | null) => string,
): string {
  return contactName(r.raisedByContactId) || r.raisedByName || (r.kind === 'proposal' ? 'BRM' : '');
}

export const requirementStatusChangeSchema = z.strictObject({
  id: idSchema,
  date: isoDateSchema,
  status: z.enum(REQUIREMENT_STATUSES),
  note: optionalText(),
});
export type RequirementStatusChange = z.infer<typeof requirementStatusChangeSchema>;

export const requirementFieldsSchema = z.strictObject({
  kind: z.enum(REQUIREMENT_KINDS),
  title: requiredName('Title'),
  description: optionalText(LIMITS.longText),
  /** The contact who raised it; null for the BRM's own proposals or someone not in the directory. */
  raisedByContactId: idSchema.nullable(),
  /** Who raised it when not a recorded contact ("BRM", a name). */
  raisedByName: optionalText(LIMITS.name),
  raisedOn: requiredDate('Give the date it was raised.'),
  decisionRoute: z.enum(DECISION_ROUTES),
  /** The meeting where it was (last) discussed. */
  discussedInMeetingId: idSchema.nullable(),
});
export type RequirementFields = z.infer<typeof requirementFieldsSchema>;

export const requirementSchema = z.strictObject({
  ...recordMeta,
  ...requirementFieldsSchema.shape,
  status: z.enum(REQUIREMENT_STATUSES),
  /** Every status change with its date, oldest first; the first entry is the raise itself. */
  history: z.array(requirementStatusChangeSchema).min(1).max(LIMITS.list),
});
export type Requirement = z.infer<typeof requirementSchema>;

// ── Technology watch ──────────────────────────────────────────────────────────

const httpsLink = z
  .string()
  .trim()
  .max(2_000)
  .refine(
    (value) => value === '' || /^https:\/\/\S+$/i.test(value),
    'Use a web address starting with https://.',
  );

export const watchNoteFieldsSchema = z.strictObject({
  title: requiredName('Title'),
  note: optionalText(LIMITS.longText),
  link: httpsLink,
  notedOn: requiredDate('Give the date of the note.'),
  /** The units it could help; a note may concern several, or none yet. */
  unitIds: z.array(idSchema).max(500),
  /** Set once it has been brought to the units' meetings and needs no more attention. */
  archived: z.boolean(),
});
export type WatchNoteFields = z.infer<typeof watchNoteFieldsSchema>;

export const watchNoteSchema = z.strictObject({ ...recordMeta, ...watchNoteFieldsSchema.shape });
export type WatchNote = z.infer<typeof watchNoteSchema>;

// ── The BRM's comments on a meeting's pack ────────────────────────────────────

export const PACK_SECTION_KEYS = [
  'service-performance',
  'major-incidents',
  'projects',
  'requirements',
  'feedback',
  'satisfaction',
  'agreements',
  'technology-watch',
  'outcomes',
] as const;
export type PackSectionKey = (typeof PACK_SECTION_KEYS)[number];

const packComment = optionalText(LIMITS.longText).optional();

/** What the BRM writes beside each part of the pack before (or during) the meeting. */
export const packCommentsSchema = z.strictObject({
  meetingId: idSchema,
  comments: z.strictObject(
    Object.fromEntries(PACK_SECTION_KEYS.map((k) => [k, packComment])) as Record<
      PackSectionKey,
      typeof packComment
    >,
  ),
});
export type PackComments = z.infer<typeof packCommentsSchema>;
