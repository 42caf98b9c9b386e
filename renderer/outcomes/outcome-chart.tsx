import { lineChart } from '../../shared/charts/line-chart';
import {
  chartText,
  parseMeasured,
  seriesDomain,
  valueSeries,
  type Outcome,
} from '../../shared/domain/outcomes';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { formatDate } from '../ui/format';

const round = (v: number) => Number(v.toPrecision(4));

/** Five evenly spaced, labelled grid lines across the domain (values can be 0.5 or 50,000). */
function ticksOf([min, max]: [number, number]) {
  return Array.from({ length: 5 }, (_, i) => {
    const value = min + ((max - min) * i) / 4;
    return { value, label: String(round(value)) };
  });
}

/** The measured values of an outcome from its baseline, against the target as a line to its date. */
export function OutcomeChart({ outcome }: { outcome: Outcome }) {
  const points = valueSeries(outcome);
  const target = parseMeasured(outcome.target)?.value ?? 0;
  const domain = seriesDomain(points, target);
  const tree = lineChart(
    [
      {
        name: 'Measured',
        emphasis: true,
        points: points.map((p) => ({
          x: p.date,
          y: p.value,
          label: chartText(
            `${p.kind === 'baseline' ? 'Baseline' : 'Measured'} ${p.text} on ${formatDate(p.date)}`,
          ),
        })),
      },
      {
        name: 'Target',
        points: [
          { x: outcome.baselineDate, y: target, label: chartText(`Target ${outcome.target}`) },
          {
            x: outcome.targetDate,
            y: target,
            label: chartText(`Target ${outcome.target} by ${formatDate(outcome.targetDate)}`),
          },
        ],
      },
    ],
    {
      title: chartText(`${outcome.outcome}: measured against the target`),
      width: 560,
      height: 200,
      yDomain: domain,
      yTicks: ticksOf(domain),
      formatValue: (v) => String(round(v)),
    },
    SCREEN_THEME,
  );
  return <SvgChart tree={tree} />;
}
