/**
 * The columns of every register exported to CSV, for spreadsheets. Ids never appear: each reference is
 * written as the name a reader knows (the unit, the contact, the meeting's date and kind).
 */
import { CONTACT_ROLE_LABELS, type BusinessUnit, type Contact } from '../domain/customers';
import {
  DECISION_ROUTE_LABELS,
  PROJECT_STAGE_LABELS,
  RAG_LABELS,
  REQUIREMENT_KIND_LABELS,
  REQUIREMENT_STATUS_LABELS,
  type MajorIncident,
  type Project,
  type Requirement,
  type WatchNote,
} from '../domain/review-pack';
import type { CsvColumn } from './csv';

export const CSV_REGISTERS = [
  'units',
  'contacts',
  'major-incidents',
  'projects',
  'requirements',
  'technology-watch',
] as const;
export type CsvRegister = (typeof CSV_REGISTERS)[number];
export const CSV_REGISTER_LABELS: Record<CsvRegister, string> = {
  units: 'Business units',
  contacts: 'Contacts',
  'major-incidents': 'Major incidents',
  projects: 'Projects',
  requirements: 'Requirements and proposals',
  'technology-watch': 'Technology watch',
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
  { header: 'Raised by', value: (r) => raisedBy(r, l) },
  { header: 'Raised on', value: (r) => r.raisedOn },
  { header: 'Decision', value: (r) => DECISION_ROUTE_LABELS[r.decisionRoute] },
  { header: 'Status', value: (r) => REQUIREMENT_STATUS_LABELS[r.status] },
  { header: 'Status since', value: (r) => r.history.at(-1)?.date ?? r.raisedOn },
  { header: 'Discussed in', value: (r) => l.meetingLabel(r.discussedInMeetingId) },
  { header: 'Description', value: (r) => r.description },
];

/** Who raised a requirement: the contact, else the name typed, else (for a proposal) the BRM. */
export function raisedBy(r: Requirement, l: Pick<ExportLookups, 'contactName'>): string {
  return l.contactName(r.raisedByContactId) || r.raisedByName || (r.kind === 'proposal' ? 'BRM' : '');
}

export const watchNoteColumns = (l: ExportLookups): CsvColumn<WatchNote>[] => [
  { header: 'Noted on', value: (n) => n.notedOn },
  { header: 'Title', value: (n) => n.title },
  { header: 'Business units', value: (n) => n.unitIds.map(l.unitPath).join('; ') },
  { header: 'Link', value: (n) => n.link },
  { header: 'Note', value: (n) => n.note },
  { header: 'Archived', value: (n) => (n.archived ? 'yes' : 'no') },
];
