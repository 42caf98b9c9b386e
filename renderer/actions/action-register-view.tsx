import {
  Badge,
  Button,
  Field,
  Select,
  Spinner,
  Switch,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ActionSort, ActionSortKey } from '../../shared/contract/meetings';
import { meetingLabel, type MeetingRef } from '../../shared/domain/action-trail';
import { formatDayLong, isOverdue, todayOf } from '../../shared/domain/meeting-dates';
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
import { ActionTrailList } from './action-trail-list';
import { ChangeActionDialog } from './change-action-dialog';
import { useActionPages } from './use-action-pages';

const ROW_HEIGHT = 60;

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
  head: {
    display: 'grid',
    // The row's "unit and owner" column, split in two so each sorts on its own.
    gridTemplateColumns: '120px minmax(0, 1fr) 79px 79px 100px',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  sortButton: {
    border: 'none',
    background: 'transparent',
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    ':hover': { color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  scroller: { flex: 1, overflowY: 'auto', minHeight: 0 },
  row: {
    position: 'absolute',
    left: 0,
    right: 0,
    display: 'grid',
    gridTemplateColumns: '120px minmax(0, 1fr) 170px 100px',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2 },
  },
  overdueRow: { boxShadow: `inset 4px 0 0 ${tokens.colorPaletteRedBorder2}` },
  due: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: '2px',
    fontVariantNumeric: 'tabular-nums',
  },
  pending: { color: tokens.colorNeutralForeground4, cursor: 'default' },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  titleCell: { minWidth: 0, display: 'flex', flexDirection: 'column' },
  title: {
    border: 'none',
    background: 'transparent',
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    textAlign: 'left',
    cursor: 'pointer',
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  sub: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  cell: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
  detail: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalM, overflowY: 'auto' },
  changeButton: { alignSelf: 'flex-start' },
  detailTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
});

const SORT_LABELS: Record<ActionSortKey, string> = {
  due: 'Due',
  title: 'Title',
  unit: 'Unit',
  owner: 'Owner',
  status: 'Status',
};

/**
 * The column headers: each a button that sorts the whole register (on the service, across every page) by
 * that column, and again the other way round. The header cell says how the register is sorted.
 */
