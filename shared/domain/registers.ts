import { z } from 'zod';
import { LIMITS, idSchema, isoDateSchema, optionalText, recordMeta, requiredName } from './common';
import { DEFAULT_IDEAL_SPLIT, idealSplitSchema } from './time-log';

/**
 * The BRM's registers (seed 002 "Management of agreements", "Manage complaints", "Measurement of customer
 * satisfaction"; seed 004 "Complaints and compliments"). Each register has a *fields* schema (what the user
 * edits, with the cross-field rules and their messages) and a *stored* schema (fields plus identity). The
 * stored schemas carry only the shape, never the cross-field rules: a rule added later must not make an
 * older file fail to load.
 */

// ── Agreements ────────────────────────────────────────────────────────────────

export const AGREEMENT_TYPES = ['sla', 'ola', 'contract', 'memorandum'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export const AGREEMENT_TYPE_LABELS: Record<AgreementType, string> = {
  sla: 'SLA',
  ola: 'OLA',
  contract: 'Contract',
  memorandum: 'Memorandum',
};

export const AGREEMENT_STATUSES = ['draft', 'active', 'under-review', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  'under-review': 'Under review',
  expired: 'Expired',
};
/** Agreements that bind the parties now: the ones that count as "written agreements" and come up for review. */
export const isAgreementInForce = (status: AgreementStatus): boolean =>
  status === 'active' || status === 'under-review';

/** Whether a higher or a lower achieved value meets the target (availability vs. resolution time). */
export const TARGET_DIRECTIONS = ['at-least', 'at-most'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
export const TARGET_DIRECTION_SYMBOLS: Record<TargetDirection, string> = { 'at-least': '≥', 'at-most': '≤' };

export const FINANCING_PERIODS = ['one-off', 'monthly', 'quarterly', 'yearly'] as const;
export type FinancingPeriod = (typeof FINANCING_PERIODS)[number];
export const FINANCING_PERIOD_LABELS: Record<FinancingPeriod, string> = {
  'one-off': 'one-off',
  monthly: 'per month',
  quarterly: 'per quarter',
  yearly: 'per year',
};

export const serviceLevelSchema = z.strictObject({
  id: idSchema,
  metric: requiredName('Metric'),
  target: z.number({ error: 'Enter the target as a number.' }).finite('Enter the target as a number.'),
  unit: optionalText(40),
  direction: z.enum(TARGET_DIRECTIONS),
});
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

export const agreedServiceSchema = z.strictObject({
  id: idSchema,
  name: requiredName('Service name'),
  levels: z.array(serviceLevelSchema).max(100),
});
export type AgreedService = z.infer<typeof agreedServiceSchema>;

export const financingSchema = z.strictObject({
  amount: z
    .number({ error: 'Enter the amount as a number.' })
    .finite('Enter the amount as a number.')
    .min(0, 'The amount cannot be negative.')
    .max(1e13, 'That amount is too large.')
    .nullable(),
  currency: z.string().regex(/^$|^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR.'),
  period: z.enum(FINANCING_PERIODS),
  costCentre: optionalText(LIMITS.name),
});
export type Financing = z.infer<typeof financingSchema>;

/** A scheme at the start ("https:", "javascript:") marks a link; "Ref: 12" (colon then space) is plain text. */
const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:(?!\s)/i;

/** The reference is shown as a link only when it is an https address; anything else is plain text. */
export function referenceLink(reference: string): string | null {
  const text = reference.trim();
  if (!SCHEME_PREFIX.test(text)) return null;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password
      ? url.href
      : null;
  } catch {
    return null;
  }
}

const referenceSchema = optionalText(LIMITS.shortText).refine(
  (value) => !SCHEME_PREFIX.test(value.trim()) || referenceLink(value) !== null,
  'Use an https:// link, or a plain reference such as a document number.',
);

const agreementFieldsShape = z.strictObject({
  type: z.enum(AGREEMENT_TYPES),
  title: requiredName('Title'),
  services: z.array(agreedServiceSchema).max(200),
  financing: financingSchema,
  startDate: isoDateSchema.nullable(),
  endDate: isoDateSchema.nullable(),
  reviewDate: isoDateSchema.nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  /** The unit's customer who signed (a contact of the unit), or null while unsigned. */
  customerContactId: idSchema.nullable(),
  /** Who signed on the IT side, by name. */
  itSignatories: z.array(requiredName('Signatory')).max(20),
  /** Seed 004: what counts as a complaint, agreed with the customer. */
  complaintDefinition: optionalText(LIMITS.shortText),
  reference: referenceSchema,
});

export const agreementFieldsSchema = agreementFieldsShape.superRefine((fields, ctx) => {
  if (fields.startDate && fields.endDate && fields.endDate < fields.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date is before the start date.' });
  }
  if (fields.financing?.amount != null && fields.financing.currency === '') {
    ctx.addIssue({
      code: 'custom',
      path: ['financing', 'currency'],
      message: 'Give the currency of the amount, such as EUR.',
    });
  }
});
export type AgreementFields = z.infer<typeof agreementFieldsSchema>;

export const agreementSchema = z.strictObject({
  ...recordMeta,
  ...agreementFieldsShape.shape,
  unitId: idSchema,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const emptyAgreementFields = (): AgreementFields => ({
  type: 'sla',
  title: '',
  services: [],
  financing: { amount: null, currency: 'EUR', period: 'yearly', costCentre: '' },
  startDate: null,
  endDate: null,
  reviewDate: null,
  status: 'draft',
  customerContactId: null,
  itSignatories: [],
  complaintDefinition: '',
  reference: '',
});

// ── Complaints and compliments ────────────────────────────────────────────────

export const FEEDBACK_KINDS = ['complaint', 'compliment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_KIND_LABELS: Record<FeedbackKind, string> = {
  complaint: 'Complaint',
  compliment: 'Compliment',
};

export const FEEDBACK_SUBJECTS = ['service', 'team', 'person'] as const;
export type FeedbackSubject = (typeof FEEDBACK_SUBJECTS)[number];
export const FEEDBACK_SUBJECT_LABELS: Record<FeedbackSubject, string> = {
  service: 'Service',
  team: 'Team',
  person: 'Person',
};

export const COMPLAINT_SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];
export const COMPLAINT_SEVERITY_LABELS: Record<ComplaintSeverity, string> = {
  minor: 'Minor',
  moderate: 'Moderate',
  serious: 'Serious',
};

export const COMPLAINT_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  resolved: 'Resolved',
};

const feedbackFieldsShape = z.strictObject({
  kind: z.enum(FEEDBACK_KINDS),
  date: isoDateSchema,
  /** The contact it came from, or null when it came from someone entered by name. */
  fromContactId: idSchema.nullable(),
  fromName: requiredName('From whom'),
  aboutKind: z.enum(FEEDBACK_SUBJECTS),
  aboutName: z
    .string()
    .trim()
    .min(1, 'Say which service, team or person it is about.')
    .max(LIMITS.name, `This can be at most ${LIMITS.name} characters.`),
  description: z
    .string()
    .trim()
    .min(1, 'Describe what was said.')
    .max(LIMITS.longText, 'The description is too long.'),
  /** Complaints only. */
  severity: z.enum(COMPLAINT_SEVERITIES).nullable(),
  status: z.enum(COMPLAINT_STATUSES).nullable(),
  resolution: optionalText(LIMITS.longText),
  rootCause: optionalText(LIMITS.longText),
  /** Compliments only: seed 004 asks that praise reaches the named people or teams. */
  passedOnTo: optionalText(LIMITS.name),
  passedOnDate: isoDateSchema.nullable(),
});

export const feedbackFieldsSchema = feedbackFieldsShape.superRefine((f, ctx) => {
  if (f.kind === 'complaint') {
    if (!f.severity)
      ctx.addIssue({ code: 'custom', path: ['severity'], message: 'Choose how serious the complaint is.' });
    if (!f.status) ctx.addIssue({ code: 'custom', path: ['status'], message: 'Choose the status.' });
    if (f.status === 'resolved' && !f.resolution?.trim()) {
      ctx.addIssue({
        code: 'custom',
        path: ['resolution'],
        message: 'Describe how the complaint was resolved before marking it resolved.',
      });
    }
  } else {
    if (f.passedOnDate && f.date && f.passedOnDate < f.date) {
      ctx.addIssue({
        code: 'custom',
        path: ['passedOnDate'],
        message: 'A compliment cannot be passed on before it was received.',
      });
    }
    if (f.passedOnDate && !f.passedOnTo?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['passedOnTo'], message: 'Say to whom it was passed on.' });
    }
  }
});
export type FeedbackFields = z.infer<typeof feedbackFieldsSchema>;

