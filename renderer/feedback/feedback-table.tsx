import {
  Badge,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarAdd20Regular } from '@fluentui/react-icons';
import { useNavigate } from 'react-router';
import {
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  FEEDBACK_SUBJECT_LABELS,
  isOpenComplaint,
  type ComplaintSeverity,
  type Feedback,
} from '../../shared/domain/registers';
import { adHocReviewLink } from '../app/ad-hoc-review';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { formatDate } from '../ui/format';
import { useUnitName } from '../ui/unit-filter';

const useStyles = makeStyles({
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  description: {
    overflowWrap: 'anywhere',
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end', alignItems: 'center', flexWrap: 'wrap' },
});

const SEVERITY_COLOURS: Record<ComplaintSeverity, 'danger' | 'warning' | 'informative'> = {
  serious: 'danger',
  moderate: 'warning',
  minor: 'informative',
};

type RowActions = {
  onEdit: (feedback: Feedback) => void;
  onDelete: (feedback: Feedback) => void;
};

/** The complaints and compliments register: one row per record, as the filters leave them. */
export function FeedbackTable({
  rows,
  showUnit,
  ...actions
}: RowActions & {
  rows: readonly Feedback[];
  /** The unit each record came from is shown only when the register spans all units. */
  showUnit: boolean;
}) {
  const unitName = useUnitName();
  return (
    <Table aria-label="Complaints and compliments register" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell style={{ width: 110 }}>Received</TableHeaderCell>
          <TableHeaderCell style={{ width: 180 }}>From</TableHeaderCell>
          <TableHeaderCell>What was said</TableHeaderCell>
          <TableHeaderCell style={{ width: 200 }}>Handling</TableHeaderCell>
          <TableHeaderCell style={{ width: 200 }}>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((f) => (
          <FeedbackRow key={f.id} feedback={f} fromUnit={showUnit ? unitName(f.unitId) : null} {...actions} />
        ))}
      </TableBody>
    </Table>
  );
}

function FeedbackRow(props: RowActions & { feedback: Feedback; fromUnit: string | null }) {
  const { feedback: f, fromUnit, onEdit, onDelete } = props;
  const styles = useStyles();
  const navigate = useNavigate();
  const kindLabel = f.kind === 'complaint' ? 'Complaint' : 'Compliment';
  const label = `${kindLabel} of ${formatDate(f.date)} about ${f.aboutName}`;
  return (
    <TableRow aria-label={label}>
      <TableCell>
        <div className={styles.stack}>
          <span>{formatDate(f.date)}</span>
          <Badge appearance="tint" size="small" color={f.kind === 'complaint' ? 'danger' : 'success'}>
            {kindLabel}
          </Badge>
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.stack}>
          <span className={styles.strong}>{f.fromName}</span>
          {fromUnit === null ? null : <span className={styles.sub}>{fromUnit}</span>}
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.stack}>
          <span className={styles.sub}>
            {FEEDBACK_SUBJECT_LABELS[f.aboutKind]}: {f.aboutName}
          </span>
          <span className={styles.description}>{f.description}</span>
        </div>
      </TableCell>
      <TableCell>
        {f.kind === 'complaint' ? <ComplaintHandling complaint={f} /> : <ComplimentHandling compliment={f} />}
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          {f.severity === 'serious' && isOpenComplaint(f) ? (
            <Button size="small" icon={<CalendarAdd20Regular />} onClick={() => navigate(adHocReviewLink(f))}>
              Plan ad hoc review
            </Button>
          ) : null}
          <EditDeleteButtons name={label} onEdit={() => onEdit(f)} onDelete={() => onDelete(f)} />
        </div>
      </TableCell>
    </TableRow>
  );
}

function ComplaintHandling({ complaint: f }: { complaint: Feedback }) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <span>
        {f.severity ? (
          <Badge appearance="filled" size="small" color={SEVERITY_COLOURS[f.severity]}>
            {COMPLAINT_SEVERITY_LABELS[f.severity]}
          </Badge>
        ) : null}{' '}
        {f.status ? COMPLAINT_STATUS_LABELS[f.status] : ''}
      </span>
      {f.resolution ? <span className={styles.sub}>Resolution: {f.resolution}</span> : null}
      {f.rootCause ? <span className={styles.sub}>Root cause: {f.rootCause}</span> : null}
    </div>
  );
}

function ComplimentHandling({ compliment: f }: { compliment: Feedback }) {
  const styles = useStyles();
  return (
    <span className={styles.sub}>
      {f.passedOnTo
        ? `Passed on to ${f.passedOnTo}${f.passedOnDate ? ` on ${formatDate(f.passedOnDate)}` : ''}`
        : 'Not passed on yet'}
    </span>
  );
}
