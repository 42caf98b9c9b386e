import type { WorkbookHandlers } from '../../../shared/contract';
import { WorkbookError } from '../../../shared/contract/define';
import { planServiceResultsImport, type ColumnMapping } from '../../../shared/csv/service-results-import';
import { newId } from '../../../shared/domain/ids';
import type { ServiceResult } from '../../../shared/domain/review-pack';
import { serviceLevelsOf } from '../../../shared/domain/service-levels';
import { notFound, stamp, type ServiceContext } from '../context';
import { unitRecordsShard } from '../store/shards';
import { requireUnit, unitRecordsOf } from '../store/unit-records';

type ServiceResultHandlers = Pick<
  WorkbookHandlers,
  'recordServiceResult' | 'deleteServiceResult' | 'previewServiceResultsImport' | 'importServiceResults'
>;

const sameSlot = (a: Pick<ServiceResult, 'agreementId' | 'serviceLevelId' | 'month'>) => (b: ServiceResult) =>
  b.agreementId === a.agreementId && b.serviceLevelId === a.serviceLevelId && b.month === a.month;

export function serviceResultHandlers(ctx: ServiceContext): ServiceResultHandlers {
  const records = (unitId: string) => {
    requireUnit(ctx.store, unitId);
    return unitRecordsOf(ctx.store, unitId);
  };
  const plan = (unitId: string, csv: string, mapping: Partial<ColumnMapping>) => {
    const current = records(unitId);
    return {
      current,
      plan: planServiceResultsImport(
        csv,
        serviceLevelsOf(current.agreements),
        current.serviceResults,
        mapping,
      ),
    };
  };

  return {
    recordServiceResult: ({ unitId, fields }) => {
      const current = records(unitId);
      const known = serviceLevelsOf(current.agreements).some(
        (l) => l.agreementId === fields.agreementId && l.serviceLevelId === fields.serviceLevelId,
      );
      if (!known) {
        throw new WorkbookError(
          'invalid-input',
          'That service level is not (or no longer) in this unit’s agreements.',
          {
            'fields.serviceLevelId': 'Choose one of the agreed service levels.',
          },
        );
      }
      const existing = current.serviceResults.find(sameSlot(fields));
      const at = ctx.now().toISOString();
      const result: ServiceResult = existing
        ? { ...existing, ...fields, source: 'typed', updatedAt: at }
        : { ...stamp(ctx, newId(), fields), source: 'typed' };
      ctx.store.put(unitRecordsShard, unitId, {
        ...current,
        serviceResults: [...current.serviceResults.filter((r) => r !== existing), result],
      });
      return result;
    },

    deleteServiceResult: ({ unitId, id }) => {
      const current = records(unitId);
      if (!current.serviceResults.some((r) => r.id === id)) throw notFound('service result');
      ctx.store.put(unitRecordsShard, unitId, {
        ...current,
        serviceResults: current.serviceResults.filter((r) => r.id !== id),
      });
      return { deleted: id };
    },

    previewServiceResultsImport: ({ unitId, csv, mapping }) => plan(unitId, csv, mapping).plan,

    importServiceResults: ({ unitId, csv, mapping }) => {
      const { current, plan: p } = plan(unitId, csv, mapping);
      if (p.errors.length) {
        const what = p.rowsWithErrors
          ? `${p.rowsWithErrors} row${p.rowsWithErrors === 1 ? ' has' : 's have'} errors`
          : 'the file cannot be read as service results';
        throw new WorkbookError(
          'invalid-input',
          `Nothing was imported: ${what}. ${p.errors[0]?.message ?? ''}`.trim(),
        );
      }
      const at = ctx.now().toISOString();
      let replaced = 0;
      const next = [...current.serviceResults];
      for (const row of p.rows) {
        const fields = {
          agreementId: row.level.agreementId,
          serviceLevelId: row.level.serviceLevelId,
          month: row.month,
          achieved: row.achieved,
          note: row.note,
        };
        const index = next.findIndex(sameSlot(fields));
        const existing = next[index];
        if (existing) {
          replaced += 1;
          next[index] = { ...existing, ...fields, source: 'imported', updatedAt: at };
        } else {
          next.push({ id: newId(), createdAt: at, updatedAt: at, ...fields, source: 'imported' });
        }
      }
      // One write of the unit's file: every row is stored, or (on a disk error) none is.
      ctx.store.put(unitRecordsShard, unitId, { ...current, serviceResults: next });
      return { imported: p.rows.length, replaced };
    },
  };
}
