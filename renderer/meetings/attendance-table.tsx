import {
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { ATTENDANCE, type Attendance, type Meeting } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { useNotify } from '../ui/toast';

const ATTENDANCE_LABELS: Record<Attendance, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
};

const useStyles = makeStyles({
  name: { fontWeight: tokens.fontWeightSemibold },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Who was invited and whether they came: present, sent apologies, or absent. */
export function AttendanceTable(props: {
  meeting: Meeting;
  readOnly: boolean;
  onDetail: (detail: MeetingDetail) => void;
}) {
  const styles = useStyles();
  const { notifyError } = useNotify();
  // Shown at once, so a quick run down the list is not held up by each save; a refused save puts it back.
  const [shown, setShown] = useState<Record<string, Attendance>>({});
  const set = (attendeeId: string, attendance: Attendance) => {
    setShown((s) => ({ ...s, [attendeeId]: attendance }));
    void api
      .setAttendance({ meetingId: props.meeting.id, attendeeId, attendance })
      .then(props.onDetail)
      .catch((error: unknown) => {
        notifyError(error);
        setShown(({ [attendeeId]: _dropped, ...rest }) => rest);
      });
  };

  return (
    <Table aria-label="Attendance" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Invitee</TableHeaderCell>
          <TableHeaderCell style={{ width: 90 }}>Side</TableHeaderCell>
          <TableHeaderCell style={{ width: 330 }}>Attendance</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.meeting.attendees.map((a) => (
          <TableRow key={a.id}>
            <TableCell>
              <div className={styles.name}>{a.name}</div>
              {a.role ? <div className={styles.sub}>{a.role}</div> : null}
            </TableCell>
            <TableCell>{a.side === 'it' ? 'IT' : 'Business'}</TableCell>
            <TableCell>
              <RadioGroup
                layout="horizontal"
                aria-label={`Attendance of ${a.name}`}
                value={shown[a.id] ?? a.attendance ?? ''}
                disabled={props.readOnly}
                onChange={(_, d) => set(a.id, d.value as Attendance)}
              >
                {ATTENDANCE.map((value) => (
                  <Radio key={value} value={value} label={ATTENDANCE_LABELS[value]} />
                ))}
              </RadioGroup>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
