import { format } from 'date-fns';
import type { WorkbookHandlers } from '../../../shared/contract';
import { UTF8_BOM, recordsToCsv, type CsvColumn } from '../../../shared/csv/csv';
import {
  CSV_REGISTER_LABELS,
  actionColumns,
  agreementColumns,
  contactColumns,
  feedbackColumns,
  serviceResultColumns,
  surveyColumns,
  majorIncidentColumns,
  projectColumns,
  requirementColumns,
  unitColumns,
  watchNoteColumns,
  decisionColumns,
  type CsvRegister,
  type ExportLookups,
  type InUnit,
} from '../../../shared/csv/register-exports';
import { MEETING_KIND_LABELS } from '../../../shared/domain/meetings';
import { serviceLevelsOf } from '../../../shared/domain/service-levels';
import type { ServiceContext } from '../context';
import { decisionRows } from '../decisions/decisions-service';
import { directoryShard, meetingShard, registerSettingsShard, watchShard } from '../store/shards';
import { requireUnit, unitRecordsOf } from '../store/unit-records';

type CsvExportHandlers = Pick<WorkbookHandlers, 'exportRegisterCsv'>;

/** Names for the ids records refer to, from the directory and the meetings as they are now. */
export function exportLookups(ctx: ServiceContext): ExportLookups {
  const { units, contacts } = ctx.store.get(directoryShard);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const contactById = new Map(contacts.map((c) => [c.id, c]));
  return {
    unitPath: (unitId) => {
      const names: string[] = [];
      const seen = new Set<string>();
      let current = unitById.get(unitId);
      while (current && !seen.has(current.id)) {
        seen.add(current.id);
        names.unshift(current.name);
        current = current.parentId ? unitById.get(current.parentId) : undefined;
      }
      return names.join(' › ');
    },
    contactName: (contactId) => (contactId ? (contactById.get(contactId)?.name ?? '') : ''),
    meetingLabel: (meetingId) => {
      // The header suffices: a register of ten years must not read (and keep) every meeting it names.
      const meeting = meetingId ? ctx.store.summaries(meetingShard).get(meetingId) : undefined;
      if (!meeting) return '';
      return `${meeting.date} ${MEETING_KIND_LABELS[meeting.kind].toLowerCase()} review`;
    },
  };
}

export function csvExportHandlers(ctx: ServiceContext): CsvExportHandlers {
  /** The units in scope: one, or every unit in the order of the directory. */
  const unitsInScope = (unitId: string | null) =>
    unitId ? [requireUnit(ctx.store, unitId)] : ctx.store.get(directoryShard).units;

  /** One per-unit register's records across the units in scope, each with its unit. */
  const perUnit = <T>(unitId: string | null, pick: (unitId: string) => readonly T[]): InUnit<T>[] =>
    unitsInScope(unitId).flatMap((u) => pick(u.id).map((r) => ({ ...r, unitId: u.id })));

  const build = (register: CsvRegister, unitId: string | null): string => {
    const l = exportLookups(ctx);
    const csv = <T>(columns: CsvColumn<T>[], records: readonly T[]) => recordsToCsv(columns, records);
    switch (register) {
      case 'units': {
        const { contacts } = ctx.store.get(directoryShard);
        return csv(
          unitColumns(l),
          unitsInScope(unitId).map((unit) => ({
            unit,
            contacts: contacts.filter((c) => c.unitId === unit.id),
          })),
        );
      }
      case 'contacts': {
        const inScope = new Set(unitsInScope(unitId).map((u) => u.id));
        return csv(
          contactColumns(l),
          ctx.store.get(directoryShard).contacts.filter((c) => inScope.has(c.unitId)),
        );
      }
      case 'actions':
        return csv(
          actionColumns(l, format(ctx.now(), 'yyyy-MM-dd')),
          perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).actions).sort((a, b) =>
            a.dueDate.localeCompare(b.dueDate),
          ),
        );
      case 'agreements':
        return csv(
          agreementColumns(l),
          perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).agreements),
        );
      case 'feedback':
        return csv(
          feedbackColumns(l),
          perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).feedback).sort((a, b) =>
            a.date.localeCompare(b.date),
          ),
        );
      case 'surveys': {
        const surveys = perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).surveys).sort((a, b) =>
          a.date.localeCompare(b.date),
        );
        return csv(surveyColumns(l, ctx.store.get(registerSettingsShard).surveyQuestions, surveys), surveys);
      }
      case 'service-results': {
        const rows = unitsInScope(unitId).flatMap((u) => {
          const { agreements, serviceResults } = unitRecordsOf(ctx.store, u.id);
          const levels = new Map(
            serviceLevelsOf(agreements).map((v) => [`${v.agreementId}/${v.serviceLevelId}`, v]),
          );
          return serviceResults.flatMap((result) => {
            const level = levels.get(`${result.agreementId}/${result.serviceLevelId}`);
            return level ? [{ unitId: u.id, level, result }] : [];
          });
        });
        rows.sort(
          (a, b) =>
            a.result.month.localeCompare(b.result.month) ||
            a.level.service.localeCompare(b.level.service) ||
            a.level.metric.localeCompare(b.level.metric),
        );
        return csv(serviceResultColumns(l), rows);
      }
      case 'major-incidents':
        return csv(
          majorIncidentColumns(l),
          perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).majorIncidents).sort((a, b) =>
            a.date.localeCompare(b.date),
          ),
        );
      case 'projects':
        return csv(
          projectColumns(l),
          perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).projects),
        );
      case 'requirements':
        return csv(
          requirementColumns(l),
          perUnit(unitId, (id) => unitRecordsOf(ctx.store, id).requirements).sort((a, b) =>
            a.raisedOn.localeCompare(b.raisedOn),
          ),
        );
      case 'decisions':
        // Oldest first, like the other registers of dated records.
        return csv(decisionColumns(l), decisionRows(ctx, unitId).reverse());
      case 'technology-watch': {
        const notes = ctx.store.get(watchShard).notes;
        return csv(
          watchNoteColumns(l),
          (unitId ? notes.filter((n) => n.unitIds.includes(unitId)) : notes)
            .slice()
            .sort((a, b) => a.notedOn.localeCompare(b.notedOn)),
        );
      }
    }
  };

  return {
    exportRegisterCsv: async ({ register, unitId }) => {
      const text = build(register, unitId);
      const scope = unitId ? requireUnit(ctx.store, unitId).name : 'All units';
      const suggestedName = `${format(ctx.now(), 'yyyy-MM-dd')} ${scope} ${CSV_REGISTER_LABELS[register].toLowerCase()}.csv`;
      return ctx.host.saveDocument({
        suggestedName,
        bytes: new TextEncoder().encode(UTF8_BOM + text),
        extension: 'csv',
      });
    },
  };
}
