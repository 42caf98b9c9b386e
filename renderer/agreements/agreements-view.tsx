import { Button, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { agreementDue } from '../../shared/domain/register-rules';
import type { Agreement } from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { plural, todayIso } from '../ui/format';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { AgreementDialog } from './agreement-dialog';
import { AgreementsTable, type AgreementRow } from './agreements-table';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  summary: { color: tokens.colorNeutralForeground3 },
});

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

  const rows = useMemo((): AgreementRow[] => {
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
          <AgreementsTable rows={rows} showUnit={!unitId} onEdit={setEditing} onDelete={setDeleting} />
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
