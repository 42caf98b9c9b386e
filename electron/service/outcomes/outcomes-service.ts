import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { newId } from '../../../shared/domain/ids';
import type { Outcome, OutcomeFields } from '../../../shared/domain/outcomes';
import { notFound, replaceById, stamp, type ServiceContext } from '../context';
import { saveDocx } from '../export/export-service';
import { exportLookups } from '../review-pack/csv-export-service';
import { reportFileName, reportFrame } from '../reports/report-kit';
import { outcomeChartPngs, valueReport } from '../reports/value-report';
import { requireUnit, unitRecordsOf } from '../store/unit-records';
import { directoryShard, meetingShard, unitRecordsShard } from '../store/shards';

type OutcomeHandlers = Pick<
  WorkbookHandlers,
  'listOutcomes' | 'saveOutcome' | 'deleteOutcome' | 'recordOutcomeValue' | 'exportValueReport'
>;

/** The outcomes of one unit, or of every unit (by unit, then target date). */
export function outcomesOf(ctx: ServiceContext, unitId: string | null): Outcome[] {
  const ids = unitId
    ? [requireUnit(ctx.store, unitId).id]
    : ctx.store.get(directoryShard).units.map((u) => u.id);
  return ids.flatMap((id) =>
    [...unitRecordsOf(ctx.store, id).outcomes].sort((a, b) => a.targetDate.localeCompare(b.targetDate)),
  );
}

export function outcomesHandlers(ctx: ServiceContext): OutcomeHandlers {
  /** Owner, projects and requirements must belong to the outcome's unit: field errors name which. */
  const checkReferences = (unitId: string, fields: OutcomeFields) => {
    const errors: Record<string, string> = {};
    const contacts = ctx.store.get(directoryShard).contacts;
    if (
      fields.ownerContactId &&
      !contacts.some((c) => c.id === fields.ownerContactId && c.unitId === unitId)
    ) {
      errors.ownerContactId = 'Choose a contact of this unit as the business owner.';
    }
    const records = unitRecordsOf(ctx.store, unitId);
    if (fields.projectIds.some((id) => !records.projects.some((p) => p.id === id))) {
      errors.projectIds = 'A linked project is not one of this unit’s projects.';
    }
    if (fields.requirementIds.some((id) => !records.requirements.some((r) => r.id === id))) {
      errors.requirementIds = 'A linked requirement is not one of this unit’s requirements.';
    }
    const first = Object.values(errors)[0];
    if (first) throw new WorkbookError('invalid-input', first, errors);
  };

  const findOutcome = (outcomeId: string) => {
    for (const unitId of ctx.store.keys(unitRecordsShard)) {
      const outcome = ctx.store.get(unitRecordsShard, unitId).outcomes.find((o) => o.id === outcomeId);
      if (outcome) return { unitId, outcome };
    }
    throw notFound('outcome');
  };

  return {
    listOutcomes: ({ unitId }) => outcomesOf(ctx, unitId),

    exportValueReport: async ({ unitId }) => {
      const frame = reportFrame(ctx);
      const scope = unitId ? requireUnit(ctx.store, unitId).name : 'All units';
      const lookups = exportLookups(ctx);
      const unitNames = new Map(ctx.store.get(directoryShard).units.map((u) => [u.id, u.name]));
      const outcomes = outcomesOf(ctx, unitId);
      const spec = valueReport(
        outcomes,
        scope,
        {
          unitName: (id) => unitNames.get(id) ?? 'Deleted unit',
          contactName: lookups.contactName,
          meetingLabel: lookups.meetingLabel,
          projectName: (u, id) =>
            unitRecordsOf(ctx.store, u).projects.find((p) => p.id === id)?.name ?? 'Deleted project',
          requirementTitle: (u, id) =>
            unitRecordsOf(ctx.store, u).requirements.find((r) => r.id === id)?.title ?? 'Deleted requirement',
        },
        frame,
        await outcomeChartPngs(outcomes, frame),
      );
      return saveDocx(ctx, frame.build(spec), reportFileName(frame.today, `Value realised ${scope}`));
    },

    saveOutcome: ({ unitId, id, fields }) => {
      requireUnit(ctx.store, unitId);
      checkReferences(unitId, fields);
      const records = unitRecordsOf(ctx.store, unitId);
      if (id === null) {
        const outcome: Outcome = { ...stamp(ctx, newId(), { ...fields, unitId }), values: [] };
        ctx.store.put(unitRecordsShard, unitId, { ...records, outcomes: [...records.outcomes, outcome] });
        return outcome;
      }
      const { list, record } = replaceById(
        ctx,
        records.outcomes,
        id,
        (o) => ({ ...o, ...fields }),
        'outcome',
      );
      ctx.store.put(unitRecordsShard, unitId, { ...records, outcomes: list });
      return record;
    },

    deleteOutcome: ({ unitId, id }) => {
      requireUnit(ctx.store, unitId);
      const records = unitRecordsOf(ctx.store, unitId);
      if (!records.outcomes.some((o) => o.id === id)) throw notFound('outcome');
      ctx.store.put(unitRecordsShard, unitId, {
        ...records,
        outcomes: records.outcomes.filter((o) => o.id !== id),
      });
      return { deleted: id };
    },

    recordOutcomeValue: ({ outcomeId, date, value, note, meetingId }) => {
      const { unitId } = findOutcome(outcomeId);
      if (meetingId !== undefined && ctx.store.summaries(meetingShard).get(meetingId)?.unitId !== unitId) {
        throw new WorkbookError('invalid-input', 'That meeting is not one of this outcome’s unit.', {
          meetingId: 'Choose a meeting of the outcome’s unit.',
        });
      }
      const records = ctx.store.get(unitRecordsShard, unitId);
      const entry = {
        id: newId(),
        createdAt: ctx.now().toISOString(),
        date,
        value,
        note,
        meetingId: meetingId ?? null,
      };
      const { list, record } = replaceById(
        ctx,
        records.outcomes,
        outcomeId,
        (o) => ({ ...o, values: [...o.values, entry] }),
        'outcome',
      );
      ctx.store.put(unitRecordsShard, unitId, { ...records, outcomes: list });
      return record;
    },
  };
}
