import {
  Badge,
  Button,
  Link,
  Switch,
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
import { Add20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { agreementDue, serviceLines } from '../../shared/domain/register-rules';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPE_LABELS,
  FINANCING_PERIOD_LABELS,
  referenceLink,
  type Agreement,
  type AgreementStatus,
} from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { formatDate, formatMoney, plural, todayIso } from '../ui/format';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { AgreementDialog } from './agreement-dialog';
import { DueBadge } from '../ui/due-badge';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  summary: { color: tokens.colorNeutralForeground3 },
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

/** Seed 002 "Management of agreements": every agreement with the customers, in one register. */
export function AgreementsView() {
  const styles = useStyles();
  const { notify } = useNotify();
  const [unitId, setUnitId] = useUnitScope();
  const unitName = useUnitName();
  const [dueOnly, setDueOnly] = useState(false);
  const [editing, setEditing] = useState<Agreement | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Agreement | null>(null);
  const { data, error, reload } = useLoad(() => api.listAgreements({ unitId }), [unitId]);
  const today = todayIso();

  const rows = useMemo(() => {
    const withDue = (data ?? []).map((agreement) => ({ agreement, due: agreementDue(agreement, today) }));
    // Due ones first, the most urgent on top; then the rest by title.
    return withDue
      .filter((r) => !dueOnly || r.due)
      .sort((a, b) => {
        if (a.due && b.due) return a.due.days - b.due.days;
        if (a.due || b.due) return a.due ? -1 : 1;
        return a.agreement.title.localeCompare(b.agreement.title);
      });
  }, [data, dueOnly, today]);
  const dueCount = (data ?? []).filter((a) => agreementDue(a, today)).length;

  return (
    <Page label="Agreements">
      <PageHeader
        title="Agreements"
        subtitle="SLAs, OLAs, contracts and memoranda with the business: the services and levels agreed, their financing and when they come up for review."
        actions={
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setEditing('new')}>
            New agreement
          </Button>
        }
      />
      <div className={styles.toolbar}>
        <UnitFilter unitId={unitId} onChange={setUnitId} />
        <Switch
          label="Only those due within 90 days"
          checked={dueOnly}
          onChange={(_, d) => setDueOnly(d.checked)}
        />
        {data ? (
          <Text className={styles.summary}>
            {plural(data.length, 'agreement')} · {dueCount} due for review or renewal within 90 days
          </Text>
        ) : null}
      </div>
      <Section title={unitId ? `Agreements of ${unitName(unitId)}` : 'All agreements'}>
        {error ? <Text>{error}</Text> : null}
        {rows.length ? (
          <Table aria-label="Agreements register" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Agreement</TableHeaderCell>
                {unitId ? null : <TableHeaderCell style={{ width: 150 }}>Unit</TableHeaderCell>}
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
              {rows.map(({ agreement: a, due }) => {
                const link = referenceLink(a.reference);
                return (
                  <TableRow
                    key={a.id}
                    aria-label={a.title}
                    className={due ? (due.days < 0 ? styles.overdue : styles.due) : undefined}
                  >
                    <TableCell>
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
                    </TableCell>
                    {unitId ? null : <TableCell>{unitName(a.unitId)}</TableCell>}
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
                          onEdit={() => setEditing(a)}
                          onDelete={() => setDeleting(a)}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        ) : data ? (
          <EmptyText>
            {dueOnly
              ? 'No agreement is due for review or renewal in the next 90 days.'
              : 'No agreements recorded yet. Every customer should have a written agreement on the delivery of its IT services.'}
          </EmptyText>
        ) : null}
      </Section>
      <AgreementDialog
        open={editing !== null}
        agreement={editing === 'new' || editing === null ? undefined : editing}
        defaultUnitId={unitId}
        onClose={() => setEditing(null)}
        onSaved={() => void reload()}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.title ?? 'agreement'}?`}
        confirmLabel="Delete agreement"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteAgreement({ unitId: deleting.unitId, id: deleting.id });
          notify(`Deleted ${deleting.title}`);
          await reload();
        }}
      >
        The agreement is removed from the register. To keep it on record, set its status to Expired instead.
      </ConfirmDialog>
    </Page>
  );
}
