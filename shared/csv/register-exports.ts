/**
 * The columns of every register exported to CSV, for spreadsheets. Ids never appear: each reference is
 * written as the name a reader knows (the unit, the contact, the meeting's date and kind).
 */
import { CONTACT_ROLE_LABELS, type BusinessUnit, type Contact } from '../domain/customers';
import { ACTION_STATUS_LABELS, MEETING_KIND_LABELS, isActionOpen, type ActionItem } from '../domain/meetings';
import { serviceLines, surveyAverage } from '../domain/register-rules';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPE_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_SUBJECT_LABELS,
  FINANCING_PERIOD_LABELS,
  type Agreement,
  type Feedback,
  type Survey,
  type SurveyQuestion,
} from '../domain/registers';
import {
  DECISION_ROUTE_LABELS,
  PROJECT_STAGE_LABELS,
  RAG_LABELS,
  REQUIREMENT_KIND_LABELS,
  REQUIREMENT_STATUS_LABELS,
  raisedBy,
  type MajorIncident,
  type Project,
  type Requirement,
  type ServiceResult,
  type WatchNote,
} from '../domain/review-pack';
import { VERDICT_LABELS, describeTarget, judge, type ServiceLevelRef } from '../domain/service-levels';
import { DECISION_STATUS_LABELS, DECISION_TARGET_LABELS, type DecisionRow } from '../domain/decisions';
import type { CsvColumn } from './csv';

export const CSV_REGISTERS = [
  'units',
  'contacts',
  'actions',
  'agreements',
  'feedback',
  'surveys',
  'service-results',
  'major-incidents',
  'projects',
  'requirements',
  'technology-watch',
  'decisions',
] as const;
export type CsvRegister = (typeof CSV_REGISTERS)[number];
export const CSV_REGISTER_LABELS: Record<CsvRegister, string> = {
  units: 'Business units',
  contacts: 'Contacts',
  actions: 'Actions',
  agreements: 'Agreements',
  feedback: 'Complaints and compliments',
  surveys: 'Satisfaction surveys',
  'service-results': 'Service results',
  'major-incidents': 'Major incidents',
  projects: 'Projects',
  requirements: 'Requirements and proposals',
  'technology-watch': 'Technology watch',
  decisions: 'Decisions',
};

/** How references are turned into names; built by the caller from the directory and meetings. */
export interface ExportLookups {
  /** "Retail › Mortgages": the unit with its parents, so rows from different branches are told apart. */
  unitPath: (unitId: string) => string;
  contactName: (contactId: string | null) => string;
  meetingLabel: (meetingId: string | null) => string;
}

/** A record of a per-unit register, with the unit it belongs to. */
export type InUnit<T> = T & { unitId: string };

const unitColumn = <T extends { unitId: string }>(l: ExportLookups): CsvColumn<T> => ({
  header: 'Business unit',
  value: (r) => l.unitPath(r.unitId),
});

export interface UnitRow {
  unit: BusinessUnit;
  contacts: readonly Contact[];
}

export const unitColumns = (l: ExportLookups): CsvColumn<UnitRow>[] => [
  { header: 'Business unit', value: (r) => l.unitPath(r.unit.id) },
  { header: 'Level', value: (r) => r.unit.kind },
  {
    header: 'Customer',
    value: (r) => r.contacts.find((c) => c.role === 'customer')?.name ?? '',
  },
  {
    header: 'Purchasers',
    value: (r) =>
      r.contacts
        .filter((c) => c.role === 'purchaser')
        .map((c) => c.name)
        .join('; '),
  },
  { header: 'Designated IT contact', value: (r) => r.unit.itContact },
  { header: 'Plans reviewed on', value: (r) => r.unit.plansReviewedOn ?? '' },
  { header: 'Archived', value: (r) => (r.unit.archived ? 'yes' : 'no') },
];

export const contactColumns = (l: ExportLookups): CsvColumn<Contact>[] => [
  unitColumn(l),
  { header: 'Role', value: (c) => CONTACT_ROLE_LABELS[c.role] },
  { header: 'Name', value: (c) => c.name },
  { header: 'Job title', value: (c) => c.title },
  { header: 'Email', value: (c) => c.email },
  { header: 'Phone', value: (c) => c.phone },
  { header: 'Designated IT contact', value: (c) => c.itContact },
  { header: 'Notes', value: (c) => c.notes },
];

