import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { newId } from '../../../shared/domain/ids';
import type { Requirement, WatchNote } from '../../../shared/domain/review-pack';
import { serviceLevelsOf } from '../../../shared/domain/service-levels';
import { notFound, replaceById, stamp, type ServiceContext } from '../context';
import {
  directoryShard,
  meetingShard,
  unitRecordsShard,
  watchShard,
  type UnitRecords,
} from '../store/shards';

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

/** A unit's records file, or its empty form before anything was recorded for the unit. */
export function unitRecordsOf(ctx: ServiceContext, unitId: string): UnitRecords {
  return ctx.store.has(unitRecordsShard, unitId)
    ? ctx.store.get(unitRecordsShard, unitId)
    : unitRecordsShard.empty();
}

export function requireUnit(ctx: ServiceContext, unitId: string) {
  const unit = ctx.store.get(directoryShard).units.find((u) => u.id === unitId);
  if (!unit) throw notFound('business unit');
  return unit;
}

/** Newest assessment last; on the same day, the one recorded later counts. */
const byDate = <T extends { date: string }>(list: readonly T[]): T[] =>
  list
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.order - b.order)
    .map((x) => x.entry);

export function reviewPackHandlers(ctx: ServiceContext): ReviewPackHandlers {
  const records = (unitId: string) => {
    requireUnit(ctx, unitId);
    return unitRecordsOf(ctx, unitId);
  };
  const save = (unitId: string, next: UnitRecords) => ctx.store.put(unitRecordsShard, unitId, next);

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

  const remove = <K extends 'majorIncidents' | 'projects' | 'requirements'>(
    unitId: string,
    key: K,
    id: string,
    what: string,
  ) => {
    const current = records(unitId);
    const list = current[key] as ReadonlyArray<{ id: string }>;
    if (!list.some((r) => r.id === id)) throw notFound(what);
    save(unitId, { ...current, [key]: list.filter((r) => r.id !== id) });
    return { deleted: id };
  };

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

    // ── Major incidents ──────────────────────────────────────────────────────
    createMajorIncident: ({ unitId, fields }) => {
      const current = records(unitId);
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      const incident = stamp(ctx, newId(), fields);
      save(unitId, { ...current, majorIncidents: [...current.majorIncidents, incident] });
      return incident;
    },
    updateMajorIncident: ({ unitId, id, fields }) => {
      const current = records(unitId);
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      const { list, record } = replaceById(
        ctx,
        current.majorIncidents,
        id,
        (i) => ({ ...i, ...fields }),
        'major incident',
      );
      save(unitId, { ...current, majorIncidents: list });
      return record;
    },
    deleteMajorIncident: ({ unitId, id }) => remove(unitId, 'majorIncidents', id, 'major incident'),

    // ── Projects ─────────────────────────────────────────────────────────────
    createProject: ({ unitId, fields, rag }) => {
      const current = records(unitId);
      checkContact(unitId, fields.sponsorContactId, 'sponsorContactId');
      const project = { ...stamp(ctx, newId(), fields), ragHistory: [{ id: newId(), ...rag }] };
      save(unitId, { ...current, projects: [...current.projects, project] });
      return project;
    },
    updateProject: ({ unitId, id, fields }) => {
      const current = records(unitId);
      checkContact(unitId, fields.sponsorContactId, 'sponsorContactId');
      const { list, record } = replaceById(
        ctx,
        current.projects,
        id,
        (p) => ({ ...p, ...fields }),
        'project',
      );
      save(unitId, { ...current, projects: list });
      return record;
    },
    recordProjectRag: ({ unitId, id, date, rag, comment }) => {
      const current = records(unitId);
      const { list, record } = replaceById(
        ctx,
        current.projects,
        id,
        (p) => ({ ...p, ragHistory: byDate([...p.ragHistory, { id: newId(), date, rag, comment }]) }),
        'project',
      );
      save(unitId, { ...current, projects: list });
      return record;
    },
    deleteProject: ({ unitId, id }) => remove(unitId, 'projects', id, 'project'),

    // ── Requirements and improvement proposals ───────────────────────────────
    createRequirement: ({ unitId, fields }) => {
      const current = records(unitId);
      checkContact(unitId, fields.raisedByContactId, 'raisedByContactId');
      checkMeeting(unitId, fields.discussedInMeetingId, 'discussedInMeetingId');
      const requirement: Requirement = {
        ...stamp(ctx, newId(), fields),
        status: 'raised',
        history: [{ id: newId(), date: fields.raisedOn, status: 'raised', note: '' }],
      };
      save(unitId, { ...current, requirements: [...current.requirements, requirement] });
      return requirement;
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
      const { list, record } = replaceById(
        ctx,
        current.requirements,
        id,
        // The first history entry is the raise itself: it moves with the raised-on date.
        (r) => ({
          ...r,
          ...fields,
          history: r.history.map((h, i) => (i === 0 ? { ...h, date: fields.raisedOn } : h)),
        }),
        'requirement',
      );
      save(unitId, { ...current, requirements: list });
      return record;
    },
    changeRequirementStatus: ({ unitId, id, status, date, note }) => {
      const current = records(unitId);
      const existing = current.requirements.find((r) => r.id === id);
      if (!existing) throw notFound('requirement');
      checkStatusDate(existing, date);
      const { list, record } = replaceById(
        ctx,
        current.requirements,
        id,
        (r) => {
          const history = byDate([...r.history, { id: newId(), date, status, note }]);
          return { ...r, history, status: history.at(-1)?.status ?? status };
        },
        'requirement',
      );
      save(unitId, { ...current, requirements: list });
      return record;
    },
    deleteRequirement: ({ unitId, id }) => remove(unitId, 'requirements', id, 'requirement'),

    // ── Technology watch ─────────────────────────────────────────────────────
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
