import { format } from 'date-fns';
import { joinParts, type WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { agendaContext } from '../../../shared/domain/agenda-context';
import type { Contact } from '../../../shared/domain/customers';
import { computeDashboard, type MeetingSummary, type UnitRegisters } from '../../../shared/domain/dashboard';
import { newId } from '../../../shared/domain/ids';
import { inRange, yearsOf } from '../../../shared/domain/register-rules';
import { futureReceiptProblem, todayOf } from '../../../shared/domain/meeting-dates';
import {
  FEEDBACK_KIND_LABELS,
  normaliseFeedback,
  type Agreement,
  type Feedback,
  type FeedbackFields,
  type Survey,
  type SurveyFields,
} from '../../../shared/domain/registers';
import { type TimeEntry } from '../../../shared/domain/time-log';
import { notFound, stamp, type ServiceContext } from '../context';
import {
  directoryShard,
  meetingShard,
  registerSettingsShard,
  timeLogShard,
  unitRecordsShard,
  type UnitRecords,
} from '../store/shards';
import {
  addUnitRecord,
  removeUnitRecord,
  replaceUnitRecord,
  requireUnit,
  unitRecordsOf,
} from '../store/unit-records';

type UnitRegisterHandlers = Pick<
  WorkbookHandlers,
  | 'listAgreements'
  | 'createAgreement'
  | 'updateAgreement'
  | 'deleteAgreement'
  | 'listFeedback'
  | 'createFeedback'
  | 'updateFeedback'
  | 'deleteFeedback'
  | 'listSurveys'
  | 'createSurvey'
  | 'updateSurvey'
  | 'deleteSurvey'
>;
type SettingsHandlers = Pick<
  WorkbookHandlers,
  'getRegisterSettings' | 'updateSurveyQuestions' | 'updateIdealSplit'
>;
type TimeLogHandlers = Pick<
  WorkbookHandlers,
  'listTimeEntries' | 'createTimeEntry' | 'updateTimeEntry' | 'deleteTimeEntry'
>;
type OverviewHandlers = Pick<WorkbookHandlers, 'getDashboard' | 'getAgendaContext'>;

type RegisterKey = 'agreements' | 'feedback' | 'surveys';
type RegisterRecord<K extends RegisterKey> = UnitRecords[K][number];

const WHAT: Record<RegisterKey, string> = { agreements: 'agreement', feedback: 'record', surveys: 'survey' };

/** The registers: agreements, feedback and surveys per unit, their settings, the time log, the dashboard. */
export function registersHandlers(
  ctx: ServiceContext,
): UnitRegisterHandlers & SettingsHandlers & TimeLogHandlers & OverviewHandlers {
  return joinParts(
    unitRegisterHandlers(ctx),
    registerSettingsHandlers(ctx),
    timeLogHandlers(ctx),
    overviewHandlers(ctx),
  );
}

/** The three per-unit registers share one shape of storage: a list in the unit's file. */
function registerStorage(ctx: ServiceContext) {
  const records = (unitId: string) => unitRecordsOf(ctx.store, unitId);

  function list<K extends RegisterKey>(key: K, unitId: string | null): Array<RegisterRecord<K>> {
    const ids = unitId ? [unitId] : ctx.store.keys(unitRecordsShard);
    return ids.flatMap((id) => records(id)[key] as Array<RegisterRecord<K>>);
  }

  function create<K extends RegisterKey>(
    key: K,
    unitId: string,
    record: RegisterRecord<K>,
  ): RegisterRecord<K> {
    requireUnit(ctx.store, unitId);
    return addUnitRecord(ctx.store, unitId, key, record) as RegisterRecord<K>;
  }

  function update<K extends RegisterKey>(
    key: K,
    unitId: string,
    id: string,
    change: (current: RegisterRecord<K>) => RegisterRecord<K>,
  ): RegisterRecord<K> {
    const replace = change as (current: UnitRecords[K][number]) => UnitRecords[K][number];
    return replaceUnitRecord(ctx.store, unitId, key, id, replace, WHAT[key], ctx.now()) as RegisterRecord<K>;
  }

  function remove(key: RegisterKey, unitId: string, id: string) {
    return removeUnitRecord(ctx.store, unitId, key, id, WHAT[key]);
  }

  const findRecord = <K extends RegisterKey>(key: K, unitId: string, id: string) => {
    const found = (records(unitId)[key] as Array<RegisterRecord<K>>).find((r) => r.id === id);
    if (!found) throw notFound(WHAT[key]);
    return found;
  };

  return { list, create, update, remove, findRecord };
}

/** Agreements, feedback and surveys of a unit, with the rules only the store can check. */
function unitRegisterHandlers(ctx: ServiceContext): UnitRegisterHandlers {
  const { list, create, update, remove, findRecord } = registerStorage(ctx);

  const checkReceivedDate = (fields: FeedbackFields) => {
    const problem = futureReceiptProblem(
      FEEDBACK_KIND_LABELS[fields.kind].toLowerCase(),
      fields.date,
      todayOf(ctx.now()),
    );
    if (problem) throw new WorkbookError('invalid-input', problem, { 'fields.date': problem });
  };

  /** A contact picked on a form must belong to the unit the record is for. */
  const requireUnitContact = (unitId: string, contactId: string | null, field: string): Contact | null => {
    if (contactId === null) return null;
    const contact = ctx.store.get(directoryShard).contacts.find((c) => c.id === contactId);
    if (!contact || contact.unitId !== unitId) {
      const message = `That contact is not one of ${requireUnit(ctx.store, unitId).name}'s contacts. Choose another, or enter a name.`;
      throw new WorkbookError('invalid-input', message, { [field]: message });
    }
    return contact;
  };

  const checkAgreementContacts = (unitId: string, customerContactId: string | null) =>
    requireUnitContact(unitId, customerContactId, 'customerContactId');

  /** A score must answer a question of the survey: a current one, or one the survey already answered. */
  const checkSurveyScores = (fields: SurveyFields, existing: Survey | null) => {
    const known = new Set(ctx.store.get(registerSettingsShard).surveyQuestions.map((q) => q.id));
    for (const id of Object.keys(existing?.scores ?? {})) known.add(id);
    const unknown = Object.keys(fields.scores).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new WorkbookError(
        'invalid-input',
        'This survey answers a question that is no longer in the questionnaire. Reload the form and try again.',
      );
    }
  };

  return {
    listAgreements: ({ unitId }) => list('agreements', unitId),
    createAgreement: ({ unitId, fields }) => {
      checkAgreementContacts(unitId, fields.customerContactId);
      return create('agreements', unitId, { ...stamp(ctx, newId(), fields), unitId } satisfies Agreement);
    },
    updateAgreement: ({ unitId, id, fields }) => {
      checkAgreementContacts(unitId, fields.customerContactId);
      return update('agreements', unitId, id, (a) => ({ ...a, ...fields }));
    },
    deleteAgreement: ({ unitId, id }) => remove('agreements', unitId, id),

    listFeedback: ({ unitId }) => list('feedback', unitId),
    createFeedback: ({ unitId, fields }) => {
      requireUnitContact(unitId, fields.fromContactId, 'fromContactId');
      checkReceivedDate(fields);
      const record: Feedback = { ...stamp(ctx, newId(), normaliseFeedback(fields)), unitId };
      return create('feedback', unitId, record);
    },
    updateFeedback: ({ unitId, id, fields }) => {
      requireUnitContact(unitId, fields.fromContactId, 'fromContactId');
      checkReceivedDate(fields);
      return update('feedback', unitId, id, (f) => ({ ...f, ...normaliseFeedback(fields) }));
    },
    deleteFeedback: ({ unitId, id }) => remove('feedback', unitId, id),

    listSurveys: ({ unitId }) => list('surveys', unitId),
    createSurvey: ({ unitId, fields }) => {
      requireUnitContact(unitId, fields.respondentContactId, 'respondentContactId');
      checkSurveyScores(fields, null);
      return create('surveys', unitId, { ...stamp(ctx, newId(), fields), unitId } satisfies Survey);
    },
    updateSurvey: ({ unitId, id, fields }) => {
      requireUnitContact(unitId, fields.respondentContactId, 'respondentContactId');
      checkSurveyScores(fields, findRecord('surveys', unitId, id));
      return update('surveys', unitId, id, (s) => ({ ...s, ...fields }));
    },
    deleteSurvey: ({ unitId, id }) => remove('surveys', unitId, id),
  };
}

