import type { IsoDate } from '../domain/common';
import { chartText, parseMeasured, seriesDomain, valueSeries, type Outcome } from '../domain/outcomes';
import { xmlSafeLine } from '../domain/xml-safe';
import type { ChartTheme } from './chart-theme';
import { lineChart } from './line-chart';
import type { SvgElement } from './svg-tree';

const round = (v: number) => Number(v.toPrecision(4));

/** Five evenly spaced, labelled grid lines across the domain (values can be 0.5 or 50,000). */
function ticksOf([min, max]: [number, number]) {
  return Array.from({ length: 5 }, (_, i) => {
    const value = min + ((max - min) * i) / 4;
    return { value, label: String(round(value)) };
  });
}

/** Text typed by the BRM, safe for the SVG (resvg refuses control characters and lone surrogates). */
const label = (text: string) => chartText(xmlSafeLine(text));

/**
 * The measured values of an outcome from its baseline, against the target as a line to its date: the
 * same chart on screen (outcomes page) and in the "Value realised" Word report (as a PNG).
 */
export function outcomeChart(
  outcome: Outcome,
  theme: ChartTheme,
  formatDay: (iso: IsoDate) => string,
  size: { width: number; height: number } = { width: 560, height: 200 },
): SvgElement {
  const points = valueSeries(outcome);
  const target = parseMeasured(outcome.target)?.value ?? 0;
  const domain = seriesDomain(points, target);
  return lineChart(
    [
      {
        name: 'Measured',
        emphasis: true,
        points: points.map((p) => ({
          x: p.date,
          y: p.value,
          label: label(
            `${p.kind === 'baseline' ? 'Baseline' : 'Measured'} ${p.text} on ${formatDay(p.date)}`,
          ),
        })),
      },
      {
        name: 'Target',
        points: [
          { x: outcome.baselineDate, y: target, label: label(`Target ${outcome.target}`) },
          {
            x: outcome.targetDate,
            y: target,
            label: label(`Target ${outcome.target} by ${formatDay(outcome.targetDate)}`),
          },
        ],
      },
    ],
    {
      title: label(`${outcome.outcome}: measured against the target`),
      ...size,
      yDomain: domain,
      yTicks: ticksOf(domain),
      formatValue: (v) => String(round(v)),
    },
    theme,
  );
}
