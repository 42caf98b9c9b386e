/**
 * Seed 000's "formally analyse the results of provider investments": per unit, each business outcome
 * with its baseline, target, latest measured value, standing, and the values measured over time.
 */
import type { Paragraph, Table } from 'docx';
import {
  OUTCOME_STANDING_LABELS,
  outcomeStanding,
  valueSeries,
  type Outcome,
} from '../../../shared/domain/outcomes';
import { STYLES, dataTable, paragraph } from '../export/docx-kit';
import type { ReportFrame, ReportSpec } from './report-kit';

export interface ValueReportNames {
  unitName: (unitId: string) => string;
  contactName: (contactId: string | null) => string;
  projectName: (unitId: string, projectId: string) => string;
  requirementTitle: (unitId: string, requirementId: string) => string;
  meetingLabel: (meetingId: string | null) => string;
}

function outcomeBlock(outcome: Outcome, names: ValueReportNames, frame: ReportFrame): (Paragraph | Table)[] {
  const standing = outcomeStanding(outcome, frame.today);
  const latest = valueSeries(outcome)
    .filter((p) => p.kind === 'measured')
    .at(-1);
  const linked = [
    ...outcome.projectIds.map((id) => `Project: ${names.projectName(outcome.unitId, id)}`),
    ...outcome.requirementIds.map((id) => `Requirement: ${names.requirementTitle(outcome.unitId, id)}`),
  ];
  const summary = dataTable(
    frame.page,
    [
      { header: 'Measure', share: 0.28 },
      { header: 'Baseline', share: 0.18 },
      { header: 'Target', share: 0.18 },
      { header: 'Latest', share: 0.18 },
      { header: 'Standing', share: 0.18 },
    ],
    [
      [
        [
          outcome.measure,
          names.contactName(outcome.ownerContactId) && `Owner: ${names.contactName(outcome.ownerContactId)}`,
        ]
          .filter(Boolean)
          .join('\n'),
        `${outcome.baseline}\n${frame.dates.short(outcome.baselineDate)}`,
        `${outcome.target}\nby ${frame.dates.short(outcome.targetDate)}`,
        latest ? `${latest.text}\n${frame.dates.short(latest.date)}` : '—',
        OUTCOME_STANDING_LABELS[standing],
      ],
    ],
  );
  const values = [...outcome.values].sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
  return [
    paragraph(outcome.outcome, { style: STYLES.heading2, keepNext: true }),
    summary,
    ...(linked.length ? [paragraph(linked.join('; '), { style: STYLES.note })] : []),
    values.length
      ? dataTable(
          frame.page,
          [
            { header: 'Date', share: 0.16 },
            { header: 'Value', share: 0.18 },
            { header: 'Recorded in', share: 0.26 },
            { header: 'Note', share: 0.4 },
          ],
          values.map((v) => [
            frame.dates.short(v.date),
            v.value,
            names.meetingLabel(v.meetingId) || 'Outside a meeting',
            v.note,
          ]),
        )
      : paragraph('No values measured yet.', { style: STYLES.note }),
  ];
}

export function valueReport(
  outcomes: readonly Outcome[],
  scope: string,
  names: ValueReportNames,
  frame: ReportFrame,
): ReportSpec {
  const units = [...new Set(outcomes.map((o) => o.unitId))].sort((a, b) =>
    names.unitName(a).localeCompare(names.unitName(b)),
  );
  const achieved = outcomes.filter((o) => outcomeStanding(o, frame.today) === 'achieved').length;
  const children: (Paragraph | Table)[] = [
    paragraph(
      outcomes.length
        ? `${outcomes.length} business outcome${outcomes.length === 1 ? '' : 's'}; ${achieved} achieved.`
        : 'No business outcomes are recorded.',
    ),
  ];
  for (const unitId of units) {
    children.push(paragraph(names.unitName(unitId), { style: STYLES.heading1, keepNext: true }));
    for (const outcome of outcomes.filter((o) => o.unitId === unitId)) {
      children.push(...outcomeBlock(outcome, names, frame));
    }
  }
  return {
    title: 'Value realised',
    subtitle: `${scope}, as of ${frame.dates.long(frame.today)}`,
    kind: 'Value realised',
    children,
  };
}
