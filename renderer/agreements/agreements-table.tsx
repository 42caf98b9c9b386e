import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { serviceLines, type AgreementDue } from '../../shared/domain/register-rules';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPE_LABELS,
  FINANCING_PERIOD_LABELS,
  referenceLink,
  type Agreement,
  type AgreementStatus,
} from '../../shared/domain/registers';
import { DueBadge } from '../ui/due-badge';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';
import { formatDate, formatMoney } from '../ui/format';
import { useUnitName } from '../ui/unit-filter';

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  due: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteMarigoldBorderActive}` },
  overdue: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteRedBorderActive}` },
  actions: { display: 'flex', justifyContent: 'flex-end' },
});

const STATUS_COLOURS: Record<AgreementStatus, 'informative' | 'success' | 'warning' | 'subtle'> = {
  draft: 'informative',
  active: 'success',
  'under-review': 'warning',
  expired: 'subtle',
};

/** An agreement in the register, with why it is due for review or renewal, if it is. */
export type AgreementRow = { agreement: Agreement; due: AgreementDue | null };

type RowActions = {
  onEdit: (agreement: Agreement) => void;
  onDelete: (agreement: Agreement) => void;
};

/** The agreements register: one row per agreement, a due one marked by a coloured edge. */
export function AgreementsTable({
  rows,
  showUnit,
  ...actions
}: RowActions & {
  rows: readonly AgreementRow[];
  /** The unit column is shown only when the register spans all units. */
  showUnit: boolean;
}) {
  const unitName = useUnitName();
  return (
    <Table aria-label="Agreements register" size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Agreement</TableHeaderCell>
          {showUnit ? <TableHeaderCell style={{ width: 150 }}>Unit</TableHeaderCell> : null}
          <TableHeaderCell style={{ width: 110 }}>Status</TableHeaderCell>
          <TableHeaderCell style={{ width: 190 }}>Review</TableHeaderCell>
          <TableHeaderCell style={{ width: 120 }}>Ends</TableHeaderCell>
          <TableHeaderCell style={{ width: 160 }}>Financing</TableHeaderCell>
          <TableHeaderCell style={{ width: 84 }}>
            <span className="visually-hidden">Actions</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <AgreementTableRow
            key={row.agreement.id}
            row={row}
            unit={showUnit ? unitName(row.agreement.unitId) : null}
            {...actions}
          />
        ))}
      </TableBody>
    </Table>
  );
}

function AgreementTableRow(props: RowActions & { row: AgreementRow; unit: string | null }) {
  const {
    row: { agreement: a, due },
    unit,
  } = props;
  const styles = useStyles();
  return (
    <TableRow aria-label={a.title} className={due ? (due.days < 0 ? styles.overdue : styles.due) : undefined}>
      <TableCell>
        <AgreementSummary agreement={a} />
      </TableCell>
      {unit === null ? null : <TableCell>{unit}</TableCell>}
      <TableCell>
        <Badge appearance="tint" color={STATUS_COLOURS[a.status]}>
          {AGREEMENT_STATUS_LABELS[a.status]}
        </Badge>
      </TableCell>
      <TableCell>
        <div className={styles.stack}>
          <span>{formatDate(a.reviewDate)}</span>
          {due ? <DueBadge due={due} /> : null}
        </div>
      </TableCell>
      <TableCell>{formatDate(a.endDate)}</TableCell>
      <TableCell>
        <div className={styles.stack}>
          <span>{formatMoney(a.financing.amount, a.financing.currency)}</span>
          {a.financing.amount !== null ? (
            <span className={styles.sub}>
              {FINANCING_PERIOD_LABELS[a.financing.period]}
              {a.financing.costCentre ? ` · ${a.financing.costCentre}` : ''}
            </span>
          ) : null}
        </div>
      </TableCell>
      <TableCell>
        <div className={styles.actions}>
          <EditDeleteButtons
            name={a.title}
            onEdit={() => props.onEdit(a)}
            onDelete={() => props.onDelete(a)}
          />
        </div>
      </TableCell>
    </TableRow>
  );
}

/** Title and type, the services it covers, and the signed document (a link when the reference is one). */
function AgreementSummary({ agreement: a }: { agreement: Agreement }) {
  const styles = useStyles();
  const link = referenceLink(a.reference);
  return (
    <div className={styles.stack}>
      <span className={styles.title}>
        {a.title}{' '}
        <Badge appearance="outline" size="small" color="brand">
          {AGREEMENT_TYPE_LABELS[a.type]}
        </Badge>
      </span>
      {serviceLines(a).map((line) => (
        <span key={line} className={styles.sub}>
          {line}
        </span>
      ))}
      {a.reference ? (
        <span className={styles.sub}>
          {link ? (
            <Link href={link} target="_blank" rel="noreferrer">
              Signed document
            </Link>
          ) : (
            `Reference: ${a.reference}`
          )}
        </span>
      ) : null}
    </div>
  );
}