export const majorIncidentColumns = (l: ExportLookups): CsvColumn<InUnit<MajorIncident>>[] => [
  unitColumn(l),
  { header: 'Date', value: (i) => i.date },
  { header: 'Service', value: (i) => i.service },
  { header: 'Incident', value: (i) => i.title },
  { header: 'Impact', value: (i) => i.impact },
  { header: 'Discussed in', value: (i) => l.meetingLabel(i.discussedInMeetingId) },
];

export const projectColumns = (l: ExportLookups): CsvColumn<InUnit<Project>>[] => [
  unitColumn(l),
  { header: 'Project', value: (p) => p.name },
  { header: 'Sponsor', value: (p) => l.contactName(p.sponsorContactId) },
  { header: 'Stage', value: (p) => PROJECT_STAGE_LABELS[p.stage] },
  { header: 'RAG', value: (p) => latestRagLabel(p) },
  { header: 'RAG as of', value: (p) => p.ragHistory.at(-1)?.date ?? '' },
  { header: 'RAG comment', value: (p) => p.ragHistory.at(-1)?.comment ?? '' },
  { header: 'Started', value: (p) => p.startedOn ?? '' },
  { header: 'Planned end', value: (p) => p.plannedEnd ?? '' },
  { header: 'Forecast end', value: (p) => p.forecastEnd ?? '' },
  { header: 'Description', value: (p) => p.description },
];

function latestRagLabel(p: Project): string {
  const latest = p.ragHistory.at(-1);
  return latest ? RAG_LABELS[latest.rag] : '';
}

export const requirementColumns = (l: ExportLookups): CsvColumn<InUnit<Requirement>>[] => [
  unitColumn(l),
  { header: 'Kind', value: (r) => REQUIREMENT_KIND_LABELS[r.kind] },
  { header: 'Title', value: (r) => r.title },
  { header: 'Raised by', value: (r) => raisedBy(r, l.contactName) },
  { header: 'Raised on', value: (r) => r.raisedOn },
  { header: 'Decision', value: (r) => DECISION_ROUTE_LABELS[r.decisionRoute] },
  { header: 'Status', value: (r) => REQUIREMENT_STATUS_LABELS[r.status] },
  { header: 'Status since', value: (r) => r.history.at(-1)?.date ?? r.raisedOn },
  { header: 'Discussed in', value: (r) => l.meetingLabel(r.discussedInMeetingId) },
  { header: 'Description', value: (r) => r.description },
];

export const watchNoteColumns = (l: ExportLookups): CsvColumn<WatchNote>[] => [
  { header: 'Noted on', value: (n) => n.notedOn },
  { header: 'Title', value: (n) => n.title },
  { header: 'Business units', value: (n) => n.unitIds.map(l.unitPath).join('; ') },
  { header: 'Link', value: (n) => n.link },
  { header: 'Note', value: (n) => n.note },
  { header: 'Archived', value: (n) => (n.archived ? 'yes' : 'no') },
];

/** `today` decides which open actions are overdue, as the register shows them. */
export const actionColumns = (l: ExportLookups, today: string): CsvColumn<ActionItem>[] => [
  unitColumn(l),
  { header: 'Action', value: (a) => a.title },
  { header: 'Owner', value: (a) => a.owner },
  { header: 'Due', value: (a) => a.dueDate },
  { header: 'Status', value: (a) => ACTION_STATUS_LABELS[a.status] },
  { header: 'Overdue', value: (a) => (isActionOpen(a.status) && a.dueDate < today ? 'yes' : 'no') },
  { header: 'Raised in', value: (a) => l.meetingLabel(a.raisedInMeetingId) },
  { header: 'Latest update', value: (a) => a.trail.at(-1)?.date ?? '' },
  { header: 'Latest update note', value: (a) => a.trail.at(-1)?.note ?? '' },
];

