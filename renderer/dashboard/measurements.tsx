import { ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { lineChart } from '../../shared/charts/line-chart';
import type { Dashboard, Ratio } from '../../shared/domain/dashboard';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { AppLink } from '../ui/app-link';
import { formatChange, formatScore, plural } from '../ui/format';
import { StatTile, toneOfChange } from '../ui/stat-tile';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(4, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  missing: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Seed 002's four measurements of the process: designated IT contact, written agreement, satisfaction, complaints. */
export function Measurements({ data }: { data: Dashboard }) {
  const styles = useStyles();
  const { itContacts, writtenAgreements, satisfaction, complaints } = data;
  const change = complaints.current.complaints - complaints.previous.complaints;
  const recent = satisfaction.points.slice(-8);
  const averages = recent.map((p) => p.average);
  // A sparkline shows the shape of the trend: it spans the range of the results, not the whole 1–5 scale.
  const sparkline = lineChart(
    [
      {
        name: 'All units',
        points: recent.map((p) => ({
          x: p.date,
          y: p.average,
          label: `${p.label}: ${formatScore(p.average)}`,
        })),
      },
    ],
    {
      title: 'Satisfaction per quarter',
      width: 260,
      yDomain: [Math.max(1, Math.min(...averages) - 0.5), Math.min(5, Math.max(...averages) + 0.5)],
      compact: true,
    },
    SCREEN_THEME,
  );
  return (
    <div className={styles.tiles}>
      <CoverageTile
        label="Designated IT contact"
        detail="customers and purchasers with a designated contact in IT"
        measurement={itContacts}
        linkOf={(m) => ({ key: m.contactId, to: `/units/${m.unitId}`, text: `${m.name} (${m.unitName})` })}
        allText="Every customer and purchaser has one."
      />
      <CoverageTile
        label="Written agreement"
        detail="customers with a written agreement in force"
        measurement={writtenAgreements}
        linkOf={(m) => ({ key: m.unitId, to: `/agreements?unitId=${m.unitId}`, text: m.unitName })}
        allText="Every customer has one."
      />
      <StatTile
        label="Satisfaction"
        value={formatScore(satisfaction.latest?.average)}
        of="/ 5"
        change={
          satisfaction.change === null || !satisfaction.previous
            ? null
            : {
                text: `${formatChange(satisfaction.change)} on ${satisfaction.previous.label}`,
                tone: toneOfChange(satisfaction.change),
              }
        }
        detail={
          satisfaction.latest
            ? `${satisfaction.latest.label}, ${plural(satisfaction.latest.count, 'survey')} across units`
            : 'No surveys recorded yet'
        }
      >
        {satisfaction.points.length > 1 ? <SvgChart tree={sparkline} /> : null}
      </StatTile>
      <StatTile
        label="Complaints"
        value={complaints.current.complaints}
        of="in the last three months"
        change={{
          text:
            change === 0
              ? 'As many as in the three months before'
              : `${change > 0 ? '▲' : '▼'} ${Math.abs(change)} ${change > 0 ? 'more' : 'fewer'} than the three months before`,
          tone: toneOfChange(change, false),
        }}
        detail={`${plural(complaints.previous.complaints, 'complaint')} then · ${plural(complaints.current.compliments, 'compliment')} lately`}
      />
    </div>
  );
}

/** One missing entry, shown as a link to where the BRM can put it right. */
interface MissingLink {
  key: string;
  to: string;
  text: string;
}

/**
 * A measurement that counts how many of a whole meet it ("4 of 6"): the bar shows the share, and the first
 * missing entries link to where each can be put right.
 */
function CoverageTile<T>(props: {
  label: string;
  detail: string;
  measurement: Ratio<T>;
  linkOf: (missing: T) => MissingLink;
  /** Shown when none is missing. */
  allText: string;
}) {
  const { count, of, missing } = props.measurement;
  return (
    <StatTile label={props.label} value={count} of={`of ${of}`} detail={props.detail}>
      <ProgressBar value={of === 0 ? 0 : count / of} thickness="large" color="brand" aria-hidden />
      <MissingList items={missing.map(props.linkOf)} allText={props.allText} empty={of === 0} />
    </StatTile>
  );
}

function MissingList(props: { items: MissingLink[]; allText: string; empty: boolean }) {
  const styles = useStyles();
  if (props.empty) return <Text className={styles.missing}>No customers recorded yet.</Text>;
  if (props.items.length === 0) return <Text className={styles.missing}>{props.allText}</Text>;
  const shown = props.items.slice(0, 3);
  return (
    <Text className={styles.missing}>
      Missing:{' '}
      {shown.map((item, i) => (
        <span key={item.key}>
          {i > 0 ? ', ' : ''}
          <AppLink to={item.to}>{item.text}</AppLink>
        </span>
      ))}
      {props.items.length > shown.length ? ` and ${props.items.length - shown.length} more` : ''}
    </Text>
  );
}
