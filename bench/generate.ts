/**
 * Generates a BRM's workbook of many years from a fixed seed and writes it straight to store files,
 * in the exact envelope the ShardStore reads, so the bench measures the real load path.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  addDays,
  differenceInCalendarDays,
  endOfMonth,
  format,
  parse,
  startOfMonth,
  subMonths,
} from 'date-fns';
import type { BusinessUnit, Contact, ContactRole, Directory, UnitKind } from '../shared/domain/customers';
import type {
  ActionItem,
  ActionStatus,
  AgendaItem,
  Attendee,
  Meeting,
  MeetingKind,
} from '../shared/domain/meetings';
import {
  DEFAULT_SURVEY_QUESTIONS,
  type Agreement,
  type Feedback,
  type Survey,
} from '../shared/domain/registers';
import type { ShardFile, ShardKind } from '../electron/service/store/shard-kind';
import {
  directoryShard,
  meetingShard,
  unitRecordsShard,
  type UnitRecords,
} from '../electron/service/store/shards';
import { Prng } from './prng';
import * as words from './vocabulary';

export interface GenerateOptions {
  seed: number;
  units: number;
  years: number;
  /** The last day of the generated history ('YYYY-MM-DD'); fixed so the output does not depend on today. */
  until: string;
}

/** The bench's workbook: 40 units, 400 contacts, 6,000 meetings, 30,000 actions. */
export const TEN_YEAR_WORKBOOK: GenerateOptions = {
  seed: 20261124,
  units: 40,
  years: 10,
  until: '2026-11-30',
};

/**
 * Per unit and year: 12 periodic reviews, 1 annual, 2 ad hoc; 75 actions raised; one agreement
 * (renewed yearly), 5 complaints or compliments, 7.5 survey answers.
 */
const PERIODIC_PER_YEAR = 12;
const ADHOC_PER_YEAR = 2;
const ACTIONS_PER_YEAR = 75;
const AGREEMENTS_PER_YEAR = 1;
const FEEDBACK_PER_YEAR = 5;
const SURVEYS_PER_YEAR = 7.5;
const CONTACT_ROLES_PER_UNIT: readonly ContactRole[] = [
  'customer',
  'purchaser',
  'purchaser',
  'key-user',
  'key-user',
  'user',
  'user',
  'user',
  'it-stakeholder',
  'it-stakeholder',
];
/** About 4 KB of minutes per meeting, spread over its agenda items. */
const MINUTES_BYTES_PER_MEETING = 4096;
const BRM_NAME = 'Robin Vermeer';

const AGENDA_TITLES: Record<MeetingKind, readonly string[]> = {
  periodic: [
    'Service delivery performance against targets',
    'Significant achievements and issues in the period',
    'Ongoing actions and plans',
    'Business strategies and drivers',
    'New or changed service requirements',
    'New or changed services delivered',
    'Complaints and compliments',
    'Customer satisfaction',
  ],
  annual: [
    'Changes to the scope of the current service',
    'Changes to service level agreements',
    'Financing of the services',
    'Changes in business needs and circumstances',
    'Business strategies and drivers',
    'Service performance over the year',
    'Complaints and compliments',
    'Customer satisfaction',
    'Plans for the coming year',
  ],
  adhoc: ['Reason for the meeting', 'Impact on the business', 'Options and next steps', 'Agreements made'],
};

const LOCATIONS = ['Room 4.12, head office', 'Online (Teams)', 'Board room, 2nd floor', 'Site visit'];

export interface GeneratedWorkbook {
  directory: Directory;
  meetings: Meeting[];
  /** Keyed by unit id, in unit order. */
  unitRecords: Map<string, UnitRecords>;
}

/** What the generator knows about one unit when it fills the unit's registers. */
interface UnitHistory {
  unit: BusinessUnit;
  contacts: Contact[];
  meetings: Meeting[];
  actions: ActionItem[];
}

/**
 * One entry per array of the unit file. The type makes a register added to `unitRecordsSchema`
 * (agreements, feedback, surveys) a compile error here until it has a generator.
 */
