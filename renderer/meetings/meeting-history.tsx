import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Meeting, MeetingHistoryEntry } from '../../shared/domain/meetings';
import { Section } from '../ui/page';
import { displayDates } from '../../shared/domain/date-format';

const EVENT_LABELS: Record<MeetingHistoryEntry['event'], string> = {
  planned: 'Planned',
  held: 'Held',
  finalised: 'Minutes finalised',
  reopened: 'Minutes reopened',
};

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
  },
  when: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
});

/** The meeting's lifecycle, including every reopening of finalised minutes and why. */
export function MeetingHistory({ meeting }: { meeting: Meeting }) {
  const styles = useStyles();
  return (
    <Section title="History">
      <ul className={styles.list} aria-label="Meeting history">
        {meeting.history.map((h, index) => (
          <li key={`${h.at}-${index}`}>
            <Text className={styles.when}>{displayDates().instantWithTime(new Date(h.at))}</Text>{' '}
            <Text weight="semibold">{EVENT_LABELS[h.event]}</Text>
            {h.reason ? <Text>: {h.reason}</Text> : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
