import { lineChart } from '../../shared/charts/line-chart';
import { MATURITY_LABELS, MATURITY_LEVELS, type BusinessUnit } from '../../shared/domain/customers';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { formatDate, todayIso } from '../ui/format';

const LEVEL_TICKS = MATURITY_LEVELS.map((level, i) => ({ value: i + 1, label: MATURITY_LABELS[level] }));

/**
 * A unit's relationship maturity over time (seed 001's four levels): a level holds from its assessment
 * until the next one, so the line steps, and the last level runs on to today.
 */
export function MaturityChart(props: {
  unit: BusinessUnit;
  xDomain?: readonly [string, string];
  width?: number;
}) {
  const today = todayIso();
  const entries = props.unit.maturity;
  const tree = lineChart(
    [
      {
        name: props.unit.name,
        points: entries.map((m) => ({
          x: m.assessedOn,
          y: MATURITY_LEVELS.indexOf(m.level) + 1,
          label: `${MATURITY_LABELS[m.level]} since ${formatDate(m.assessedOn)}${m.note ? `: ${m.note}` : ''}`,
        })),
      },
    ],
    {
      title: `Relationship maturity of ${props.unit.name} over time`,
      width: props.width ?? 640,
      height: 170,
      yDomain: [1, 4],
      yTicks: LEVEL_TICKS,
      step: true,
      extendTo: entries.length && (entries.at(-1)?.assessedOn ?? '') < today ? today : undefined,
      xDomain: props.xDomain,
      emptyText: 'Not assessed yet',
    },
    SCREEN_THEME,
  );
  return <SvgChart tree={tree} />;
}