const UNIT_RECORD_SOURCES: {
  [K in keyof UnitRecords]: (history: UnitHistory, rng: Prng, until: Date, years: number) => UnitRecords[K];
} = {
  actions: (history) => history.actions,
  agreements: (history, rng, until, years) => makeAgreements(history, rng, until, years),
  feedback: (history, rng, until, years) => makeFeedback(history, rng, until, years),
  surveys: (history, rng, until, years) => makeSurveys(history, rng, until, years),
  // The review pack's registers are not in the ten-year profile issue 7 measures; they start empty.
  serviceResults: () => [],
  majorIncidents: () => [],
  projects: () => [],
  requirements: () => [],
  packComments: () => [],
  // Issue 18's registers are not in the measured profile either; they start empty.
  decisionRecords: () => [],
  outcomes: () => [],
  // Series planned ahead are a handful per unit; the generated meetings are planned one at a time.
  meetingSeries: () => [],
};

/** The team-sized workbook of issue 16: ten times every count (400 units, 60,000 meetings, 300,000 actions). */
export const TENFOLD_WORKBOOK: GenerateOptions = { ...TEN_YEAR_WORKBOOK, units: 400 };

/** Bumped with every change to what the generator makes: cached workbooks of another version are not reused. */
export const GENERATOR_VERSION = 2;

/** One unit's share of the workbook: its records file and its meetings. */
interface UnitPart {
  unitId: string;
  records: UnitRecords;
  meetings: Meeting[];
}

/**
 * The workbook as a directory and, unit by unit, the rest: a team-sized workbook is written one unit at a
 * time instead of being held whole in memory. The random sequence is the same as for generateWorkbook.
 */
function streamWorkbook(options: GenerateOptions): { directory: Directory; parts: Generator<UnitPart> } {
  const rng = new Prng(options.seed);
  const until = parse(options.until, 'yyyy-MM-dd', new Date(2000, 0, 1));
  const text = new TextMaker(rng);
  const people = rng.sample(
    words.FIRST_NAMES.flatMap((first) => words.LAST_NAMES.map((last) => `${first} ${last}`)),
    options.units * CONTACT_ROLES_PER_UNIT.length + 40,
  );
  const itPeople = people.splice(0, 40);

  const units = makeUnits(rng, options, until, text, itPeople);
  const contacts = units.flatMap((unit) =>
    CONTACT_ROLES_PER_UNIT.map((role) => makeContact(rng, unit, role, people.pop() ?? 'Sam Doe', until)),
  );
  const contactsOf = new Map<string, Contact[]>();
  for (const contact of contacts)
    contactsOf.set(contact.unitId, [...(contactsOf.get(contact.unitId) ?? []), contact]);
  function* parts(): Generator<UnitPart> {
    for (const [index, unit] of units.entries()) {
      const history = makeUnitHistory(
        rng,
        options,
        until,
        index,
        unit,
        contactsOf.get(unit.id) ?? [],
        itPeople,
        text,
      );
      const records = Object.fromEntries(
        Object.entries(UNIT_RECORD_SOURCES).map(([key, source]) => [
          key,
          source(history, rng, until, options.years),
        ]),
      ) as UnitRecords;
      yield { unitId: unit.id, records, meetings: history.meetings };
    }
  }
  return { directory: { units, contacts }, parts: parts() };
}

export function generateWorkbook(options: GenerateOptions): GeneratedWorkbook {
  const { directory, parts } = streamWorkbook(options);
  const meetings: Meeting[] = [];
  const unitRecords = new Map<string, UnitRecords>();
  for (const part of parts) {
    meetings.push(...part.meetings);
    unitRecords.set(part.unitId, part.records);
  }
  return { directory, meetings, unitRecords };
}

// ── Units and contacts ────────────────────────────────────────────────────────

