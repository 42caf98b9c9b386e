/** The action log of one unit or of all units, filtered as in the action register. */
import type { ActionItem } from '../../../shared/domain/meetings';
import type { MeetingRef } from '../../../shared/domain/action-trail';
import { actionTrail, meetingLabel } from '../../../shared/domain/action-trail';
import { ACTION_STATUS_LABELS, isActionOpen, type ActionStatus } from '../../../shared/domain/meetings';
import { COLOURS, STYLES, dataTable, paragraph, run, type CellValue } from '../export/docx-kit';
import type { ReportFrame, ReportSpec } from './report-kit';

export interface ActionLogFilter {
  unitName: string | null;
  owner: string | null;
  statuses: readonly ActionStatus[];
  overdueOnly: boolean;
  today: string;
}

/** "Retail · owner Maria · open or in progress · overdue only": the filter, in words. */
export function describeFilter(f: ActionLogFilter): string {
  const parts = [f.unitName ?? 'All units'];
  if (f.owner) parts.push(`owner ${f.owner}`);
  if (f.statuses.length)
    parts.push(f.statuses.map((s) => ACTION_STATUS_LABELS[s].toLowerCase()).join(' or '));
  if (f.overdueOnly) parts.push(`overdue on ${f.today}`);
  return parts.join(' · ');
}

/** The listed actions whole (the log prints their trails), the meetings they name, and how many exist. */
export interface ActionLog {
  actions: ActionItem[];
  meetings: Record<string, MeetingRef>;
  total: number;
}

export function actionLogReport(
  register: ActionLog,
  filter: ActionLogFilter,
  unitName: (unitId: string) => string,
  frame: ReportFrame,
): ReportSpec {
  const meetingOf = (id: string) => register.meetings[id];
  const open = register.actions.filter((a) => isActionOpen(a.status));
  const overdue = open.filter((a) => a.dueDate < filter.today);
  const due = (dueDate: string, late: boolean): CellValue =>
    late
      ? [
          paragraph(frame.dates.short(dueDate), { style: STYLES.tableText }),
          paragraph([run('Overdue', { bold: true, color: COLOURS.overdue, size: 17 })], {
            style: STYLES.tableText,
          }),
        ]
      : frame.dates.short(dueDate);
  return {
    title: 'Action log',
    subtitle: describeFilter(filter),
    kind: 'Action log',
    children: [
      paragraph(
        `${register.actions.length} action${register.actions.length === 1 ? '' : 's'} of ${register.total}: ${open.length} open, ${overdue.length} overdue on ${frame.dates.short(filter.today)}.`,
      ),
      register.actions.length
        ? dataTable(
            frame.page,
            [
              { header: 'Business unit', share: 0.14 },
              { header: 'Action', share: 0.28 },
              { header: 'Owner', share: 0.13 },
              { header: 'Due', share: 0.11 },
              { header: 'Status', share: 0.1 },
              { header: 'Trail', share: 0.24 },
            ],
            register.actions.map((a) => [
              unitName(a.unitId),
              a.title,
              a.owner,
              due(a.dueDate, isActionOpen(a.status) && a.dueDate < filter.today),
              ACTION_STATUS_LABELS[a.status],
              actionTrail(a, meetingOf)
                .map((line) => {
                  const where = line.meeting
                    ? meetingLabel(line.meeting)
                    : `${frame.dates.short(line.date)}${line.by ? `, outside a meeting, by ${line.by}` : ''}`;
                  const what =
                    line.event === 'raised'
                      ? 'Raised'
                      : line.event === 'closed'
                        ? ACTION_STATUS_LABELS[line.status]
                        : 'Updated';
                  return `${what}: ${where}${line.note ? ` — ${line.note}` : ''}`;
                })
                .join('\n'),
            ]),
          )
        : paragraph('No actions match this filter.', { style: STYLES.note }),
    ],
  };
}