export const feedbackSchema = z.strictObject({
  ...recordMeta,
  ...feedbackFieldsShape.shape,
  unitId: idSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;

/** Keeps only the fields that belong to the record's kind, so a compliment never carries a complaint status. */
export function normaliseFeedback(fields: FeedbackFields): FeedbackFields {
  return fields.kind === 'complaint'
    ? { ...fields, passedOnTo: '', passedOnDate: null }
    : { ...fields, severity: null, status: null, resolution: '', rootCause: '' };
}

export const isOpenComplaint = (f: Pick<Feedback, 'kind' | 'status'>): boolean =>
  f.kind === 'complaint' && f.status !== 'resolved';

export const emptyFeedbackFields = (kind: FeedbackKind, date: string): FeedbackFields => ({
  kind,
  date,
  fromContactId: null,
  fromName: '',
  aboutKind: 'service',
  aboutName: '',
  description: '',
  severity: kind === 'complaint' ? 'moderate' : null,
  status: kind === 'complaint' ? 'open' : null,
  resolution: '',
  rootCause: '',
  passedOnTo: '',
  passedOnDate: null,
});

// ── Satisfaction surveys ──────────────────────────────────────────────────────

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
const SCORE_MESSAGE = `Scores run from ${SCORE_MIN} to ${SCORE_MAX}.`;
export const scoreSchema = z
  .number({ error: SCORE_MESSAGE })
  .int(SCORE_MESSAGE)
  .min(SCORE_MIN, SCORE_MESSAGE)
  .max(SCORE_MAX, SCORE_MESSAGE);

export const surveyQuestionSchema = z.strictObject({
  id: idSchema,
  text: z
    .string()
    .trim()
    .min(1, 'A question needs some text.')
    .max(LIMITS.shortText, 'This question is too long.'),
});
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;

export const surveyQuestionsSchema = z
  .array(surveyQuestionSchema)
  .min(1, 'Keep at least one question.')
  .max(50, 'A survey can have at most 50 questions.')
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'Each question must be listed once.');

/** Sensible defaults: overall satisfaction plus what seed 004 says customers judge IT by. */
export const DEFAULT_SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  { id: 'overall', text: 'Overall, how satisfied are you with the IT services you receive?' },
  { id: 'reliability', text: 'The services are reliable and perform as agreed.' },
  { id: 'responsiveness', text: 'Requests and incidents are handled promptly.' },
  { id: 'communication', text: 'IT keeps us informed about what affects us.' },
  { id: 'understanding', text: 'IT understands our business and its needs.' },
  { id: 'value-for-money', text: 'The IT services give value for money.' },
];

const surveyFieldsShape = z.strictObject({
  date: isoDateSchema,
  respondentContactId: idSchema.nullable(),
  respondentName: requiredName('Respondent'),
  /** Question id → score; a question left out was not answered. */
  scores: z.record(idSchema, scoreSchema),
  comment: optionalText(LIMITS.longText),
});

export const surveyFieldsSchema = surveyFieldsShape.superRefine((s, ctx) => {
  if (s.scores && Object.keys(s.scores).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['scores'], message: 'Give at least one score.' });
  }
});
export type SurveyFields = z.infer<typeof surveyFieldsSchema>;

export const surveySchema = z.strictObject({
  ...recordMeta,
  ...surveyFieldsShape.shape,
  unitId: idSchema,
});
export type Survey = z.infer<typeof surveySchema>;

// ── Register settings ─────────────────────────────────────────────────────────

export const registerSettingsSchema = z.strictObject({
  surveyQuestions: surveyQuestionsSchema,
  idealSplit: idealSplitSchema,
});
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

export const defaultRegisterSettings = (): RegisterSettings => ({
  surveyQuestions: DEFAULT_SURVEY_QUESTIONS.map((q) => ({ ...q })),
  idealSplit: { ...DEFAULT_IDEAL_SPLIT },
});