function makeUnits(
  rng: Prng,
  options: GenerateOptions,
  until: Date,
  text: TextMaker,
  itPeople: readonly string[],
): BusinessUnit[] {
  const units: BusinessUnit[] = [];
  const created = instant(subMonths(until, options.years * 12), 8);
  const divisionCount = Math.min(words.DIVISIONS.length, Math.max(1, Math.floor((options.units - 1) / 5)));
  for (let i = 0; i < options.units; i++) {
    const kind: UnitKind = i === 0 ? 'company' : i <= divisionCount ? 'division' : 'department';
    const name =
      kind === 'company'
        ? words.COMPANY
        : kind === 'division'
          ? (words.DIVISIONS[i - 1] as string)
          : departmentName(i - divisionCount - 1);
    const parent =
      kind === 'company' ? null : kind === 'division' ? units[0] : units[1 + ((i - 1) % divisionCount)];
    units.push({
      id: rng.id(),
      createdAt: created,
      updatedAt: created,
      name,
      kind,
      itContact: rng.pick(itPeople),
      plans: text.paragraph(3, name),
      drivers: text.paragraph(2, name),
      plansReviewedOn: date(subMonths(until, rng.int(1, 14))),
      parentId: parent?.id ?? null,
      archived: false,
      maturity: [0, 1, 2].slice(0, rng.int(0, 3)).map((n) => ({
        id: rng.id(),
        level:
          (['ad-hoc', 'order-taker', 'advisor', 'strategic-partner'] as const)[n + rng.int(0, 1)] ??
          'advisor',
        assessedOn: date(subMonths(until, (3 - n) * 12)),
        note: '',
      })),
    });
  }
  return units;
}

