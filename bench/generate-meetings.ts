/**
 * A generated unit's meeting history: periodic, annual and ad hoc meetings with attendees, minutes and
 * decisions, the actions raised in them and the updates that carry them to later meetings.
 */
import { addDays, differenceInCalendarDays, endOfMonth, parse, startOfMonth, subMonths } from 'date-fns';
import type { BusinessUnit, Contact } from '../shared/domain/customers';
import type {
  ActionItem,
  ActionStatus,
  AgendaItem,
  Attendee,
  Meeting,
  MeetingKind,
} from '../shared/domain/meetings';
import {
  ACTIONS_PER_YEAR,
  ADHOC_PER_YEAR,
  BRM_NAME,
  MINUTES_BYTES_PER_MEETING,
  PERIODIC_PER_YEAR,
  type GenerateOptions,
} from './generate-profile';
import { date, instant, type TextMaker } from './generate-text';
import type { Prng } from './prng';
import * as words from './vocabulary';

/** What the generator knows about one unit when it fills the unit's registers. */
export interface UnitHistory {
  unit: BusinessUnit;
  contacts: Contact[];
  meetings: Meeting[];
  actions: ActionItem[];
}

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

interface PlannedSlot {
  kind: MeetingKind;
  day: Date;
}

export function makeUnitHistory(
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
