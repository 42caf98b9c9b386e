import { joinParts, type WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { newId } from '../../../shared/domain/ids';
import type { Requirement, WatchNote } from '../../../shared/domain/review-pack';
import { serviceLevelsOf } from '../../../shared/domain/service-levels';
import { notFound, replaceById, stamp, type ServiceContext } from '../context';
import {
  addUnitRecord,
  removeUnitRecord,
  replaceUnitRecord,
  requireUnit,
  unitRecordsOf,
  type UnitRegister,
} from '../store/unit-records';
import { directoryShard, meetingShard, watchShard, type UnitRecords } from '../store/shards';

type ReviewPackHandlers = Pick<
  WorkbookHandlers,
  | 'getReviewRecords'
  | 'createMajorIncident'
  | 'updateMajorIncident'
  | 'deleteMajorIncident'
  | 'createProject'
  | 'updateProject'
  | 'recordProjectRag'
  | 'deleteProject'
  | 'createRequirement'
  | 'updateRequirement'
  | 'changeRequirementStatus'
  | 'deleteRequirement'
  | 'listWatchNotes'
  | 'createWatchNote'
  | 'updateWatchNote'
  | 'deleteWatchNote'
>;

/** Newest assessment last; on the same day, the one recorded later counts. */
const byDate = <T extends { date: string }>(list: readonly T[]): T[] =>
  list
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.order - b.order)
    .map((x) => x.entry);

/** The review pack's records: a unit's incidents, projects and requirements, and the technology watch. */
export function reviewPackHandlers(ctx: ServiceContext): ReviewPackHandlers {
  return joinParts(
    majorIncidentHandlers(ctx),
    projectHandlers(ctx),
    requirementHandlers(ctx),
    watchNoteHandlers(ctx),
  );
}

/** Reading and writing a unit's review records, and the links on them only the store can check. */
function unitReviewRecords(ctx: ServiceContext) {
  const records = (unitId: string) => {
    requireUnit(ctx.store, unitId);
    return unitRecordsOf(ctx.store, unitId);
  };
  const add = <K extends UnitRegister>(unitId: string, key: K, record: UnitRecords[K][number]) =>
    addUnitRecord(ctx.store, unitId, key, record);
  const replace = <K extends UnitRegister>(
    unitId: string,
    key: K,
    id: string,
    change: (current: UnitRecords[K][number]) => UnitRecords[K][number],
    what: string,
  ) => replaceUnitRecord(ctx.store, unitId, key, id, change, what, ctx.now());

  /** A contact named on a record must be one of the unit's own. */
  const checkContact = (unitId: string, contactId: string | null, field: string) => {
    if (contactId === null) return;
    const contact = ctx.store.get(directoryShard).contacts.find((c) => c.id === contactId);
    if (!contact || contact.unitId !== unitId) {
      throw new WorkbookError(
        'invalid-input',
        'That contact is not (or no longer) one of this unit’s contacts.',
        {
          [`fields.${field}`]: 'Choose one of this unit’s contacts.',
        },
      );
    }
  };

  /** A meeting a record links to must exist and be one of the unit's. */
  const checkMeeting = (unitId: string, meetingId: string | null, field: string) => {
    if (meetingId === null) return;
    if (ctx.store.summaries(meetingShard).get(meetingId)?.unitId !== unitId) {
      throw new WorkbookError(
        'invalid-input',
        'That meeting is not (or no longer) one of this unit’s meetings.',
        {
          [`fields.${field}`]: 'Choose one of this unit’s meetings.',
        },
      );
    }
  };

  const remove = (unitId: string, key: UnitRegister, id: string, what: string) =>
    removeUnitRecord(ctx.store, unitId, key, id, what);

  return { records, add, replace, remove, checkContact, checkMeeting };
}

/** What the review pack shows of a unit, and its major incidents. */
function majorIncidentHandlers(
  ctx: ServiceContext,
): Pick<
  ReviewPackHandlers,
  'getReviewRecords' | 'createMajorIncident' | 'updateMajorIncident' | 'deleteMajorIncident'
> {
  const { records, add, replace, remove, checkMeeting } = unitReviewRecords(ctx);

  return {
    getReviewRecords: ({ unitId }) => {
      const { agreements, serviceResults, majorIncidents, projects, requirements } = records(unitId);
      return {
        serviceLevels: serviceLevelsOf(agreements),
        serviceResults,
        majorIncidents,
        projects,
        requirements,
      };
    },

    createMajorIncident: ({ unitId, fields }) => {
      requireUnit(ctx.store, unitId);
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      const incident = stamp(ctx, newId(), fields);
      return add(unitId, 'majorIncidents', incident);
    },
    updateMajorIncident: ({ unitId, id, fields }) => {
      requireUnit(ctx.store, unitId);
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      return replace(unitId, 'majorIncidents', id, (i) => ({ ...i, ...fields }), 'major incident');
    },
    deleteMajorIncident: ({ unitId, id }) => remove(unitId, 'majorIncidents', id, 'major incident'),
  };
}

