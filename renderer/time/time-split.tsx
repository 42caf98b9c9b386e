import { makeStyles, tokens } from '@fluentui/react-components';
import { groupedBarChart } from '../../shared/charts/bar-chart';
import { relationshipShareOf, type DateRange, type TimeSplit } from '../../shared/domain/register-rules';
import {
  PROCESS_ACTIVITIES,
  RELATIONSHIP_ACTIVITIES,
  TIME_ACTIVITIES,
  TIME_ACTIVITY_LABELS,
  isRelationshipCentric,
  type IdealSplit,
  type TimeActivity,
} from '../../shared/domain/time-log';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { formatDate } from '../ui/format';
import { StatTile } from '../ui/stat-tile';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/** Percent with one decimal, as the split's shares are. */
const oneDecimal = (percent: number) => Math.round(percent * 10) / 10;

/** The relationship-centric share against the ideal, the hours logged, and the activity that took most. */
export function SplitTiles(props: { split: TimeSplit; ideal: IdealSplit; range: DateRange }) {
  const styles = useStyles();
  const { split, range } = props;
  const idealRelationship = relationshipShareOf(props.ideal);
  const top = TIME_ACTIVITIES.filter((a) => split.hours[a] > 0).sort(
    (a, b) => split.hours[b] - split.hours[a],
  )[0];
  const gap = oneDecimal(split.relationshipShare - idealRelationship);
  return (
    <div className={styles.tiles}>
      <StatTile
        label="Relationship-centric share"
        value={split.totalHours ? `${split.relationshipShare} %` : '—'}
        of={`ideal ${idealRelationship} %`}
        tone={split.totalHours ? (gap >= 0 ? 'good' : 'bad') : 'neutral'}
        detail={
          split.totalHours
            ? gap >= 0
              ? 'At or above your ideal.'
              : `${Math.abs(gap)} points below your ideal.`
            : 'Log time to see your split.'
        }
      />
      <StatTile
        label="Hours logged"
        value={split.totalHours}
        of="h"
        detail={`${formatDate(range.from)} – ${formatDate(range.to)}`}
      />
      <StatTile
        label="Most time on"
        textValue
        value={top ? TIME_ACTIVITY_LABELS[top] : '—'}
        detail={
          top
            ? `${split.share[top]} % of your time · ${isRelationshipCentric(top) ? 'relationship-centric' : 'process-centric'}`
            : undefined
        }
      />
    </div>
  );
}

/** Each activity's share now beside its ideal share, relationship-centric activities first. */
export function SplitChart(props: { split: TimeSplit; ideal: IdealSplit; periodLabel: string }) {
  const { split, ideal } = props;
  const idealRelationship = relationshipShareOf(ideal);
  const group = (label: string, activities: readonly TimeActivity[]) => ({
    label,
    categories: activities.map((a) => ({
      label: TIME_ACTIVITY_LABELS[a],
      values: [split.share[a], ideal[a]],
    })),
  });
  const chart = groupedBarChart(
    [
      group(
        `Relationship-centric: ${split.relationshipShare} % now, ${idealRelationship} % ideal`,
        RELATIONSHIP_ACTIVITIES,
      ),
      group(
        `Process-centric: ${split.totalHours ? oneDecimal(100 - split.relationshipShare) : 0} % now, ${oneDecimal(100 - idealRelationship)} % ideal`,
        PROCESS_ACTIVITIES,
      ),
    ],
    {
      title: `Your time, ${props.periodLabel.toLowerCase()}, against your ideal split`,
      seriesNames: ['Current', 'Ideal'],
      unit: ' %',
      width: 760,
      labelWidth: 220,
    },
    SCREEN_THEME,
  );
  return <SvgChart tree={chart} />;
}