function departmentName(n: number): string {
  const base = words.DEPARTMENTS[n % words.DEPARTMENTS.length] as string;
  const round = Math.floor(n / words.DEPARTMENTS.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

function makeContact(rng: Prng, unit: BusinessUnit, role: ContactRole, name: string, until: Date): Contact {
  const at = instant(subMonths(until, rng.int(1, 100)), 10);
  return {
    id: rng.id(),
    createdAt: at,
    updatedAt: at,
    unitId: unit.id,
    role,
    name,
    title: role === 'customer' ? `Head of ${unit.name}` : role === 'purchaser' ? 'Team manager' : '',
    email: `${name.toLowerCase().replaceAll(' ', '.')}@contoso.example`,
    phone: `+31 20 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    notes: rng.chance(0.3) ? `Prefers meetings on ${rng.pick(['Monday', 'Tuesday', 'Thursday'])}.` : '',
    itContact: '',
  };
}

// ── Meetings and actions ──────────────────────────────────────────────────────

interface PlannedSlot {
  kind: MeetingKind;
  day: Date;
}

function makeUnitHistory(
  rng: Prng,
  options: GenerateOptions,
  until: Date,
  unitIndex: number,
  unit: BusinessUnit,
  contacts: readonly Contact[],
  itPeople: readonly string[],
  text: TextMaker,
): UnitHistory {
  const slots: PlannedSlot[] = [];
  const periodicDay = 3 + (unitIndex % 20);
  const months = options.years * PERIODIC_PER_YEAR;
  // The last periodic review falls in the month after `until`: every unit has one planned meeting.
  for (let k = months - 2; k >= -1; k--) {
    const month = startOfMonth(subMonths(until, k));
    slots.push({ kind: 'periodic', day: addDays(month, periodicDay - 1) });
  }
  for (let y = 0; y < options.years; y++) {
    slots.push({
      kind: 'annual',
      day: addDays(startOfMonth(subMonths(until, 12 * y + (unitIndex % 12))), 11),
    });
    for (let a = 0; a < ADHOC_PER_YEAR; a++) {
      slots.push({ kind: 'adhoc', day: addDays(until, -(365 * y + rng.int(0, 364))) });
    }
  }
  slots.sort((a, b) => a.day.getTime() - b.day.getTime() || a.kind.localeCompare(b.kind));

  const held = slots.filter((s) => s.day <= until);
  const actionsPerMeeting = new Array<number>(held.length).fill(0);
  for (let n = 0; n < options.years * ACTIONS_PER_YEAR; n++)
    actionsPerMeeting[rng.int(0, held.length - 1)]! += 1;

  const customer = contacts.find((c) => c.role === 'customer');
  const meetings: Meeting[] = [];
  const actions: ActionItem[] = [];
  const active: ActionItem[] = [];
  const lastOfKind = new Map<MeetingKind, Meeting>();
  let heldIndex = 0;

  for (const slot of slots) {
    const day = date(slot.day);
    const status =
      slot.day > until ? 'planned' : differenceInCalendarDays(until, slot.day) < 14 ? 'held' : 'finalised';
    const createdAt = instant(subMonths(slot.day, 1), 9);
    const doneAt = instant(addDays(slot.day, status === 'planned' ? -20 : 2), 16);
    const attendees = makeAttendees(rng, contacts, itPeople, status === 'planned');
    const agenda: AgendaItem[] = AGENDA_TITLES[slot.kind].map((title) => ({
      id: rng.id(),
      title,
      guidance: '',
      minutes: '',
      decisions: [],
    }));
    const meeting: Meeting = {
      id: rng.id(),
      createdAt,
      updatedAt: status === 'planned' ? createdAt : doneAt,
      unitId: unit.id,
      kind: slot.kind,
      templateId: null,
      date: day,
      time: slot.kind === 'adhoc' ? '14:00' : '10:00',
      location: rng.pick(LOCATIONS),
      periodStart:
        slot.kind === 'periodic'
          ? date(startOfMonth(subMonths(slot.day, 1)))
          : slot.kind === 'annual'
            ? date(startOfMonth(subMonths(slot.day, 12)))
            : null,
      periodEnd:
        slot.kind === 'periodic' || slot.kind === 'annual' ? date(endOfMonth(subMonths(slot.day, 1))) : null,
      trigger: slot.kind === 'adhoc' ? text.fill(rng.pick(ADHOC_TRIGGERS), unit.name) : '',
      chair: customer?.name ?? BRM_NAME,
      minuteTaker: BRM_NAME,
      attendees,
      agenda,
      carriedActionIds: active.map((a) => a.id),
      status,
      history: [
        { at: createdAt, event: 'planned', reason: '' },
        ...(status === 'planned' ? [] : [{ at: instant(slot.day, 12), event: 'held' as const, reason: '' }]),
        ...(status === 'finalised' ? [{ at: doneAt, event: 'finalised' as const, reason: '' }] : []),
      ],
      previousMeetingId: lastOfKind.get(slot.kind)?.id ?? null,
      nextMeetingId: null,
    };
    const previous = lastOfKind.get(slot.kind);
    if (previous) previous.nextMeetingId = meeting.id;
    lastOfKind.set(slot.kind, meeting);
    meetings.push(meeting);
    if (status === 'planned') continue;

    const perItem = MINUTES_BYTES_PER_MEETING / agenda.length;
    for (const item of agenda) {
      item.minutes = text.minutes(Math.round(perItem * (0.75 + rng.next() * 0.5)), unit.name, attendees);
      if (rng.chance(0.3)) {
        item.decisions = Array.from({ length: rng.int(1, 2) }, () => ({
          id: rng.id(),
          text: text.fill(rng.pick(words.DECISIONS), unit.name),
        }));
      }
    }
    reviewCarriedActions(rng, meeting, active, text, unit.name);
    const present = attendees.filter((a) => a.attendance === 'present');
    for (let n = 0; n < (actionsPerMeeting[heldIndex] ?? 0); n++) {
      const action: ActionItem = {
        id: rng.id(),
        createdAt: instant(slot.day, 11),
        updatedAt: instant(slot.day, 11),
        title: `${rng.pick(words.ACTION_VERBS)} ${text.fill(rng.pick(words.ACTION_OBJECTS), unit.name)}`,
        owner: rng.pick(present.length ? present : attendees).name,
        dueDate: date(addDays(slot.day, rng.int(2, 6) * 7)),
        unitId: unit.id,
        status: 'open',
        raisedInMeetingId: meeting.id,
        agendaItemId: rng.pick(agenda).id,
        trail: [],
      };
      actions.push(action);
      active.push(action);
    }
    heldIndex++;
  }
  return { unit, contacts: [...contacts], meetings, actions };
}

const ADHOC_TRIGGERS = [
  'Serious complaint about {service} after a long outage.',
  'New requirement outside the schedule: {requirement}.',
  'The business needs input on {topic}.',
] as const;

/** Each open action has an even chance of an update in a meeting; about half the updates close it. */
function reviewCarriedActions(
  rng: Prng,
  meeting: Meeting,
  active: ActionItem[],
  text: TextMaker,
  unitName: string,
) {
  for (let i = active.length - 1; i >= 0; i--) {
    const action = active[i]!;
    if (!rng.chance(0.5)) continue;
    const roll = rng.next();
    const status: ActionStatus =
      roll < 0.45 ? 'done' : roll < 0.5 ? 'dropped' : roll < 0.85 ? 'in-progress' : 'open';
    action.trail.push({
      id: rng.id(),
      meetingId: meeting.id,
      date: meeting.date,
      note: text.fill(rng.pick(ACTION_NOTES[status]), unitName),
      status,
    });
    action.status = status;
    action.updatedAt = instant(parse(meeting.date, 'yyyy-MM-dd', new Date(2000, 0, 1)), 12);
    if (status === 'done' || status === 'dropped') active.splice(i, 1);
  }
}

const ACTION_NOTES: Record<ActionStatus, readonly string[]> = {
  open: ['Not started yet; waiting for {vendor}.', 'Postponed until the {service} release is stable.'],
  'in-progress': ['Draft shared with the team; final version next month.', 'Meeting with {vendor} planned.'],
  done: [
    'Sent to all attendees.',
    'Completed and confirmed by the business.',
    'Closed: {service} fix verified.',
  ],
  dropped: ['No longer needed after the change in scope.', 'Replaced by the {topic} project.'],
};

function makeAttendees(
  rng: Prng,
  contacts: readonly Contact[],
  itPeople: readonly string[],
  planned: boolean,
): Attendee[] {
  const attendance = (): Attendee['attendance'] => {
    if (planned) return null;
    const roll = rng.next();
    return roll < 0.85 ? 'present' : roll < 0.95 ? 'apologies' : 'absent';
  };
  const customer = contacts.filter((c) => c.role === 'customer');
  const others = rng.sample(
    contacts.filter((c) => c.role !== 'customer' && c.role !== 'it-stakeholder'),
    rng.int(2, 4),
  );
  const business = [...customer, ...others].map((c) => ({
    id: rng.id(),
    contactId: c.id,
    name: c.name,
    side: 'business' as const,
    role: c.title,
    attendance: attendance(),
  }));
  const it = rng.sample(itPeople, rng.int(1, 3)).map((name) => ({
    id: rng.id(),
    contactId: null,
    name,
    side: 'it' as const,
    role: rng.pick(words.IT_ROLES),
    attendance: attendance(),
  }));
  return [...business, ...it];
}

// ── Registers ─────────────────────────────────────────────────────────────────

/** Agreements renewed yearly, one service set per unit; the newest is active, the last one under review. */
function makeAgreements(history: UnitHistory, rng: Prng, until: Date, years: number): Agreement[] {
  const customer = history.contacts.find((c) => c.role === 'customer');
  const services = rng.sample(words.SERVICES, 3);
  return Array.from({ length: years * AGREEMENTS_PER_YEAR }, (_, n) => {
    const start = startOfMonth(subMonths(until, 12 * (years - n)));
    const end = addDays(start, 364);
    const current = n === years * AGREEMENTS_PER_YEAR - 1;
    const at = instant(subMonths(start, 1), 9);
    return {
      id: rng.id(),
      createdAt: at,
      updatedAt: at,
      unitId: history.unit.id,
      type: rng.chance(0.8) ? 'sla' : 'contract',
      title: `${history.unit.name} services ${format(start, 'yyyy')}`,
      services: services.map((name) => ({
        id: rng.id(),
        name,
        levels: [
          { id: rng.id(), metric: 'Availability', target: 99.5, unit: '%', direction: 'at-least' as const },
          { id: rng.id(), metric: 'P1 fix time', target: 4, unit: 'hours', direction: 'at-most' as const },
        ],
      })),
      financing: {
        amount: rng.int(20, 400) * 1000,
        currency: 'EUR',
        period: 'yearly',
        costCentre: `CC-${rng.int(1000, 9999)}`,
      },
      startDate: date(start),
      endDate: date(end),
      reviewDate: date(subMonths(end, 2)),
      status: current ? (rng.chance(0.5) ? 'under-review' : 'active') : 'expired',
      customerContactId: customer?.id ?? null,
      itSignatories: [BRM_NAME],
      complaintDefinition: 'Any expression of dissatisfaction with a service covered by this agreement.',
      reference: `AGR-${format(start, 'yyyy')}-${String(rng.int(1, 999)).padStart(3, '0')}`,
    };
  });
}

function makeFeedback(history: UnitHistory, rng: Prng, until: Date, years: number): Feedback[] {
  const text = new TextMaker(rng);
  return Array.from({ length: years * FEEDBACK_PER_YEAR }, () => {
    const day = addDays(until, -rng.int(0, 365 * years - 1));
    const from = rng.pick(history.contacts);
    const at = instant(day, 15);
    const complaint = rng.chance(0.6);
    const recent = differenceInCalendarDays(until, day) < 60;
    const service = rng.pick(words.SERVICES);
    const base = {
      id: rng.id(),
      createdAt: at,
      updatedAt: at,
      unitId: history.unit.id,
      date: date(day),
      fromContactId: from.id,
      fromName: from.name,
      aboutKind: 'service' as const,
      aboutName: service,
    };
    if (complaint) {
      const resolved = !recent || rng.chance(0.3);
      return {
        ...base,
        kind: 'complaint',
        description: text.fill(
          rng.pick(words.COMPLAINTS).replaceAll('{service}', service),
          history.unit.name,
        ),
        severity: rng.pick(['minor', 'moderate', 'serious'] as const),
        status: resolved ? 'resolved' : rng.pick(['open', 'in-progress'] as const),
        resolution: resolved ? text.fill(rng.pick(words.RESOLUTIONS), history.unit.name) : '',
        rootCause: resolved ? rng.pick(words.ROOT_CAUSES) : '',
        passedOnTo: '',
        passedOnDate: null,
      };
    }
    return {
      ...base,
      kind: 'compliment',
      description: text.fill(rng.pick(words.COMPLIMENTS), history.unit.name),
      severity: null,
      status: null,
      resolution: '',
      rootCause: '',
      passedOnTo: 'Service desk team',
      passedOnDate: date(addDays(day, rng.int(1, 10))),
    };
  });
}

function makeSurveys(history: UnitHistory, rng: Prng, until: Date, years: number): Survey[] {
  const text = new TextMaker(rng);
  return Array.from({ length: Math.round(years * SURVEYS_PER_YEAR) }, () => {
    const day = addDays(until, -rng.int(0, 365 * years - 1));
    const respondent = rng.pick(history.contacts);
    const at = instant(day, 11);
    return {
      id: rng.id(),
      createdAt: at,
      updatedAt: at,
      unitId: history.unit.id,
      date: date(day),
      respondentContactId: respondent.id,
      respondentName: respondent.name,
      scores: Object.fromEntries(DEFAULT_SURVEY_QUESTIONS.map((q) => [q.id, rng.int(2, 5)])),
      comment: text.fill(rng.pick(words.SURVEY_COMMENTS), history.unit.name),
    };
  });
}

// ── Text ──────────────────────────────────────────────────────────────────────

/** Fills sentence templates with services, people, incidents and figures. */
class TextMaker {
  private incident = 1_000_000;
  private change = 50_000;

  constructor(private readonly rng: Prng) {}

  fill(template: string, unitName: string, people: readonly { name: string }[] = []): string {
    const rng = this.rng;
    return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'service':
          return rng.pick(words.SERVICES);
        case 'person':
          return people.length ? rng.pick(people).name : rng.pick(words.FIRST_NAMES);
        case 'cause':
          return rng.pick(words.CAUSES);
        case 'topic':
          return rng.pick(words.TOPICS);
        case 'requirement':
          return rng.pick(words.REQUIREMENTS);
        case 'praise':
          return rng.pick(words.PRAISE);
        case 'vendor':
          return rng.pick(words.VENDORS);
        case 'unit':
          return unitName;
        case 'target':
          return rng.pick(['99.5', '99.8', '99.9', '98']);
        case 'pct':
          return (97 + rng.next() * 3).toFixed(2);
        case 'hours':
          return String(rng.int(2, 12));
        case 'count':
          return String(rng.int(3, 140));
        case 'score':
          return (2.5 + rng.next() * 2.5).toFixed(1);
        case 'quarter':
          return `Q${rng.int(1, 4)}`;
        case 'incident':
          return `INC${(this.incident += rng.int(1, 900))}`;
        case 'change':
          return `CHG${(this.change += rng.int(1, 90))}`;
        default:
          throw new Error(`Unknown slot {${slot}}`);
      }
    });
  }

  paragraph(sentences: number, unitName: string): string {
    return Array.from({ length: sentences }, () =>
      this.fill(this.rng.pick(words.MINUTES_SENTENCES), unitName),
    ).join(' ');
  }

  /** Minutes of one agenda item: sentences in short paragraphs, stopping once about `bytes` long. */
  minutes(bytes: number, unitName: string, people: readonly { name: string }[]): string {
    const paragraphs: string[] = [];
    let length = 0;
    while (length < bytes) {
      const sentences: string[] = [];
      for (let n = this.rng.int(2, 4); n > 0 && length < bytes; n--) {
        const sentence = this.fill(this.rng.pick(words.MINUTES_SENTENCES), unitName, people);
        sentences.push(sentence);
        length += sentence.length + 1;
      }
      const paragraph = sentences.join(' ');
      paragraphs.push(this.rng.chance(0.15) ? `- ${paragraph}` : paragraph);
    }
    return paragraphs.join('\n');
  }
}

// ── Dates ─────────────────────────────────────────────────────────────────────

const date = (day: Date): string => format(day, 'yyyy-MM-dd');
/** A fixed time on a local day, written as an instant with offset 0 so the output does not depend on TZ. */
const instant = (day: Date, hour: number): string =>
  `${date(day)}T${String(hour).padStart(2, '0')}:00:00.000Z`;

// ── Files ─────────────────────────────────────────────────────────────────────

/** The store files of a workbook, keyed by their path under the data folder, in a stable order. */
export function* storeFiles(workbook: GeneratedWorkbook): Generator<[string, string]> {
  yield shardFile(directoryShard, null, workbook.directory);
  for (const [unitId, records] of workbook.unitRecords) yield shardFile(unitRecordsShard, unitId, records);
  for (const meeting of workbook.meetings) yield shardFile(meetingShard, meeting.id, meeting);
}

function shardFile<T>(kind: ShardKind<T>, key: string | null, data: T): [string, string] {
  const rel = kind.dir ? `${kind.dir}/${key}.json` : `${kind.name}.json`;
  const file: ShardFile = { schemaVersion: kind.version, data };
  return [rel, JSON.stringify(file)];
}

export function writeWorkbook(
  dataDir: string,
  workbook: GeneratedWorkbook,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const [rel, content] of storeFiles(workbook)) {
    const target = path.join(dataDir, rel);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(target, content);
    files++;
    bytes += Buffer.byteLength(content);
  }
  return { files, bytes };
}

export interface WrittenWorkbook {
  files: number;
  bytes: number;
  units: number;
  contacts: number;
  meetings: number;
  actions: number;
}

/** Generates and writes a workbook one unit at a time (the team-sized one does not fit in memory whole). */
export function writeGeneratedWorkbook(dataDir: string, options: GenerateOptions): WrittenWorkbook {
  const { directory, parts } = streamWorkbook(options);
  const out = { files: 0, bytes: 0, units: directory.units.length, contacts: directory.contacts.length };
  const counts = { meetings: 0, actions: 0 };
  const write = ([rel, content]: [string, string]) => {
    const target = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    out.files++;
    out.bytes += Buffer.byteLength(content);
  };
  write(shardFile(directoryShard, null, directory));
  for (const part of parts) {
    write(shardFile(unitRecordsShard, part.unitId, part.records));
    for (const meeting of part.meetings) write(shardFile(meetingShard, meeting.id, meeting));
    counts.meetings += part.meetings.length;
    counts.actions += part.records.actions.length;
  }
  return { ...out, ...counts };
}

/** A SHA-256 over every store file and its path: equal for equal seeds and options. */
export function workbookChecksum(workbook: GeneratedWorkbook): string {
  const hash = crypto.createHash('sha256');
  for (const [rel, content] of storeFiles(workbook))
    hash.update(rel).update('\0').update(content).update('\0');
  return hash.digest('hex');
}