function SortHeader({ sort, onSort }: { sort: ActionSort; onSort: (sort: ActionSort) => void }) {
  const styles = useStyles();
  const cell = (by: ActionSortKey) => {
    const active = sort.by === by;
    return (
      <div role="columnheader" aria-sort={active ? sort.direction : 'none'} key={by}>
        <button
          type="button"
          className={styles.sortButton}
          onClick={() =>
            onSort({
              by,
              direction: active && sort.direction === 'ascending' ? 'descending' : 'ascending',
            })
          }
        >
          {SORT_LABELS[by]}
          {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </button>
      </div>
    );
  };
  return (
    <div role="table" aria-label="Sort actions by column">
      <div role="row" className={styles.head}>
        {(['due', 'title', 'unit', 'owner', 'status'] as const).map(cell)}
      </div>
    </div>
  );
}

const statusColor = (status: ActionStatus) =>
  status === 'done'
    ? 'success'
    : status === 'dropped'
      ? 'subtle'
      : status === 'in-progress'
        ? 'warning'
        : 'informative';

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
  // The chosen action with the meetings its trail names, kept as it was when chosen: a change of filter
  // or page does not empty the trail panel.
  const [chosen, setChosen] = useState<{ action: ActionItem; meetings: Record<string, MeetingRef> } | null>(
    null,
  );
  const selected = chosen?.action ?? null;
  const [changing, setChanging] = useState<ActionItem | null>(null);
  const [revision, setRevision] = useState(0);
  const today = todayOf();
  const scrollerRef = useRef<HTMLDivElement>(null);

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
  const { counts, ensure } = register;
  const labelOf = useUnitLabels();

  const virtualizer = useVirtualizer({
    count: counts?.matching ?? 0,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const visible = virtualizer.getVirtualItems();
  const firstIndex = visible[0]?.index ?? 0;
  const lastIndex = visible.at(-1)?.index ?? -1;
  useEffect(() => ensure(firstIndex, lastIndex), [ensure, firstIndex, lastIndex]);

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
          <div className={styles.scroller} ref={scrollerRef}>
            {counts === null ? (
              <Spinner label="Loading actions…" style={{ padding: 24 }} />
            ) : counts.matching === 0 ? (
              <div style={{ padding: 16 }}>
                <EmptyText>No actions match these filters.</EmptyText>
              </div>
            ) : (
              <div
                role="list"
                aria-label="Actions"
                style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
              >
                {visible.map((v) => {
                  const action = register.actionAt(v.index);
                  if (!action) {
                    // Its page is on the way: a quiet placeholder, not a row for screen readers.
                    return (
                      <div
                        key={`pending-${v.index}`}
                        aria-hidden
                        className={mergeClasses(styles.row, styles.pending)}
                        style={{ top: v.start, height: ROW_HEIGHT }}
                      >
                        <span />
                        <span>Loading…</span>
                      </div>
                    );
                  }
                  return (
                    <RegisterRow
                      key={action.id}
                      action={action}
                      top={v.start}
                      today={today}
                      unitName={labelOf(action.unitId)}
                      raisedIn={
                        action.raisedInMeetingId ? register.meetings[action.raisedInMeetingId] : undefined
                      }
                      selected={action.id === selected?.id}
                      onSelect={() => setChosen({ action, meetings: register.meetings })}
                    />
                  );
                })}
              </div>
            )}
          </div>
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
          ) : (
            <EmptyText>Choose an action to see its trail: where it was raised, updated and closed.</EmptyText>
          )}
        </aside>
      </div>
      <ChangeActionDialog
        action={changing}
        onClose={() => setChanging(null)}
        onChanged={(action) => {
          setChosen((c) => (c ? { ...c, action } : c));
          setRevision((r) => r + 1);
          notify(`Changed "${action.title}"`);
        }}
      />
    </section>
  );
}

function RegisterRow(props: {
  action: ActionItem;
  top: number;
  today: string;
  unitName: string;
  raisedIn: MeetingRef | undefined;
  selected: boolean;
  onSelect: () => void;
}) {
  const styles = useStyles();
  const { action } = props;
  const overdue = isOverdue(action, props.today);
  return (
    <div
      role="listitem"
      aria-label={action.title}
      className={mergeClasses(styles.row, props.selected && styles.selected, overdue && styles.overdueRow)}
      style={{ top: props.top, height: ROW_HEIGHT }}
      onClick={props.onSelect}
    >
      <span className={styles.due}>
        <span className={overdue ? styles.overdueText : undefined}>{formatDayLong(action.dueDate)}</span>
        {overdue ? (
          <Badge appearance="filled" color="danger" size="small">
            Overdue
          </Badge>
        ) : null}
      </span>
      <span className={styles.titleCell}>
        <button
          type="button"
          className={styles.title}
          aria-label={`Show trail of ${action.title}`}
          onClick={props.onSelect}
        >
          {action.title}
        </button>
        <span className={styles.sub}>
          {props.raisedIn ? (
            <>
              Raised in <Link to={`/meetings/${props.raisedIn.id}`}>{meetingLabel(props.raisedIn)}</Link>
            </>
          ) : (
            'Raised outside a meeting'
          )}
          {action.trail.length
            ? ` · ${action.trail.length} update${action.trail.length === 1 ? '' : 's'}`
            : ''}
        </span>
      </span>
      <span className={styles.titleCell}>
        <span className={styles.cell}>{props.unitName}</span>
        <span className={styles.sub}>{action.owner || 'No owner'}</span>
      </span>
      <span>
        <Badge appearance="tint" color={statusColor(action.status)}>
          {ACTION_STATUS_LABELS[action.status]}
        </Badge>
      </span>
    </div>
  );
}
