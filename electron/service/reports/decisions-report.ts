/** The decision register: every decision of the meetings, with its standing and what it changed. */
import {
  DECISION_STATUS_LABELS,
  DECISION_TARGET_LABELS,
  type DecisionRow,
} from '../../../shared/domain/decisions';
import { MEETING_KIND_LABELS } from '../../../shared/domain/meetings';
import { STYLES, dataTable, paragraph } from '../export/docx-kit';
import type { ReportFrame, ReportSpec } from './report-kit';

export function decisionsReport(rows: readonly DecisionRow[], scope: string, frame: ReportFrame): ReportSpec {
  const inForce = rows.filter((r) => r.status === 'in-force').length;
  return {
    title: 'Decision register',
    subtitle: `${scope}, as of ${frame.dates.long(frame.today)}`,
    kind: 'Decision register',
    children: [
      paragraph(`${rows.length} decision${rows.length === 1 ? '' : 's'}; ${inForce} in force.`),
      rows.length
        ? dataTable(
            frame.page,
            [
              { header: 'Meeting', share: 0.2 },
              { header: 'Decision', share: 0.36 },
              { header: 'Status', share: 0.16 },
              { header: 'Changed', share: 0.28 },
            ],
            rows.map((r) => [
              `${frame.dates.short(r.meetingDate)} ${MEETING_KIND_LABELS[r.meetingKind].toLowerCase()} review\n${r.unitName}`,
              `${r.text}\n${r.itemTitle}`,
              [
                DECISION_STATUS_LABELS[r.status],
                r.supersededBy
                  ? `by “${r.supersededBy.text}” (${frame.dates.short(r.supersededBy.meetingDate)})`
                  : '',
              ]
                .filter(Boolean)
                .join('\n'),
              r.links.map((l) => `${DECISION_TARGET_LABELS[l.kind]}: ${l.label}`).join('\n'),
            ]),
          )
        : paragraph('No decisions are recorded.', { style: STYLES.note }),
    ],
  };
}
