/**
 * Seed 000's "formally analyse the results of provider investments": per unit, each business outcome
 * with its baseline, target, latest measured value, standing, and the values measured over time.
 */
import { ImageRun, type Paragraph, type Table } from 'docx';
import { PRINT_THEME } from '../../../shared/charts/chart-theme';
import { outcomeChart } from '../../../shared/charts/outcome-chart';
import { xmlSafeLine } from '../../../shared/domain/xml-safe';
import {
  OUTCOME_STANDING_LABELS,
  outcomeStanding,
  valueSeries,
  type Outcome,
} from '../../../shared/domain/outcomes';
import { STYLES, dataTable, paragraph } from '../export/docx-kit';
import { PRINT_WIDTH_PX, chartPng } from './chart-png';
import type { ReportFrame, ReportSpec } from './report-kit';

const CHART = { width: 640, height: 240 };

/** Each outcome's chart of measured values against its target, as a PNG: only outcomes with a value. */
export async function outcomeChartPngs(
  outcomes: readonly Outcome[],
  frame: ReportFrame,
): Promise<Map<string, Uint8Array>> {
  const charts = new Map<string, Uint8Array>();
  for (const outcome of outcomes) {
    if (!valueSeries(outcome).some((p) => p.kind === 'measured')) continue;
    charts.set(outcome.id, await chartPng(outcomeChart(outcome, PRINT_THEME, frame.dates.short, CHART)));
  }
  return charts;
}

function chartParagraph(outcome: Outcome, png: Uint8Array): Paragraph {
  const name = xmlSafeLine(`${outcome.outcome}: measured against the target`).slice(0, 200);
  return paragraph([
    new ImageRun({
      type: 'png',
      data: png,
      transformation: {
        width: PRINT_WIDTH_PX,
        height: Math.round((PRINT_WIDTH_PX * CHART.height) / CHART.width),
      },
      altText: {
        name,
        title: name,
        description: xmlSafeLine(
          `Measured values of ${outcome.measure} from the baseline ${outcome.baseline} against the target ${outcome.target}.`,
        ).slice(0, 500),
      },
    }),
  ]);
}

export interface ValueReportNames {
  unitName: (unitId: string) => string;
  contactName: (contactId: string | null) => string;
  projectName: (unitId: string, projectId: string) => string;
  requirementTitle: (unitId: string, requirementId: string) => string;
  meetingLabel: (meetingId: string | null) => string;
}

function outcomeBlock(
  outcome: Outcome,
  names: ValueReportNames,
  frame: ReportFrame,
  chart: Uint8Array | undefined,
): (Paragraph | Table)[] {
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
    ...(chart ? [chartParagraph(outcome, chart)] : []),
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
  /** Outcome id → its chart (outcomeChartPngs). */
  charts: ReadonlyMap<string, Uint8Array>,
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
      children.push(...outcomeBlock(outcome, names, frame, charts.get(outcome.id)));
    }
  }
  return {
    title: 'Value realised',
    subtitle: `${scope}, as of ${frame.dates.long(frame.today)}`,
    kind: 'Value realised',
    children,
  };
}
