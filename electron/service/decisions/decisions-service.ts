import type { WorkbookHandlers } from '../../../shared/contract';
import { richTextToPlain } from '../../../shared/rich-text/rich-text';
import { WorkbookError } from '../../../shared/contract/define';
import {
  matchesDecisionQuery,
  sameTarget,
  type DecisionLinkView,
  type DecisionRecord,
  type DecisionRow,
  type DecisionTarget,
} from '../../../shared/domain/decisions';
import type { MeetingHeader } from '../../../shared/domain/meetings';
import { describeTarget, serviceLevelsOf } from '../../../shared/domain/service-levels';
import { notFound, type ServiceContext } from '../context';
import { saveDocx } from '../export/export-service';
import { decisionsReport } from '../reports/decisions-report';
import { reportFileName, reportFrame } from '../reports/report-kit';
import { requireUnit, unitRecordsOf } from '../store/unit-records';
import { directoryShard, meetingShard, unitRecordsShard, type UnitRecords } from '../store/shards';

type DecisionHandlers = Pick<
  WorkbookHandlers,
  'listDecisions' | 'linkDecision' | 'unlinkDecision' | 'setDecisionStatus' | 'exportDecisionsReport'
>;

interface Located {
  meeting: MeetingHeader;
  decision: MeetingHeader['decisions'][number];
}

/** Every decision of every meeting (of one unit, or all), from the meeting summaries: no file is read. */
function decisionsInMeetings(ctx: ServiceContext, unitId: string | null): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const meeting of ctx.store.summaries(meetingShard).values()) {
    if (unitId && meeting.unitId !== unitId) continue;
    for (const decision of meeting.decisions) out.set(decision.id, { meeting, decision });
  }
  return out;
}

/** Names the records a decision can link to, within its unit. */
function targetLabeller(records: UnitRecords) {
  const levels = new Map(serviceLevelsOf(records.agreements).map((l) => [l.serviceLevelId, l]));
  return (target: DecisionTarget): DecisionLinkView => {
    const gone = { ...target, label: 'Deleted record', agreementId: null, exists: false };
    switch (target.kind) {
      case 'agreement': {
        const a = records.agreements.find((x) => x.id === target.id);
        return a ? { ...target, label: a.title, agreementId: a.id, exists: true } : gone;
      }
      case 'service-level': {
        const l = levels.get(target.id);
        return l
          ? {
              ...target,
              label: `${l.agreementTitle} › ${l.service} › ${l.metric} ${describeTarget(l)}`,
              agreementId: l.agreementId,
              exists: true,
            }
          : gone;
      }
      case 'requirement': {
        const r = records.requirements.find((x) => x.id === target.id);
        return r ? { ...target, label: r.title, agreementId: null, exists: true } : gone;
      }
      case 'project': {
        const p = records.projects.find((x) => x.id === target.id);
        return p ? { ...target, label: p.name, agreementId: null, exists: true } : gone;
      }
      case 'outcome': {
        const o = records.outcomes.find((x) => x.id === target.id);
        return o ? { ...target, label: o.outcome, agreementId: null, exists: true } : gone;
      }
    }
  };
}

