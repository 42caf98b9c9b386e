/**
 * The assembled review pack (seed 002 "Analyze reports": compile internal reports for the next
 * meeting; seed 004's periodic review): for a meeting's period, what the BRM brings — service
 * performance against the agreed targets, major incidents, project RAG changes, open requirements and
 * proposals, complaints and compliments, the latest satisfaction — each placed under the agenda item it
 * belongs to, with the BRM's comment. Pure: the meeting view and the Word documents show the same pack.
 */
import {
  agendaContext,
  agendaItemForTopic,
  meetingPeriod,
  type AgendaContextSection,
} from './agenda-context';
import type { Contact } from './customers';
import type { AgendaItem, Meeting } from './meetings';
import { inRange, type DateRange } from './register-rules';
import type { Agreement, Feedback, Survey } from './registers';
import type { Outcome } from './outcomes';
import {
  isRequirementOpen,
  raisedBy,
  type MajorIncident,
  type Month,
  type PackComments,
  type PackSectionKey,
  type Project,
  type RagEntry,
  type Requirement,
  type RequirementStatusChange,
  type ServiceResult,
  type WatchNote,
} from './review-pack';
import { monthsOfPeriod, performanceTable, serviceLevelsOf, type PerformanceRow } from './service-levels';

export interface ProjectInPack {
  project: Project;
  /** The RAG as of the end of the period. */
  current: RagEntry | null;
  /** The RAG before the period began, when it changed since. */
  before: RagEntry | null;
  /** The assessments dated in the period, oldest first. */
  changes: RagEntry[];
}

export interface RequirementInPack {
  requirement: Requirement;
  /** Who raised it, by name (the contact's name as it is now). */
  raisedBy: string;
  /** Its status on the meeting day (a later change does not rewrite an old meeting's pack). */
  status: RequirementStatusChange;
}

interface SectionBase<K extends PackSectionKey> {
  key: K;
  title: string;
  /** The agenda item it is shown under, or null when the agenda has no item for it. */
  agendaItemId: string | null;
  /** What the BRM wrote beside it. */
  comment: string;
}

/** What the registers bring (complaints and compliments, satisfaction, agreements), as they compute it. */
type RegisterSection<K extends PackSectionKey> = SectionBase<K> & { context: AgendaContextSection };

export type PackSection =
  | (SectionBase<'service-performance'> & {
      months: Month[];
      rows: PerformanceRow[];
      met: number;
      missed: number;
    })
  | (SectionBase<'major-incidents'> & { incidents: MajorIncident[] })
  | (SectionBase<'projects'> & { projects: ProjectInPack[] })
  | (SectionBase<'requirements'> & { requirements: RequirementInPack[] })
  | RegisterSection<'feedback'>
  | RegisterSection<'satisfaction'>
  | RegisterSection<'agreements'>
  | RegisterSection<'outcomes'>
  | (SectionBase<'technology-watch'> & { notes: WatchNote[] });

export interface ReviewPack {
  meetingId: string;
  /** The period under review, or null for an ad hoc meeting. */
  period: DateRange | null;
  sections: PackSection[];
}

export interface ReviewPackInput {
  meeting: Pick<Meeting, 'id' | 'unitId' | 'kind' | 'date' | 'periodStart' | 'periodEnd' | 'agenda'>;
  agreements: readonly Agreement[];
  serviceResults: readonly ServiceResult[];
  majorIncidents: readonly MajorIncident[];
  projects: readonly Project[];
  requirements: readonly Requirement[];
  feedback: readonly Feedback[];
  surveys: readonly Survey[];
  watchNotes: readonly WatchNote[];
  /** The unit's business outcomes (value realisation); absent means none. */
  outcomes?: readonly Outcome[];
  comments: PackComments | null;
  /** The unit's contacts, to name who raised a requirement. */
  contacts: readonly Pick<Contact, 'id' | 'name'>[];
}

/**
 * Where each part of the pack belongs in seed 004's agendas, by the item's title (users may rename
 * items, so titles are matched loosely, most specific first). Complaints, satisfaction and agreements
 * follow the registers' own placement rule.
 */
const PLACES: Partial<Record<PackSectionKey, readonly RegExp[]>> = {
  'service-performance': [/performance/i, /service level/i],
  'major-incidents': [/incident/i, /issues/i, /performance/i],
  projects: [/ongoing|project/i, /plans/i, /services delivered/i],
  requirements: [/requirement/i],
  'technology-watch': [/strateg|driver|technolog/i, /business needs/i],
};

export function agendaItemFor(key: PackSectionKey, agenda: readonly AgendaItem[]): AgendaItem | null {
  if (key === 'feedback' || key === 'satisfaction' || key === 'agreements' || key === 'outcomes') {
    return agendaItemForTopic(key, agenda);
  }
  for (const pattern of PLACES[key] ?? []) {
    const item = agenda.find((i) => pattern.test(i.title));
    if (item) return item;
  }
  return null;
}

