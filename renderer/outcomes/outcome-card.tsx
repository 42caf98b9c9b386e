import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  OUTCOME_STANDING_LABELS,
  outcomeStanding,
  type Outcome,
  type OutcomeStanding,
} from '../../shared/domain/outcomes';
import { useAppStore } from '../app/store';
import { formatDate, todayIso } from '../ui/format';
import { OutcomeChart } from './outcome-chart';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  facts: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { marginInlineStart: 'auto', display: 'flex', gap: tokens.spacingHorizontalS },
  text: { overflowWrap: 'anywhere' },
});

const STANDING_COLOURS: Record<OutcomeStanding, 'success' | 'brand' | 'warning' | 'danger' | 'informative'> =
  {
    achieved: 'success',
    'on-track': 'brand',
    'off-track': 'warning',
    missed: 'danger',
    'not-measured': 'informative',
  };

/** One outcome: its facts and standing, the chart of measured values against the target, the values. */
export function OutcomeCard(props: {
  outcome: Outcome;
  onRecord: () => void;
  onEdit?: () => void;
  /** Names the meeting a value was reported in. */
  meetingLabel?: (meetingId: string) => string;
}) {
  const styles = useStyles();
  const { outcome } = props;
  const owner = useAppStore((s) => s.directory.contacts.find((c) => c.id === outcome.ownerContactId));
  const standing = outcomeStanding(outcome, todayIso());
  return (
    <article className={styles.card} aria-label={`Outcome: ${outcome.outcome}`}>
      <div className={styles.header}>
        <h3 className={styles.title}>{outcome.outcome}</h3>
        <Badge appearance="tint" color={STANDING_COLOURS[standing]}>
          {OUTCOME_STANDING_LABELS[standing]}
        </Badge>
        <div className={styles.actions}>
          <Button size="small" onClick={props.onRecord} aria-label={`Record a value for ${outcome.outcome}`}>
            Record value
          </Button>
          {props.onEdit ? (
            <Button size="small" onClick={props.onEdit} aria-label={`Edit ${outcome.outcome}`}>
              Edit
            </Button>
          ) : null}
        </div>
      </div>
      <Text className={styles.facts}>
        {outcome.measure ? `${outcome.measure}: ` : ''}from {outcome.baseline} (
        {formatDate(outcome.baselineDate)}) to {outcome.target} by {formatDate(outcome.targetDate)}
        {owner ? ` · owner ${owner.name}` : ''}
      </Text>
      <OutcomeChart outcome={outcome} />
      {outcome.values.length ? (
        <Table size="small" aria-label={`Measured values of ${outcome.outcome}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: 120 }}>Date</TableHeaderCell>
              <TableHeaderCell style={{ width: 140 }}>Value</TableHeaderCell>
              <TableHeaderCell style={{ width: 200 }}>Reported in</TableHeaderCell>
              <TableHeaderCell>Note</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...outcome.values]
              .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt))
              .map((v) => (
                <TableRow key={v.id}>
                  <TableCell>{formatDate(v.date)}</TableCell>
                  <TableCell className={styles.text}>{v.value}</TableCell>
                  <TableCell>
                    {v.meetingId ? (props.meetingLabel?.(v.meetingId) ?? 'A meeting') : 'Outside a meeting'}
                  </TableCell>
                  <TableCell className={styles.text}>{v.note}</TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      ) : null}
    </article>
  );
}
