/**
 * Seed 002's "Published results of customer surveys": the satisfaction results of a period, the trend
 * as a chart image (the screen's chart, drawn with print colours and rendered to PNG), the average per
 * question and every survey with its comment.
 */
import { ImageRun, type Paragraph, type Table } from 'docx';
import { PRINT_THEME } from '../../../shared/charts/chart-theme';
import { lineChart } from '../../../shared/charts/line-chart';
import { satisfactionTrendSeries } from '../../../shared/charts/satisfaction-trend';
import { inRange, surveyAverage, type DateRange } from '../../../shared/domain/register-rules';
import type { Survey, SurveyQuestion } from '../../../shared/domain/registers';
import { STYLES, dataTable, paragraph } from '../export/docx-kit';
import { PRINT_WIDTH_PX, chartPng } from './chart-png';
import type { ReportFrame, ReportSpec } from './report-kit';

const CHART = { width: 640, height: 260 };

/** The trend chart as a PNG. */
export async function satisfactionChartPng(
  surveys: readonly Survey[],
  unitId: string | null,
  unitName: (unitId: string) => string,
  title: string,
): Promise<Uint8Array> {
  const tree = lineChart(
    satisfactionTrendSeries(surveys, unitId, unitName),
    { title, ...CHART, yDomain: [1, 5], endLabels: unitId !== null, emptyText: 'No surveys in this period' },
    PRINT_THEME,
  );
  return chartPng(tree);
}

const fmt = (n: number | null) => (n === null ? '—' : n.toFixed(1));

export function satisfactionReport(
  input: {
    surveys: readonly Survey[];
    questions: readonly SurveyQuestion[];
    period: DateRange;
    unitId: string | null;
    unitName: (unitId: string) => string;
    chartPng: Uint8Array;
  },
  frame: ReportFrame,
): ReportSpec {
  const { period, unitName } = input;
  const inPeriod = input.surveys
    .filter((s) => inRange(s.date, period) && (!input.unitId || s.unitId === input.unitId))
    .sort((a, b) => a.date.localeCompare(b.date));
  const averages = inPeriod.map(surveyAverage).filter((a): a is number => a !== null);
  const overall = averages.length ? averages.reduce((a, b) => a + b, 0) / averages.length : null;
  const scope = input.unitId ? unitName(input.unitId) : 'All units';
  const periodText = frame.dates.period(period.from, period.to);
  const chartTitle = `Satisfaction trend, ${scope}`;

  const units = [...new Set(inPeriod.map((s) => s.unitId))].sort((a, b) =>
    unitName(a).localeCompare(unitName(b)),
  );
  const children: (Paragraph | Table)[] = [
    paragraph(
      inPeriod.length
        ? `${inPeriod.length} survey${inPeriod.length === 1 ? '' : 's'} in the period, average ${fmt(overall)} on a scale of 1 to 5.`
        : 'No surveys were recorded in this period.',
    ),
    paragraph('Trend', { style: STYLES.heading1 }),
    paragraph([
      new ImageRun({
        type: 'png',
        data: input.chartPng,
        transformation: {
          width: PRINT_WIDTH_PX,
          height: Math.round((PRINT_WIDTH_PX * CHART.height) / CHART.width),
        },
        altText: {
          name: chartTitle,
          title: chartTitle,
          description: `${chartTitle}: average score per survey, 1 to 5.`,
        },
      }),
    ]),
  ];
  if (inPeriod.length) {
    if (units.length > 1) {
      children.push(
        paragraph('By business unit', { style: STYLES.heading1 }),
        dataTable(
          frame.page,
          [
            { header: 'Business unit', share: 0.4 },
            { header: 'Surveys', share: 0.2 },
            { header: 'Average', share: 0.2 },
            { header: 'Latest', share: 0.2 },
          ],
          units.map((id) => {
            const own = inPeriod.filter((s) => s.unitId === id);
            const avgs = own.map(surveyAverage).filter((a): a is number => a !== null);
            return [
              unitName(id),
              String(own.length),
              fmt(avgs.length ? avgs.reduce((a, b) => a + b, 0) / avgs.length : null),
              fmt(surveyAverage(own.at(-1) ?? { scores: {} })),
            ];
          }),
        ),
      );
    }
    const known = new Set(input.questions.map((q) => q.id));
    const asked = [
      ...input.questions,
      ...[...new Set(inPeriod.flatMap((s) => Object.keys(s.scores)))]
        .filter((id) => !known.has(id))
        .map((id) => ({ id, text: id })),
    ];
    children.push(
      paragraph('By question', { style: STYLES.heading1 }),
      dataTable(
        frame.page,
        [
          { header: 'Question', share: 0.64 },
          { header: 'Average', share: 0.18 },
          { header: 'Answers', share: 0.18 },
        ],
        asked
          .map((q) => {
            const scores = inPeriod.map((s) => s.scores[q.id]).filter((v): v is number => v !== undefined);
            return { q, scores };
          })
          .filter(({ scores }) => scores.length > 0)
          .map(({ q, scores }) => [
            q.text,
            fmt(scores.reduce((a, b) => a + b, 0) / scores.length),
            String(scores.length),
          ]),
      ),
      paragraph('Surveys', { style: STYLES.heading1 }),
      dataTable(
        frame.page,
        [
          { header: 'Date', share: 0.14 },
          { header: 'Business unit', share: 0.2 },
          { header: 'Respondent', share: 0.18 },
          { header: 'Average', share: 0.1 },
          { header: 'Comment', share: 0.38 },
        ],
        inPeriod.map((s) => [
          frame.dates.short(s.date),
          unitName(s.unitId),
          s.respondentName,
          fmt(surveyAverage(s)),
          s.comment,
        ]),
      ),
    );
  }
  return {
    title: `Customer satisfaction, ${periodText}`,
    subtitle: `${scope}: results of the customer surveys`,
    kind: 'Satisfaction results',
    children,
  };
}