/** Projects the unit runs, each with its dated RAG history. */
function projectHandlers(
  ctx: ServiceContext,
): Pick<ReviewPackHandlers, 'createProject' | 'updateProject' | 'recordProjectRag' | 'deleteProject'> {
  const { add, replace, remove, checkContact } = unitReviewRecords(ctx);

  return {
    createProject: ({ unitId, fields, rag }) => {
      requireUnit(ctx.store, unitId);
      checkContact(unitId, fields.sponsorContactId, 'sponsorContactId');
      const project = { ...stamp(ctx, newId(), fields), ragHistory: [{ id: newId(), ...rag }] };
      return add(unitId, 'projects', project);
    },
    updateProject: ({ unitId, id, fields }) => {
      requireUnit(ctx.store, unitId);
      checkContact(unitId, fields.sponsorContactId, 'sponsorContactId');
      return replace(unitId, 'projects', id, (p) => ({ ...p, ...fields }), 'project');
    },
    recordProjectRag: ({ unitId, id, date, rag, comment }) => {
      requireUnit(ctx.store, unitId);
      return replace(
        unitId,
        'projects',
        id,
        (p) => ({ ...p, ragHistory: byDate([...p.ragHistory, { id: newId(), date, rag, comment }]) }),
        'project',
      );
    },
    deleteProject: ({ unitId, id }) => remove(unitId, 'projects', id, 'project'),
  };
}

/** Requirements and improvement proposals, each with the history of its status. */
function requirementHandlers(
  ctx: ServiceContext,
): Pick<
  ReviewPackHandlers,
  'createRequirement' | 'updateRequirement' | 'changeRequirementStatus' | 'deleteRequirement'
> {
  const { records, add, replace, remove, checkContact, checkMeeting } = unitReviewRecords(ctx);

  const checkStatusDate = (requirement: Pick<Requirement, 'raisedOn'>, date: string) => {
    if (date < requirement.raisedOn) {
      throw new WorkbookError(
        'invalid-input',
        `The date is before it was raised (${requirement.raisedOn}).`,
        {
          date: `Use ${requirement.raisedOn} or later.`,
        },
      );
    }
  };

  return {
    createRequirement: ({ unitId, fields }) => {
      requireUnit(ctx.store, unitId);
      checkContact(unitId, fields.raisedByContactId, 'raisedByContactId');
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      const requirement: Requirement = {
        ...stamp(ctx, newId(), fields),
        status: 'raised',
        history: [{ id: newId(), date: fields.raisedOn, status: 'raised', note: '' }],
      };
      return add(unitId, 'requirements', requirement);
    },
    updateRequirement: ({ unitId, id, fields }) => {
      const current = records(unitId);
      checkContact(unitId, fields.raisedByContactId, 'raisedByContactId');
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      const existing = current.requirements.find((r) => r.id === id);
      if (!existing) throw notFound('requirement');
      const later = existing.history.slice(1).find((h) => h.date < fields.raisedOn);
      if (later) {
        throw new WorkbookError(
          'invalid-input',
          `It cannot have been raised after its status changed on ${later.date}.`,
          { 'fields.raisedOn': `Use ${later.date} or earlier.` },
        );
      }
      return replace(
        unitId,
        'requirements',
        id,
        // The first history entry is the raise itself: it moves with the raised-on date.
        (r) => ({
          ...r,
          ...fields,
          history: r.history.map((h, i) => (i === 0 ? { ...h, date: fields.raisedOn } : h)),
        }),
        'requirement',
      );
    },
    changeRequirementStatus: ({ unitId, id, status, date, note }) => {
      const current = records(unitId);
      const existing = current.requirements.find((r) => r.id === id);
      if (!existing) throw notFound('requirement');
      checkStatusDate(existing, date);
      return replace(
        unitId,
        'requirements',
        id,
        (r) => {
          const history = byDate([...r.history, { id: newId(), date, status, note }]);
          return { ...r, history, status: history.at(-1)?.status ?? status };
        },
        'requirement',
      );
    },
    deleteRequirement: ({ unitId, id }) => remove(unitId, 'requirements', id, 'requirement'),
  };
}

/** The technology watch: notes across units, kept in one file of their own. */
function watchNoteHandlers(
  ctx: ServiceContext,
): Pick<ReviewPackHandlers, 'listWatchNotes' | 'createWatchNote' | 'updateWatchNote' | 'deleteWatchNote'> {
  const watchNotes = () => ctx.store.get(watchShard).notes;
  const checkUnits = (unitIds: readonly string[]) => {
    const known = new Set(ctx.store.get(directoryShard).units.map((u) => u.id));
    if (unitIds.some((id) => !known.has(id))) {
      throw new WorkbookError('invalid-input', 'One of the units chosen no longer exists.', {
        'fields.unitIds': 'Choose the units again.',
      });
    }
  };

  return {
    listWatchNotes: () => watchNotes(),
    createWatchNote: ({ fields }) => {
      checkUnits(fields.unitIds);
      const note: WatchNote = stamp(ctx, newId(), { ...fields, unitIds: [...new Set(fields.unitIds)] });
      ctx.store.put(watchShard, null, { notes: [...watchNotes(), note] });
      return note;
    },
    updateWatchNote: ({ id, fields }) => {
      checkUnits(fields.unitIds);
      const { list, record } = replaceById(
        ctx,
        watchNotes(),
        id,
        (n) => ({ ...n, ...fields, unitIds: [...new Set(fields.unitIds)] }),
        'technology-watch note',
      );
      ctx.store.put(watchShard, null, { notes: list });
      return record;
    },
    deleteWatchNote: ({ id }) => {
      if (!watchNotes().some((n) => n.id === id)) throw notFound('technology-watch note');
      ctx.store.put(watchShard, null, { notes: watchNotes().filter((n) => n.id !== id) });
      return { deleted: id };
    },
  };
}