/** The register's rows, newest meeting first. */
export function decisionRows(ctx: ServiceContext, unitId: string | null, query = ''): DecisionRow[] {
  if (unitId) requireUnit(ctx.store, unitId);
  const located = decisionsInMeetings(ctx, null);
  const unitNames = new Map(ctx.store.get(directoryShard).units.map((u) => [u.id, u.name]));
  const perUnit = new Map<
    string,
    { records: Map<string, DecisionRecord>; label: ReturnType<typeof targetLabeller> }
  >();
  const unitView = (id: string) => {
    let view = perUnit.get(id);
    if (!view) {
      const records = unitRecordsOf(ctx.store, id);
      view = {
        records: new Map(records.decisionRecords.map((r) => [r.id, r])),
        label: targetLabeller(records),
      };
      perUnit.set(id, view);
    }
    return view;
  };
  const rows: DecisionRow[] = [];
  for (const { meeting, decision } of located.values()) {
    if (unitId && meeting.unitId !== unitId) continue;
    const view = unitView(meeting.unitId);
    const record = view.records.get(decision.id);
    const successor = record?.supersededById ? located.get(record.supersededById) : undefined;
    rows.push({
      id: decision.id,
      unitId: meeting.unitId,
      unitName: unitNames.get(meeting.unitId) ?? 'Deleted unit',
      meetingId: meeting.id,
      meetingDate: meeting.date,
      meetingKind: meeting.kind,
      itemTitle: decision.itemTitle,
      // The register is a list of one-line entries (screen, Word, CSV): the decision's words, no markup.
      text: richTextToPlain(decision.text),
      status: record?.status ?? 'in-force',
      supersededBy: successor
        ? {
            id: successor.decision.id,
            text: richTextToPlain(successor.decision.text),
            meetingDate: successor.meeting.date,
          }
        : null,
      links: (record?.links ?? []).map(view.label),
    });
  }
  rows.sort(
    (a, b) =>
      b.meetingDate.localeCompare(a.meetingDate) ||
      a.unitName.localeCompare(b.unitName) ||
      a.itemTitle.localeCompare(b.itemTitle),
  );
  return query.trim() ? rows.filter((r) => matchesDecisionQuery(r, query)) : rows;
}

export function decisionsHandlers(ctx: ServiceContext): DecisionHandlers {
  const locate = (decisionId: string): Located => {
    const found = decisionsInMeetings(ctx, null).get(decisionId);
    if (!found) throw notFound('decision');
    return found;
  };

  /** Changes the register's record of a decision (created on first change) and returns its row. */
  const change = (
    decisionId: string,
    edit: (current: DecisionRecord, records: UnitRecords) => DecisionRecord,
  ) => {
    const { meeting } = locate(decisionId);
    const records = unitRecordsOf(ctx.store, meeting.unitId);
    const at = ctx.now().toISOString();
    const current: DecisionRecord = records.decisionRecords.find((r) => r.id === decisionId) ?? {
      id: decisionId,
      createdAt: at,
      updatedAt: at,
      meetingId: meeting.id,
      status: 'in-force',
      supersededById: null,
      links: [],
    };
    const next = { ...edit(current, records), updatedAt: at };
    ctx.store.put(unitRecordsShard, meeting.unitId, {
      ...records,
      decisionRecords: [...records.decisionRecords.filter((r) => r.id !== decisionId), next],
    });
    const row = decisionRows(ctx, meeting.unitId).find((r) => r.id === decisionId);
    if (!row) throw notFound('decision');
    return row;
  };

  return {
    listDecisions: ({ unitId, query }) => decisionRows(ctx, unitId, query),

    exportDecisionsReport: ({ unitId }) => {
      const frame = reportFrame(ctx);
      const scope = unitId ? requireUnit(ctx.store, unitId).name : 'All units';
      const spec = decisionsReport(decisionRows(ctx, unitId), scope, frame);
      return saveDocx(ctx, frame.build(spec), reportFileName(frame.today, `Decision register ${scope}`));
    },

    linkDecision: ({ decisionId, target }) =>
      change(decisionId, (current, records) => {
        if (!targetLabeller(records)(target).exists) {
          throw new WorkbookError(
            'not-found',
            'A decision can only be linked to a record of its own unit, and that one does not exist there.',
          );
        }
        return current.links.some((l) => sameTarget(l, target))
          ? current
          : { ...current, links: [...current.links, target] };
      }),

    unlinkDecision: ({ decisionId, target }) =>
      change(decisionId, (current) => ({
        ...current,
        links: current.links.filter((l) => !sameTarget(l, target)),
      })),

    setDecisionStatus: ({ decisionId, status, supersededById }) =>
      change(decisionId, (current) => {
        if (status === 'superseded' && supersededById) {
          const successor = locate(supersededById);
          const self = locate(decisionId);
          if (successor.meeting.unitId !== self.meeting.unitId) {
            throw new WorkbookError(
              'invalid-input',
              'A decision can only be superseded by one of its own unit.',
              {
                supersededById: 'Choose a decision of the same unit.',
              },
            );
          }
        }
        return { ...current, status, supersededById: status === 'superseded' ? supersededById : null };
      }),
  };
}
