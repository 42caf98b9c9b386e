import {
  Button,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
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
import { Options20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { groupedBarChart } from '../../shared/charts/bar-chart';
import {
  relationshipShareOf,
  timePeriodRange,
  timeSplit,
  type TimePeriod,
} from '../../shared/domain/register-rules';
import {
  DEFAULT_IDEAL_SPLIT,
  PROCESS_ACTIVITIES,
  RELATIONSHIP_ACTIVITIES,
  TIME_ACTIVITIES,
  TIME_ACTIVITY_LABELS,
  isRelationshipCentric,
  timeEntryFieldsSchema,
  type TimeActivity,
  type TimeEntry,
  type TimeEntryFields,
} from '../../shared/domain/time-log';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { api } from '../platform/workbook-api';
import { formatDate, todayIso } from '../ui/format';
import { StatTile } from '../ui/stat-tile';
import { useLoad } from '../ui/use-load';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { FormDialog } from '../ui/form-dialog';
import { EmptyText, Page, PageHeader, Section } from '../ui/page';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';
import { IdealSplitDialog } from './ideal-split-dialog';
import { TimeEntryInputs } from './time-entry-fields';
import { EditDeleteButtons } from '../ui/edit-delete-buttons';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  logRow: {
    display: 'grid',
    gridTemplateColumns: '160px 240px 110px minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  logButton: { marginTop: '22px' },
  note: { minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  actions: { display: 'flex', justifyContent: 'flex-end' },
  relationship: { color: tokens.colorBrandForeground1 },
});

const PERIOD_LABELS: Record<TimePeriod, string> = {
  month: 'This month',
  'three-months': 'Last three months',
  year: 'This year',
};

const newEntry = (): TimeEntryFields => ({
  date: todayIso(),
  activity: 'demand-shaping',
  hours: 1,
  note: '',
});

/**
 * Seed 000: log where the time goes against the nine BRM activities, set where it should go, and see the
 * two side by side, with the relationship-centric share — the part only a BRM can do — called out.
 */
export function TimeView() {
  const styles = useStyles();
  const { notify } = useNotify();
  const [period, setPeriod] = useState<TimePeriod>('three-months');
  const [editingSplit, setEditingSplit] = useState(false);
  const [editing, setEditing] = useState<TimeEntry | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);
  const range = timePeriodRange(period, todayIso());
  const entries = useLoad(() => api.listTimeEntries(range), [range.from, range.to]);
  const settings = useLoad(() => api.getRegisterSettings({}), []);
  const ideal = settings.data?.idealSplit ?? DEFAULT_IDEAL_SPLIT;
  const log = useForm(timeEntryFieldsSchema, newEntry());

  const split = useMemo(() => timeSplit(entries.data ?? []), [entries.data]);
  const idealRelationship = relationshipShareOf(ideal);
  const group = (label: string, activities: readonly TimeActivity[]) => ({
    label,
    categories: activities.map((a) => ({
      label: TIME_ACTIVITY_LABELS[a],
      values: [split.share[a], ideal[a]],
    })),
  });
  const chart = groupedBarChart(
    [
      group(
        `Relationship-centric: ${split.relationshipShare} % now, ${idealRelationship} % ideal`,
        RELATIONSHIP_ACTIVITIES,
      ),
      group(
        `Process-centric: ${split.totalHours ? Math.round((100 - split.relationshipShare) * 10) / 10 : 0} % now, ${Math.round((100 - idealRelationship) * 10) / 10} % ideal`,
        PROCESS_ACTIVITIES,
      ),
    ],
    {
      title: `Your time, ${PERIOD_LABELS[period].toLowerCase()}, against your ideal split`,
      seriesNames: ['Current', 'Ideal'],
      unit: ' %',
      width: 760,
      labelWidth: 220,
    },
    SCREEN_THEME,
  );
  const top = TIME_ACTIVITIES.filter((a) => split.hours[a] > 0).sort(
    (a, b) => split.hours[b] - split.hours[a],
  )[0];
  const gap = Math.round((split.relationshipShare - idealRelationship) * 10) / 10;

  const submitLog = () =>
    void log.submit(async (fields) => {
      await api.createTimeEntry({ fields });
      notify(`Logged ${fields.hours} h of ${TIME_ACTIVITY_LABELS[fields.activity].toLowerCase()}`);
      log.reset({ ...newEntry(), date: fields.date, activity: fields.activity });
      await entries.reload();
    });

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
      <div className={styles.tiles}>
        <StatTile
          label="Relationship-centric share"
          value={split.totalHours ? `${split.relationshipShare} %` : '—'}
          of={`ideal ${idealRelationship} %`}
          tone={split.totalHours ? (gap >= 0 ? 'good' : 'bad') : 'neutral'}
          detail={
            split.totalHours
              ? gap >= 0
                ? 'At or above your ideal.'
                : `${Math.abs(gap)} points below your ideal.`
              : 'Log time to see your split.'
          }
        />
        <StatTile
          label="Hours logged"
          value={split.totalHours}
          of="h"
          detail={`${formatDate(range.from)} – ${formatDate(range.to)}`}
        />
        <StatTile
          label="Most time on"
          textValue
          value={top ? TIME_ACTIVITY_LABELS[top] : '—'}
          detail={
            top
              ? `${split.share[top]} % of your time · ${isRelationshipCentric(top) ? 'relationship-centric' : 'process-centric'}`
              : undefined
          }
        />
      </div>
      <Section title="Current against ideal">
        <SvgChart tree={chart} />
      </Section>
      <Section title="Log time">
        <form
          className={styles.logRow}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            submitLog();
          }}
        >
          <TimeEntryInputs
            values={log.values}
            errors={log.errors}
            set={log.set}
            noteClassName={styles.note}
          />
          <Button appearance="primary" type="submit" className={styles.logButton} disabled={log.saving}>
            Log time
          </Button>
        </form>
        {log.formError && Object.keys(log.errors).length === 0 ? (
          <MessageBar intent="error">
            <MessageBarBody>{log.formError}</MessageBarBody>
          </MessageBar>
        ) : null}
      </Section>
      <Section title={`Entries, ${PERIOD_LABELS[period].toLowerCase()}`}>
        {entries.data?.length ? (
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
              {[...entries.data].reverse().map((entry) => {
                const label = `${entry.hours} h of ${TIME_ACTIVITY_LABELS[entry.activity]} on ${formatDate(entry.date)}`;
                return (
                  <TableRow key={entry.id} aria-label={label}>
                    <TableCell>{formatDate(entry.date)}</TableCell>
                    <TableCell>
                      <span
                        className={isRelationshipCentric(entry.activity) ? styles.relationship : undefined}
                      >
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
                          onEdit={() => setEditing(entry)}
                          onDelete={() => setDeleting(entry)}
                        />
                      </div>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
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

function EditEntryDialog(props: { entry: TimeEntry | null; onClose: () => void; onSaved: () => void }) {
  const { notify } = useNotify();
  const form = useForm(timeEntryFieldsSchema, newEntry());
  const { reset } = form;
  const { entry } = props;
  useEffect(() => {
    if (entry) reset({ date: entry.date, activity: entry.activity, hours: entry.hours, note: entry.note });
  }, [entry, reset]);
  const save = () =>
    void form
      .submit(async (fields) => {
        if (!entry) return;
        await api.updateTimeEntry({ id: entry.id, fields });
        notify('Saved the entry');
        props.onSaved();
      })
      .then((ok) => ok && props.onClose());
  return (
    <FormDialog
      open={entry !== null}
      title="Edit time entry"
      submitLabel="Save"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <TimeEntryInputs values={form.values} errors={form.errors} set={form.set} />
    </FormDialog>
  );
}