export const agreementColumns = (l: ExportLookups): CsvColumn<Agreement>[] => [
  unitColumn(l),
  { header: 'Type', value: (a) => AGREEMENT_TYPE_LABELS[a.type] },
  { header: 'Title', value: (a) => a.title },
  { header: 'Status', value: (a) => AGREEMENT_STATUS_LABELS[a.status] },
  { header: 'Service levels', value: (a) => serviceLines(a).join('; ') },
  { header: 'Amount', value: (a) => a.financing.amount },
  { header: 'Currency', value: (a) => a.financing.currency },
  { header: 'Financing period', value: (a) => FINANCING_PERIOD_LABELS[a.financing.period] },
  { header: 'Cost centre', value: (a) => a.financing.costCentre },
  { header: 'Start', value: (a) => a.startDate ?? '' },
  { header: 'End', value: (a) => a.endDate ?? '' },
  { header: 'Review', value: (a) => a.reviewDate ?? '' },
  { header: 'Customer signatory', value: (a) => l.contactName(a.customerContactId) },
  { header: 'IT signatories', value: (a) => a.itSignatories.join('; ') },
  { header: 'Complaint definition', value: (a) => a.complaintDefinition },
  { header: 'Reference', value: (a) => a.reference },
];

export const feedbackColumns = (l: ExportLookups): CsvColumn<Feedback>[] => [
  unitColumn(l),
  { header: 'Kind', value: (f) => FEEDBACK_KIND_LABELS[f.kind] },
  { header: 'Date', value: (f) => f.date },
  { header: 'From', value: (f) => f.fromName },
  { header: 'About', value: (f) => `${FEEDBACK_SUBJECT_LABELS[f.aboutKind]}: ${f.aboutName}` },
  { header: 'Description', value: (f) => f.description },
  { header: 'Severity', value: (f) => (f.severity ? COMPLAINT_SEVERITY_LABELS[f.severity] : '') },
  { header: 'Status', value: (f) => (f.status ? COMPLAINT_STATUS_LABELS[f.status] : '') },
  { header: 'Resolution', value: (f) => f.resolution },
  { header: 'Root cause', value: (f) => f.rootCause },
  { header: 'Passed on to', value: (f) => f.passedOnTo },
  { header: 'Passed on', value: (f) => f.passedOnDate ?? '' },
];

/** One column per question: the questions as configured, then any older ones scores still refer to. */
export function surveyColumns(
  l: ExportLookups,
  questions: readonly SurveyQuestion[],
  surveys: readonly Survey[],
): CsvColumn<Survey>[] {
  const known = new Set(questions.map((q) => q.id));
  const retired = [...new Set(surveys.flatMap((s) => Object.keys(s.scores)))].filter((id) => !known.has(id));
  return [
    unitColumn(l),
    { header: 'Date', value: (s) => s.date },
    { header: 'Respondent', value: (s) => s.respondentName },
    { header: 'Average', value: (s) => surveyAverage(s) },
    ...[...questions, ...retired.map((id) => ({ id, text: id }))].map((q) => ({
      header: q.text,
      value: (s: Survey) => s.scores[q.id] ?? null,
    })),
    { header: 'Comment', value: (s) => s.comment },
  ];
}

/** A stored result with the service level it belongs to (results of removed levels are left out). */
export interface ResultRow {
  unitId: string;
  level: ServiceLevelRef;
  result: ServiceResult;
}

export const serviceResultColumns = (l: ExportLookups): CsvColumn<ResultRow>[] => [
  unitColumn(l),
  { header: 'Agreement', value: (r) => r.level.agreementTitle },
  { header: 'Service', value: (r) => r.level.service },
  { header: 'Metric', value: (r) => r.level.metric },
  { header: 'Target', value: (r) => describeTarget(r.level) },
  { header: 'Month', value: (r) => r.result.month },
  { header: 'Achieved', value: (r) => r.result.achieved },
  { header: 'Unit', value: (r) => r.level.unit },
  { header: 'Verdict', value: (r) => VERDICT_LABELS[judge(r.level, r.result.achieved)] },
  { header: 'Source', value: (r) => r.result.source },
  { header: 'Note', value: (r) => r.result.note },
];

export const decisionColumns = (l: ExportLookups): CsvColumn<DecisionRow>[] => [
  unitColumn(l),
  { header: 'Meeting date', value: (d) => d.meetingDate },
  { header: 'Meeting', value: (d) => `${MEETING_KIND_LABELS[d.meetingKind]} review` },
  { header: 'Agenda item', value: (d) => d.itemTitle },
  { header: 'Decision', value: (d) => d.text },
  { header: 'Status', value: (d) => DECISION_STATUS_LABELS[d.status] },
  { header: 'Superseded by', value: (d) => d.supersededBy?.text ?? '' },
  {
    header: 'Changed',
    value: (d) => d.links.map((link) => `${DECISION_TARGET_LABELS[link.kind]}: ${link.label}`).join('; '),
  },
];