/** The questions surveys ask and the ideal split of the BRM's time: one settings file for all units. */
function registerSettingsHandlers(ctx: ServiceContext): SettingsHandlers {
  return {
    getRegisterSettings: () => ctx.store.get(registerSettingsShard),
    updateSurveyQuestions: ({ questions }) =>
      ctx.store.put(registerSettingsShard, null, {
        ...ctx.store.get(registerSettingsShard),
        surveyQuestions: questions,
      }),
    updateIdealSplit: ({ split }) =>
      ctx.store.put(registerSettingsShard, null, {
        ...ctx.store.get(registerSettingsShard),
        idealSplit: split,
      }),
  };
}

/** The BRM's time log: one file per year, so a year's entries are read and written together. */
function timeLogHandlers(ctx: ServiceContext): TimeLogHandlers {
  const timeYears = () => ctx.store.keys(timeLogShard).sort();
  const timeFile = (year: string) =>
    ctx.store.has(timeLogShard, year) ? ctx.store.get(timeLogShard, year) : timeLogShard.empty();
  const findTimeEntry = (id: string): { year: string; entry: TimeEntry } => {
    for (const year of timeYears()) {
      const entry = timeFile(year).entries.find((e) => e.id === id);
      if (entry) return { year, entry };
    }
    throw notFound('time entry');
  };
  const byDate = (a: TimeEntry, b: TimeEntry) =>
    a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt);

  return {
    listTimeEntries: (range) =>
      yearsOf(range)
        .flatMap((year) => timeFile(year).entries)
        .filter((e) => inRange(e.date, range))
        .sort(byDate),
    createTimeEntry: ({ fields }) => {
      const entry: TimeEntry = stamp(ctx, newId(), fields);
      const year = fields.date.slice(0, 4);
      const file = timeFile(year);
      ctx.store.put(timeLogShard, year, { entries: [...file.entries, entry] });
      return entry;
    },
    updateTimeEntry: ({ id, fields }) => {
      const { year, entry } = findTimeEntry(id);
      const updated: TimeEntry = { ...entry, ...fields, updatedAt: ctx.now().toISOString() };
      const newYear = fields.date.slice(0, 4);
      if (newYear === year) {
        const file = timeFile(year);
        ctx.store.put(timeLogShard, year, {
          entries: file.entries.map((e) => (e.id === id ? updated : e)),
        });
      } else {
        // Two files change. Add to the new year first: a failure in between leaves a duplicate to delete,
        // never a lost entry.
        ctx.store.put(timeLogShard, newYear, { entries: [...timeFile(newYear).entries, updated] });
        ctx.store.put(timeLogShard, year, { entries: timeFile(year).entries.filter((e) => e.id !== id) });
      }
      return updated;
    },
    deleteTimeEntry: ({ id }) => {
      const { year } = findTimeEntry(id);
      ctx.store.put(timeLogShard, year, { entries: timeFile(year).entries.filter((e) => e.id !== id) });
      return { deleted: id };
    },
  };
}

/** What the registers add up to: the dashboard across units, and a meeting's context for its agenda. */
function overviewHandlers(ctx: ServiceContext): OverviewHandlers {
  const today = () => format(ctx.now(), 'yyyy-MM-dd');
  const records = (unitId: string) => unitRecordsOf(ctx.store, unitId);

  return {
    getDashboard: () => {
      const registers: UnitRegisters[] = ctx.store.keys(unitRecordsShard).map((unitId) => ({
        unitId,
        ...records(unitId),
      }));
      const meetings: MeetingSummary[] = [...ctx.store.summaries(meetingShard).values()];
      return computeDashboard({ directory: ctx.store.get(directoryShard), registers, meetings }, today());
    },

    getAgendaContext: ({ meetingId }) => {
      if (!ctx.store.has(meetingShard, meetingId)) throw notFound('meeting');
      const meeting = ctx.store.get(meetingShard, meetingId);
      return agendaContext(meeting, records(meeting.unitId));
    },
  };
}
