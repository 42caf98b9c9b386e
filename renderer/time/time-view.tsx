import { Button, Tab, TabList, Text } from '@fluentui/react-components';
import { Options20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { TimePeriod } from '../../shared/domain/register-rules';
import { TIME_ACTIVITY_LABELS, type TimeEntry } from '../../shared/domain/time-log';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { IdealSplitDialog } from './ideal-split-dialog';
import { TimeEntriesTable } from './time-entries-table';
import { EditEntryDialog, LogTimeForm } from './time-entry-forms';
import { SplitChart, SplitTiles } from './time-split';
import { useTimeLog } from './use-time-log';

const PERIOD_LABELS: Record<TimePeriod, string> = {
  month: 'This month',
  'three-months': 'Last three months',
  year: 'This year',
};

/**
 * Seed 000: log where the time goes against the nine BRM activities, set where it should go, and see the
 * two side by side, with the relationship-centric share — the part only a BRM can do — called out.
 */
export function TimeView() {
  const { notify } = useNotify();
  const [period, setPeriod] = useState<TimePeriod>('three-months');
  const [editingSplit, setEditingSplit] = useState(false);
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const { range, entries, settings, ideal, split } = useTimeLog(period);

  return (
    <Page label="My time">
      <PageHeader
        title="My time"
        subtitle="Where your time goes, against where it should go. Relationship-centric work is what only a BRM can do; process-centric work is better carried by robust processes."
        actions={
          <Button icon={<Options20Regular />} onClick={() => setEditingSplit(true)}>
            Set ideal split
          </Button>
        }
      />
      <TabList
        selectedValue={period}
        onTabSelect={(_, d) => setPeriod(d.value as TimePeriod)}
        aria-label="Period"
      >
        {(Object.keys(PERIOD_LABELS) as TimePeriod[]).map((p) => (
          <Tab key={p} value={p}>
            {PERIOD_LABELS[p]}
          </Tab>
        ))}
      </TabList>
      <SplitTiles split={split} ideal={ideal} range={range} />
      <Section title="Current against ideal">
        <SplitChart split={split} ideal={ideal} periodLabel={PERIOD_LABELS[period]} />
      </Section>
      <Section title="Log time">
        <LogTimeForm onLogged={entries.reload} />
      </Section>
      <Section title={`Entries, ${PERIOD_LABELS[period].toLowerCase()}`}>
        {entries.data?.length ? (
          <TimeEntriesTable entries={entries.data} onEdit={setEditing} onDelete={setDeleting} />
        ) : entries.data ? (
          <EmptyText>No time logged in this period.</EmptyText>
        ) : null}
        {entries.error ? <Text>{entries.error}</Text> : null}
      </Section>
      <IdealSplitDialog
        open={editingSplit}
        split={ideal}
        onClose={() => setEditingSplit(false)}
        onSaved={() => void settings.reload()}
      />
      <EditEntryDialog
        entry={editing}
        onClose={() => setEditing(null)}
        onSaved={() => void entries.reload()}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this time entry?"
        confirmLabel="Delete entry"
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          await api.deleteTimeEntry({ id: deleting.id });
          notify('Deleted the entry');
          await entries.reload();
        }}
      >
        {deleting
          ? `${deleting.hours} h of ${TIME_ACTIVITY_LABELS[deleting.activity].toLowerCase()} on ${formatDate(deleting.date)}.`
          : ''}
      </ConfirmDialog>
    </Page>
  );
}
