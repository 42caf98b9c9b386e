import { makeStyles, tokens } from '@fluentui/react-components';
import { lineChart, type LineSeries } from '../../shared/charts/line-chart';
import { quarterMiddle, type SatisfactionSummary } from '../../shared/domain/register-rules';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { formatChange, formatDate, formatScore, plural } from '../ui/format';
import { StatTile, toneOfChange } from '../ui/stat-tile';
import { useUnitName } from '../ui/unit-filter';
import type { UnitResult } from './use-satisfaction';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

const ALL_UNITS = 'All units (quarterly average)';

/** What the figures are about: one unit (null: all units, whose results are quarters). */
interface SummaryProps {
  unitId: string | null;
  summary: SatisfactionSummary;
  byUnit: readonly UnitResult[];
}

/** The latest result, the change since the one before, and how many surveys there are. */
export function SatisfactionTiles({
  unitId,
  summary,
  byUnit,
  surveyCount,
}: SummaryProps & { surveyCount: number }) {
  const styles = useStyles();
  const unitName = useUnitName();
  return (
    <div className={styles.tiles}>
      <StatTile
        label="Latest result"
        value={formatScore(summary.latest?.average)}
        of="/ 5"
        detail={
          summary.latest
            ? unitId
              ? `Survey of ${formatDate(summary.latest.date)}`
              : `${summary.latest.label}, ${plural(summary.latest.count, 'survey')}`
            : 'No survey yet'
        }
      />
      <StatTile
        label="Change"
        value={summary.change === null ? '—' : formatChange(summary.change)}
        tone={toneOfChange(summary.change)}
        detail={
          summary.previous
            ? `Against ${formatScore(summary.previous.average)} ${unitId ? `on ${formatDate(summary.previous.date)}` : `in ${summary.previous.label}`}`
            : 'Needs two results'
        }
      />
      <StatTile
        label="Surveys"
        value={surveyCount}
        detail={unitId ? unitName(unitId) : `${plural(byUnit.length, 'unit')} surveyed`}
      />
    </div>
  );
}

/**
 * The trend chart: one unit's surveys, or the quarterly average across units (emphasised, each point
 * labelled with its quarter and number of surveys) drawn over every unit's own line.
 */
export function SatisfactionTrend({ unitId, summary, byUnit }: SummaryProps) {
  const unitName = useUnitName();
  const series: LineSeries[] = unitId
    ? [{ name: unitName(unitId), points: summary.points.map((p) => ({ x: p.date, y: p.average })) }]
    : [
        {
          name: ALL_UNITS,
          emphasis: true,
          points: summary.points.map((p) => ({
            x: quarterMiddle(p.date),
            y: p.average,
            label: `${p.label}: ${formatScore(p.average)} (${plural(p.count, 'survey')})`,
          })),
        },
        ...byUnit.map((u) => ({
          name: unitName(u.unitId),
          points: u.summary.points.map((p) => ({ x: p.date, y: p.average })),
        })),
      ];
  const chart = lineChart(
    series,
    {
      title: unitId ? `Satisfaction trend of ${unitName(unitId)}` : 'Satisfaction trend, all units',
      width: 960,
      height: 280,
      yDomain: [1, 5],
      endLabels: Boolean(unitId),
      emptyText: 'No surveys recorded yet',
    },
    SCREEN_THEME,
  );
  return <SvgChart tree={chart} />;
}
