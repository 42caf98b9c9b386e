/** A generated unit's registers: agreements renewed yearly, complaints and compliments, survey answers. */
import { addDays, differenceInCalendarDays, format, startOfMonth, subMonths } from 'date-fns';
import {
  DEFAULT_SURVEY_QUESTIONS,
  type Agreement,
  type Feedback,
  type Survey,
} from '../shared/domain/registers';
import type { UnitRecords } from '../electron/service/store/shards';
import type { UnitHistory } from './generate-meetings';
import { AGREEMENTS_PER_YEAR, BRM_NAME, FEEDBACK_PER_YEAR, SURVEYS_PER_YEAR } from './generate-profile';
import { date, instant, TextMaker } from './generate-text';
import type { Prng } from './prng';
import * as words from './vocabulary';

/**
 * One entry per array of the unit file. The type makes a register added to `unitRecordsSchema`
 * (agreements, feedback, surveys) a compile error here until it has a generator.
 */
export const UNIT_RECORD_SOURCES: {
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
