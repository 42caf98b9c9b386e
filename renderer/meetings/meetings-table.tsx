import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Link } from 'react-router';
import type { MeetingSummary } from '../../shared/contract/meetings';
import { useAppStore } from '../app/store';
import {
  MEETING_STATUS_COLORS,
  MEETING_STATUS_LABELS,
  meetingKindTitle,
  meetingPeriod,
  meetingWhen,
} from './meeting-labels';

const useStyles = makeStyles({
  link: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Meetings as a table; each row opens its meeting. */
export function MeetingsTable(props: {
  label: string;
  meetings: readonly MeetingSummary[];
  showUnit?: boolean;
}) {
  const styles = useStyles();
  const units = useAppStore((s) => s.directory.units);
  return (
    <Table aria-label={props.label} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Meeting</TableHeaderCell>
          {props.showUnit ? <TableHeaderCell>Business unit</TableHeaderCell> : null}
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell style={{ width: 110 }}>Status</TableHeaderCell>
          <TableHeaderCell style={{ width: 150 }}>Recorded</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.meetings.map((m) => {
          const period = meetingPeriod(m);
          return (
            <TableRow key={m.id}>
              <TableCell>
                <Link to={`/meetings/${m.id}`} className={styles.link}>
                  {meetingKindTitle(m.kind)}
                </Link>
                {period ? <div className={styles.sub}>Period {period}</div> : null}
                {m.kind === 'adhoc' && m.trigger ? <div className={styles.sub}>{m.trigger}</div> : null}
              </TableCell>
              {props.showUnit ? (
                <TableCell>{units.find((u) => u.id === m.unitId)?.name ?? '—'}</TableCell>
              ) : null}
              <TableCell>
                {meetingWhen(m)}
                {m.location ? <div className={styles.sub}>{m.location}</div> : null}
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={MEETING_STATUS_COLORS[m.status]}>
                  {MEETING_STATUS_LABELS[m.status]}
                </Badge>
              </TableCell>
              <TableCell className={styles.sub}>
                {m.decisionCount} decision{m.decisionCount === 1 ? '' : 's'}, {m.actionCount} action
                {m.actionCount === 1 ? '' : 's'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Upcoming: today or later and not finalised; the rest is past, newest first. */
export function splitMeetings(meetings: readonly MeetingSummary[], today: string) {
  const upcoming = meetings.filter((m) => m.date >= today && m.status !== 'finalised');
  const past = meetings.filter((m) => !upcoming.includes(m)).reverse();
  return { upcoming, past };
}
