import {
  Button,
  Field,
  Select,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionSort } from '../../shared/contract/meetings';
import { formatDayLong, todayOf } from '../../shared/domain/meeting-dates';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  type ActionItem,
  type ActionStatus,
} from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { useUnitLabels } from '../ui/unit-labels';
import { EmptyText, PageHeader } from '../ui/page';
import { useNotify } from '../ui/toast';
import { ActionRegisterList, SORT_LABELS, SortHeader } from './action-register-list';
import { ActionTrailList } from './action-trail-list';
import { ChangeActionDialog } from './change-action-dialog';
import { useActionPages } from './use-action-pages';
import { useChosenAction } from './use-chosen-action';

const STATUS_FILTERS: Record<string, { label: string; statuses: ActionStatus[] }> = {
  all: { label: 'All statuses', statuses: [] },
  active: { label: 'Open or in progress', statuses: ['open', 'in-progress'] },
  ...Object.fromEntries(ACTION_STATUSES.map((s) => [s, { label: ACTION_STATUS_LABELS[s], statuses: [s] }])),
};

const useStyles = makeStyles({
  view: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    height: '100%',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    minHeight: 0,
  },
  filters: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  filter: { minWidth: '180px' },
  count: { color: tokens.colorNeutralForeground3, marginLeft: 'auto' },
  split: {
    flex: 1,
    minHeight: 0,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 300px',
    gap: tokens.spacingHorizontalL,
  },
  card: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  sub: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  detail: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM, overflowY: 'auto' },
  changeButton: { alignSelf: 'flex-start' },
  detailTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
});

/** Sidebar "Actions": every action across all units, filtered and sorted by due date, with its trail. */
export function ActionRegisterView() {
  const styles = useStyles();
  const { notify, notifyError } = useNotify();
  const units = useAppStore((s) => s.directory.units);
  const [unitId, setUnitId] = useState('');
  const [owner, setOwner] = useState('');
  const [status, setStatus] = useState('active');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [sort, setSort] = useState<ActionSort>({ by: 'due', direction: 'ascending' });
  const { selectedId, chosen, choose, changed } = useChosenAction(notifyError);
  const selected = chosen?.action ?? null;
  const [changing, setChanging] = useState<ActionItem | null>(null);
  const [revision, setRevision] = useState(0);
  const today = todayOf();

  const register = useActionPages(
    {
      unitId: unitId || null,
      owner: owner || null,
      statuses: STATUS_FILTERS[status]?.statuses ?? [],
      today,
      overdueOnly,
      latestFirst: sort.by === 'due' && sort.direction === 'descending',
      sort,
    },
    notifyError,
    revision,
  );
  const { counts } = register;
  const labelOf = useUnitLabels();

  return (
    <section className={styles.view} aria-label="Action register">
      <PageHeader
        title="Actions"
        subtitle="Every action from every service review, until it is closed. Overdue actions are marked in red."
      />
      <div className={styles.filters}>
        <Field label="Business unit" className={styles.filter}>
          <Select value={unitId} onChange={(_, d) => setUnitId(d.value)}>
            <option value="">All units</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {labelOf(u.id)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" className={styles.filter}>
          <Select value={owner} onChange={(_, d) => setOwner(d.value)}>
            <option value="">All owners</option>
            {register.owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Status" className={styles.filter}>
          <Select value={status} onChange={(_, d) => setStatus(d.value)}>
            {Object.entries(STATUS_FILTERS).map(([key, f]) => (
              <option key={key} value={key}>
                {f.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Due date" className={styles.filter}>
          <Select
            value={sort.by !== 'due' ? 'column' : sort.direction === 'descending' ? 'latest' : 'earliest'}
            onChange={(_, d) =>
              setSort({ by: 'due', direction: d.value === 'latest' ? 'descending' : 'ascending' })
            }
          >
            <option value="earliest">Earliest due first</option>
            <option value="latest">Latest due first</option>
            {sort.by !== 'due' ? (
              <option value="column" disabled>
                Sorted by {SORT_LABELS[sort.by].toLowerCase()}
              </option>
            ) : null}
          </Select>
        </Field>
        <Switch label="Overdue only" checked={overdueOnly} onChange={(_, d) => setOverdueOnly(d.checked)} />
        {counts ? (
          <Text className={styles.count} role="status">
            {counts.matching.toLocaleString('en')} of {counts.total.toLocaleString('en')} actions
          </Text>
        ) : null}
      </div>

      <div className={styles.split}>
        <div className={styles.card}>
          <SortHeader sort={sort} onSort={setSort} />
          <ActionRegisterList register={register} today={today} selectedId={selectedId} onSelect={choose} />
        </div>
        <aside className={mergeClasses(styles.card, styles.detail)} aria-label="Action trail">
          {selected ? (
            <>
              <h2 className={styles.detailTitle}>{selected.title}</h2>
              <Text className={styles.sub}>
                {labelOf(selected.unitId)} · {selected.owner || 'No owner'} · due{' '}
                {formatDayLong(selected.dueDate)}
              </Text>
              <Button className={styles.changeButton} onClick={() => setChanging(selected)}>
                Change action…
              </Button>
              <ActionTrailList action={selected} meetings={chosen?.meetings ?? {}} />
            </>
          ) : selectedId ? (
            <EmptyText>Reading the action's trail…</EmptyText>
          ) : (
            <EmptyText>Choose an action to see its trail: where it was raised, updated and closed.</EmptyText>
          )}
        </aside>
      </div>
      <ChangeActionDialog
        action={changing}
        onClose={() => setChanging(null)}
        onChanged={(action) => {
          changed(action);
          setRevision((r) => r + 1);
          notify(`Changed "${action.title}"`);
        }}
      />
    </section>
  );
}
