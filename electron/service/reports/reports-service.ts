import type { WorkbookHandlers } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { saveDocx } from '../export/export-service';
import { wholeActions } from '../meetings/action-register';
import { actionsHandlers } from '../meetings/actions-service';
import { meetingRecords } from '../meetings/meeting-records';
import { requireUnit, unitRecordsOf } from '../store/unit-records';
import { directoryShard, registerSettingsShard, unitRecordsShard } from '../store/shards';
import { actionLogReport, type ActionLog } from './action-log-report';
import { agreementsReport } from './agreements-report';
import { customerStructureReport } from './customer-structure-report';
import { reportFileName, reportFrame } from './report-kit';
import { satisfactionChartPng, satisfactionReport } from './satisfaction-report';

type ReportHandlers = Pick<
  WorkbookHandlers,
  | 'exportCustomerStructureReport'
  | 'exportActionLogReport'
  | 'exportSatisfactionReport'
  | 'exportAgreementsReport'
>;

/** The Word reports a BRM publishes (seed 002's outputs), built from the store as it is now. */
export function reportsHandlers(ctx: ServiceContext): ReportHandlers {
  const names = () => {
    const { units, contacts } = ctx.store.get(directoryShard);
    const unitById = new Map(units.map((u) => [u.id, u.name]));
    const contactById = new Map(contacts.map((c) => [c.id, c.name]));
    return {
      unitName: (id: string) => unitById.get(id) ?? 'Deleted unit',
      contactName: (id: string | null) => (id ? (contactById.get(id) ?? '') : ''),
    };
  };
  /** One register's records of one unit, or of every unit that has records. */
  const across = <T>(unitId: string | null, pick: (unitId: string) => readonly T[]): T[] =>
    (unitId ? [requireUnit(ctx.store, unitId).id] : ctx.store.keys(unitRecordsShard)).flatMap((id) => [
      ...pick(id),
    ]);

  return {
    exportCustomerStructureReport: () => {
      const frame = reportFrame(ctx);
      const spec = customerStructureReport(ctx.store.get(directoryShard), frame);
      return saveDocx(ctx, frame.build(spec), reportFileName(frame.today, 'Customer structure'));
    },

    exportActionLogReport: async (filter) => {
      const frame = reportFrame(ctx);
      const { unitName } = names();
      const records = meetingRecords(ctx);
      const listed = await actionsHandlers(ctx, records).listActions(filter);
      const whole = wholeActions(listed.actions, records);
      const register = {
        actions: whole.map((w) => w.action),
        meetings: Object.assign({}, ...whole.map((w) => w.meetings)) as ActionLog['meetings'],
        total: listed.total,
      };
      const scope = filter.unitId ? requireUnit(ctx.store, filter.unitId).name : null;
      const spec = actionLogReport(register, { ...filter, unitName: scope }, unitName, frame);
      return saveDocx(
        ctx,
        frame.build(spec),
        reportFileName(frame.today, `Action log ${scope ?? 'all units'}`),
      );
    },

    exportSatisfactionReport: async ({ unitId, from, to }) => {
      const frame = reportFrame(ctx);
      const { unitName } = names();
      const scope = unitId ? requireUnit(ctx.store, unitId).name : 'All units';
      const surveys = across(unitId, (id) => unitRecordsOf(ctx.store, id).surveys).filter(
        (s) => s.date >= from && s.date <= to,
      );
      const spec = satisfactionReport(
        {
          surveys,
          questions: ctx.store.get(registerSettingsShard).surveyQuestions,
          period: { from, to },
          unitId,
          unitName,
          chartPng: await satisfactionChartPng(surveys, unitId, unitName, `Satisfaction trend, ${scope}`),
        },
        frame,
      );
      return saveDocx(
        ctx,
        frame.build(spec),
        reportFileName(frame.today, `Satisfaction ${scope} ${from} to ${to}`),
      );
    },

    exportAgreementsReport: ({ unitId }) => {
      const frame = reportFrame(ctx);
      const { unitName, contactName } = names();
      const scope = unitId ? requireUnit(ctx.store, unitId).name : 'All units';
      const agreements = across(unitId, (id) => unitRecordsOf(ctx.store, id).agreements);
      const spec = agreementsReport(agreements, scope, unitName, contactName, frame);
      return saveDocx(ctx, frame.build(spec), reportFileName(frame.today, `Agreements register ${scope}`));
    },
  };
}
