import { Badge, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ActionSort, ActionSortKey } from '../../shared/contract/meetings';
import { meetingLabel, type MeetingRef } from '../../shared/domain/action-trail';
import { formatDayLong, isOverdue } from '../../shared/domain/meeting-dates';
import type { ActionRow } from '../../shared/contract/meetings';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../shared/domain/meetings';
import { EmptyText } from '../ui/page';
import { useUnitLabels } from '../ui/unit-labels';
import type { ActionPages } from './use-action-pages';

const ROW_HEIGHT = 60;

const useStyles = makeStyles({
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
});

export const SORT_LABELS: Record<ActionSortKey, string> = {
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
export function SortHeader({ sort, onSort }: { sort: ActionSort; onSort: (sort: ActionSort) => void }) {
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

/**
 * The register's rows, drawn only where the BRM scrolls (tens of thousands of actions stay quick); the pages
 * under the visible rows are fetched as they come into view.
 */
export function ActionRegisterList(props: {
  register: ActionPages;
  today: string;
  selectedId: string | null;
  onSelect: (action: ActionRow) => void;
}) {
  const styles = useStyles();
  const labelOf = useUnitLabels();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const { counts, ensure } = props.register;
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
            const action = props.register.actionAt(v.index);
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
                today={props.today}
                unitName={labelOf(action.unitId)}
                raisedIn={
                  action.raisedInMeetingId ? props.register.meetings[action.raisedInMeetingId] : undefined
                }
                selected={action.id === props.selectedId}
                onSelect={() => props.onSelect(action)}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

function RegisterRow(props: {
  action: ActionRow;
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
          {action.updates ? ` · ${action.updates} update${action.updates === 1 ? '' : 's'}` : ''}
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
