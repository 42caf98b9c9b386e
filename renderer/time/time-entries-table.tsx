import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TIME_ACTIVITY_LABELS, isRelationshipCentric, type TimeEntry } from '../../shared/domain/time-log';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { formatDate } from '../ui/format';

const useStyles = makeStyles({
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  relationship: { color: tokens.colorBrandForeground1 },
});

/** The period's entries, newest first, each marked relationship- or process-centric. */
export function TimeEntriesTable(props: {
  entries: readonly TimeEntry[];
  onEdit: (entry: TimeEntry) => void;
  onDelete: (entry: TimeEntry) => void;
}) {
  const styles = useStyles();
  return (
    <Table aria-label="Time entries" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: 130 }}>Date</TableHeaderCell>
          <TableHeaderCell>Activity</TableHeaderCell>
          <TableHeaderCell style={{ width: 90 }}>Hours</TableHeaderCell>
          <TableHeaderCell>Note</TableHeaderCell>
          <TableHeaderCell style={{ width: 84 }}>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...props.entries].reverse().map((entry) => {
          const label = `${entry.hours} h of ${TIME_ACTIVITY_LABELS[entry.activity]} on ${formatDate(entry.date)}`;
          return (
            <TableRow key={entry.id} aria-label={label}>
              <TableCell>{formatDate(entry.date)}</TableCell>
              <TableCell>
                <span className={isRelationshipCentric(entry.activity) ? styles.relationship : undefined}>
                  {TIME_ACTIVITY_LABELS[entry.activity]}
                </span>
                <div className={styles.sub}>
                  {isRelationshipCentric(entry.activity) ? 'Relationship-centric' : 'Process-centric'}
                </div>
              </TableCell>
              <TableCell>{entry.hours}</TableCell>
              <TableCell style={{ overflowWrap: 'anywhere' }}>{entry.note}</TableCell>
              <TableCell>
                <div className={styles.actions}>
                  <EditDeleteButtons
                    name={label}
                    onEdit={() => props.onEdit(entry)}
                    onDelete={() => props.onDelete(entry)}
                  />
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
