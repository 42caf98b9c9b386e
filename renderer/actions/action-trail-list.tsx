import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import { actionTrail, meetingLabel, type MeetingRef } from '../../shared/domain/action-trail';
import { formatDayLong } from '../../shared/domain/meeting-dates';
import { ACTION_STATUS_LABELS, type ActionItem } from '../../shared/domain/meetings';

const EVENT_LABELS = { raised: 'Raised', updated: 'Updated', closed: 'Closed' } as const;

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column' },
  line: {
    display: 'grid',
    gridTemplateColumns: '14px 1fr',
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  dot: {
    width: '10px',
    height: '10px',
    marginTop: '5px',
    borderRadius: '50%',
    backgroundColor: tokens.colorBrandBackground,
  },
  closed: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  note: { display: 'block', color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** Raised in …, updated in …, closed in …: each line linking to the meeting it was said in. */
export function ActionTrailList(props: { action: ActionItem; meetings: Record<string, MeetingRef> }) {
  const styles = useStyles();
  const lines = actionTrail(props.action, (id) => props.meetings[id]);
  return (
    <ol className={styles.list} aria-label={`Trail of ${props.action.title}`}>
      {lines.map((line, index) => (
        <li key={index} className={styles.line}>
          <span className={`${styles.dot} ${line.event === 'closed' ? styles.closed : ''}`} aria-hidden />
          <div>
            {line.meetingId === null && line.event !== 'raised' ? (
              <Text weight="semibold">
                {EVENT_LABELS[line.event]}: changed outside a meeting{line.by ? ` by ${line.by}` : ''}
              </Text>
            ) : (
              <>
                <Text weight="semibold">{EVENT_LABELS[line.event]} in </Text>
                {line.meeting ? (
                  <Link to={`/meetings/${line.meeting.id}`}>{meetingLabel(line.meeting)}</Link>
                ) : (
                  <Text>
                    {line.meetingId ? 'a deleted meeting' : `no meeting (${formatDayLong(line.date)})`}
                  </Text>
                )}
              </>
            )}
            {line.event !== 'raised' ? (
              <Text className={styles.note}>
                {ACTION_STATUS_LABELS[line.status]}
                {line.note ? ` — ${line.note}` : ''} ({formatDayLong(line.date)})
              </Text>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
