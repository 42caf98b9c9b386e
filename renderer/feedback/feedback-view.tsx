import { Button, Switch, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ThumbLike20Regular, Warning20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Feedback, FeedbackKind } from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { plural } from '../ui/format';
import { UnitFilter, useUnitName, useUnitScope } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { FeedbackDialog } from './feedback-dialog';
import { FeedbackTable } from './feedback-table';
import { useFeedbackFilters, type FeedbackFilters, type KindFilter } from './use-feedback-filters';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap' },
  summary: { color: tokens.colorNeutralForeground3 },
});

/** Seed 004: complaints and compliments are both recorded; complaints are handled to their root cause. */
export function FeedbackView() {
  const { notify } = useNotify();
  const [unitId, setUnitId] = useUnitScope();
  const unitName = useUnitName();
  const [editing, setEditing] = useState<{ feedback?: Feedback; kind: FeedbackKind } | null>(null);
  const [deleting, setDeleting] = useState<Feedback | null>(null);
  const { data, error, reload } = useLoad(() => api.listFeedback({ unitId }), [unitId]);
  const filters = useFeedbackFilters(data);

  return (
    <Page label="Complaints and compliments">
      <PageHeader
        title="Complaints and compliments"
        subtitle="Every complaint handled to its root cause; every compliment passed on to the people it praises."
        actions={
          <>
            <Button
              appearance="primary"
              icon={<Warning20Regular />}
              onClick={() => setEditing({ kind: 'complaint' })}
            >
              Record complaint
            </Button>
            <Button icon={<ThumbLike20Regular />} onClick={() => setEditing({ kind: 'compliment' })}>
              Record compliment
            </Button>
          </>
        }
      />
      <FeedbackToolbar unitId={unitId} onUnitChange={setUnitId} filters={filters} total={data?.length} />
      <Section title={unitId ? `Received from ${unitName(unitId)}` : 'Received from all units'}>
        {error ? <Text>{error}</Text> : null}
        {filters.rows.length ? (
          <FeedbackTable
            rows={filters.rows}
            showUnit={!unitId}
            onEdit={(f) => setEditing({ feedback: f, kind: f.kind })}
            onDelete={setDeleting}
          />
        ) : data ? (
          <EmptyText>
            {data.length ? 'Nothing matches this filter.' : 'No complaints or compliments recorded yet.'}
          </EmptyText>
        ) : null}
      </Section>
      <FeedbackDialog
        open={editing !== null}
        feedback={editing?.feedback}
        kind={editing?.kind ?? 'complaint'}
        defaultUnitId={unitId}
        onClose={() => setEditing(null)}
        onSaved={() => void reload()}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete this ${deleting?.kind ?? 'record'}?`}
        confirmLabel="Delete"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteFeedback({ unitId: deleting.unitId, id: deleting.id });
          notify(`Deleted the ${deleting.kind}`);
          await reload();
        }}
      >
        It is removed from the register and from the complaint counts. A resolved complaint is better kept on
        record.
      </ConfirmDialog>
    </Page>
  );
}

/** The unit, the kind and the open-only filters, and what the register holds (shown once loaded). */
function FeedbackToolbar(props: {
  unitId: string | null;
  onUnitChange: (unitId: string | null) => void;
  filters: FeedbackFilters;
  /** Records loaded, before the filters; undefined until they are. */
  total: number | undefined;
}) {
  const styles = useStyles();
  const { filters, total } = props;
  return (
    <div className={styles.toolbar}>
      <UnitFilter unitId={props.unitId} onChange={props.onUnitChange} />
      <TabList
        size="small"
        selectedValue={filters.kind}
        onTabSelect={(_, d) => filters.setKind(d.value as KindFilter)}
        aria-label="Show"
      >
        <Tab value="all">All</Tab>
        <Tab value="complaint">Complaints</Tab>
        <Tab value="compliment">Compliments</Tab>
      </TabList>
      <Switch
        label="Open complaints only"
        checked={filters.openOnly}
        onChange={(_, d) => filters.setOpenOnly(d.checked)}
      />
      {total === undefined ? null : (
        <Text className={styles.summary}>
          {plural(filters.complaints, 'complaint')} ({filters.openComplaints} open) ·{' '}
          {plural(total - filters.complaints, 'compliment')}
        </Text>
      )}
    </div>
  );
}
