import {
  Badge,
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Keyboard20Regular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Meeting } from '../../shared/domain/meetings';
import { PageHeader } from '../ui/page';
import {
  MEETING_STATUS_COLORS,
  MEETING_STATUS_LABELS,
  isOnlineLink,
  meetingKindTitle,
  meetingPeriod,
  meetingWhen,
} from './meeting-labels';
import type { AutosaveState } from './minutes-autosave';

const useStyles = makeStyles({
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
  statusRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  saveState: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  saveFailed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  spacer: { flex: 1 },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const SAVE_STATE_TEXT: Record<AutosaveState, string> = {
  saved: 'All changes saved',
  pending: 'Typing… kept on this computer',
  saving: 'Saving…',
  failed: 'Not saved yet: kept on this computer, retrying when you leave the field',
};

/** The meeting's title and facts, the lifecycle buttons (`actions`), status, save state and notices. */
export function MeetingTitleBar(props: {
  meeting: Meeting;
  unit: { id: string; name: string } | undefined;
  saveState: AutosaveState;
  recoveredTitles: readonly string[];
  actions: ReactNode;
  onHelp: () => void;
}) {
  const styles = useStyles();
  const { meeting, unit } = props;
  const readOnly = meeting.status === 'finalised';
  const period = meetingPeriod(meeting);
  return (
    <>
      <PageHeader
        title={`${meetingKindTitle(meeting.kind)} · ${unit?.name ?? 'Unknown unit'}`}
        subtitle={
          <span className={styles.facts}>
            <span>{meetingWhen(meeting)}</span>
            {meeting.location ? (
              isOnlineLink(meeting.location) ? (
                <Link href={meeting.location} target="_blank" rel="noreferrer">
                  Online meeting link
                </Link>
              ) : (
                <span>{meeting.location}</span>
              )
            ) : null}
            {period ? <span>Period under review: {period}</span> : null}
            {meeting.chair ? <span>Chair: {meeting.chair}</span> : null}
            {meeting.minuteTaker ? <span>Minutes: {meeting.minuteTaker}</span> : null}
          </span>
        }
        actions={props.actions}
      />

      <div className={styles.statusRow}>
        <Badge appearance="filled" color={MEETING_STATUS_COLORS[meeting.status]}>
          {MEETING_STATUS_LABELS[meeting.status]}
        </Badge>
        {unit ? (
          <RouterLink to={`/units/${unit.id}`} className={styles.hint}>
            {unit.name}
          </RouterLink>
        ) : null}
        {meeting.previousMeetingId ? (
          <RouterLink to={`/meetings/${meeting.previousMeetingId}`} className={styles.hint}>
            Previous meeting
          </RouterLink>
        ) : null}
        <span className={styles.spacer} />
        {readOnly ? null : (
          <Text
            role="status"
            aria-label="Save status"
            className={mergeClasses(styles.saveState, props.saveState === 'failed' && styles.saveFailed)}
          >
            {SAVE_STATE_TEXT[props.saveState]}
          </Text>
        )}
        <Button appearance="subtle" icon={<Keyboard20Regular />} onClick={props.onHelp}>
          Keyboard shortcuts (F1)
        </Button>
      </div>

      {props.recoveredTitles.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Recovered minutes</MessageBarTitle>
            Text you typed that had not been saved was recovered and saved, under:{' '}
            {props.recoveredTitles.join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {readOnly ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            These minutes are finalised and read-only. To correct them, reopen them and give the reason; it is
            kept in the meeting&apos;s history.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {meeting.kind === 'adhoc' && meeting.trigger ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Trigger</MessageBarTitle>
            {meeting.trigger}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