const TITLES: Record<PackSectionKey, string> = {
  'service-performance': 'Service performance against targets',
  'major-incidents': 'Major incidents in the period',
  projects: 'Ongoing projects',
  requirements: 'Open requirements and proposals',
  feedback: 'Complaints and compliments',
  satisfaction: 'Latest customer satisfaction',
  agreements: 'Agreements to review or renew',
  'technology-watch': 'Technology watch',
  outcomes: 'Business outcomes',
};

const byDate = <T extends { date: string }>(a: T, b: T) => a.date.localeCompare(b.date);

function projectInPack(project: Project, period: DateRange | null, asOf: string): ProjectInPack {
  const known = project.ragHistory.filter((e) => e.date <= (period?.to ?? asOf));
  const before = period ? (known.filter((e) => e.date < period.from).at(-1) ?? null) : null;
  const changes = period ? known.filter((e) => inRange(e.date, period)) : [];
  return { project, current: known.at(-1) ?? null, before: changes.length ? before : null, changes };
}

/** A requirement's status on a day: the newest change dated on or before it. */
export function statusOn(requirement: Requirement, date: string): RequirementStatusChange | null {
  return requirement.history.filter((h) => h.date <= date).at(-1) ?? null;
}

export function assembleReviewPack(input: ReviewPackInput): ReviewPack {
  const { meeting } = input;
  const period = meeting.kind === 'adhoc' ? null : meetingPeriod(meeting);
  const asOf = meeting.date;
  const sections: PackSection[] = [];
  const base = <K extends PackSectionKey>(key: K): SectionBase<K> => ({
    key,
    title: TITLES[key],
    agendaItemId: agendaItemFor(key, meeting.agenda)?.id ?? null,
    comment: input.comments?.comments[key] ?? '',
  });

  if (period) {
    const months = monthsOfPeriod(period.from, period.to);
    const rows = performanceTable(serviceLevelsOf(input.agreements), input.serviceResults, months);
    const verdicts = rows.flatMap((r) => Object.values(r.byMonth).map((j) => j.verdict));
    sections.push({
      ...base('service-performance'),
      months,
      rows,
      met: verdicts.filter((v) => v === 'met').length,
      missed: verdicts.filter((v) => v === 'missed').length,
    });
    sections.push({
      ...base('major-incidents'),
      incidents: input.majorIncidents.filter((i) => inRange(i.date, period)).sort(byDate),
    });
  }

  // Projects still running at the end of the period, and those that closed in it.
  const projects = input.projects
    .map((p) => projectInPack(p, period, asOf))
    .filter((p) => p.project.stage !== 'closed' || p.changes.length > 0)
    .filter((p) => p.current !== null)
    .sort((a, b) => a.project.name.localeCompare(b.project.name));
  sections.push({ ...base('projects'), projects });

  const contactName = (id: string | null) => input.contacts.find((c) => c.id === id)?.name ?? '';
  const requirements = input.requirements
    .flatMap((requirement) => {
      const status = statusOn(requirement, asOf);
      const raiser = raisedBy(requirement, contactName);
      return status && isRequirementOpen(status.status) ? [{ requirement, status, raisedBy: raiser }] : [];
    })
    .sort((a, b) => a.requirement.raisedOn.localeCompare(b.requirement.raisedOn));
  sections.push({ ...base('requirements'), requirements });

  const records = {
    agreements: input.agreements,
    feedback: input.feedback,
    surveys: input.surveys,
    outcomes: input.outcomes,
  };
  for (const context of agendaContext(meeting, records)) {
    sections.push({ ...base(context.topic), title: context.title, context });
  }

  if (meeting.kind !== 'adhoc') {
    const notes = input.watchNotes
      .filter((n) => !n.archived && n.unitIds.includes(meeting.unitId) && n.notedOn <= asOf)
      .sort((a, b) => b.notedOn.localeCompare(a.notedOn));
    sections.push({ ...base('technology-watch'), notes });
  }
  return { meetingId: meeting.id, period, sections };
}

/** The pack's sections shown under one agenda item, in the pack's order. */
export const sectionsUnder = (pack: ReviewPack, agendaItemId: string): PackSection[] =>
  pack.sections.filter((s) => s.agendaItemId === agendaItemId);

/** Sections the agenda has no item for: shown together after the agenda. */
export const unplacedSections = (pack: ReviewPack): PackSection[] =>
  pack.sections.filter((s) => s.agendaItemId === null);

/** Whether a part of the pack has nothing to show (documents leave such parts out unless commented). */
export function isEmptySection(section: PackSection): boolean {
  switch (section.key) {
    case 'service-performance':
      return section.rows.length === 0;
    case 'major-incidents':
      return section.incidents.length === 0;
    case 'projects':
      return section.projects.length === 0;
    case 'requirements':
      return section.requirements.length === 0;
    case 'technology-watch':
      return section.notes.length === 0;
    case 'feedback':
    case 'satisfaction':
    case 'agreements':
    case 'outcomes': {
      const c = section.context;
      if (c.topic === 'feedback') return c.complaints.length + c.compliments.length === 0;
      if (c.topic === 'satisfaction') return c.latest === null;
      if (c.topic === 'outcomes') return c.outcomes.length === 0;
      return c.agreements.length === 0;
    }
  }
}
