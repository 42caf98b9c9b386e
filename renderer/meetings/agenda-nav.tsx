import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Add20Regular, ArrowDown16Regular, ArrowUp16Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { AssembledAgendaEntry as AgendaEntry } from '../../shared/domain/agenda';

const useStyles = makeStyles({
  nav: {
    position: 'sticky',
    top: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow2,
  },
  navTitle: {
    margin: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
  },
  navList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  row: { display: 'flex', alignItems: 'center', borderRadius: tokens.borderRadiusMedium },
  dropTarget: { boxShadow: `inset 0 2px 0 ${tokens.colorBrandStroke1}` },
  navItem: {
    display: 'grid',
    gridTemplateColumns: '22px 1fr auto',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'baseline',
    flex: 1,
    minWidth: 0,
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    font: 'inherit',
    fontSize: tokens.fontSizeBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  navCurrent: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  navNumber: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums' },
  navCount: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  moves: { display: 'flex', flexDirection: 'column' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, padding: '8px' },
  addItem: { justifyContent: 'flex-start', marginTop: tokens.spacingVerticalXS },
});

export const entryTitle = (e: AgendaEntry): string => (e.kind === 'item' ? e.item.title : e.title);

/**
 * The agenda beside the item being run: go to an item, add one, and put the meeting's own items in another
 * order (Move up / Move down, Alt+Shift+↑/↓, or drag). "Actions from previous meetings" always stays first.
 */
export function AgendaNav(props: {
  agenda: readonly AgendaEntry[];
  current: number;
  readOnly: boolean;
  countOf: (entry: AgendaEntry) => number;
  onGoTo: (index: number) => void;
  /** Moves the item at agenda position `from` to position `to` (both counted in the agenda as shown). */
  onMove: (from: number, to: number) => void;
  onAdd: () => void;
}) {
  const styles = useStyles();
  const [dragged, setDragged] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const { current, agenda } = props;
  const firstMovable = props.agenda.findIndex((e) => e.kind === 'item');
  // After Move up / Move down the same button of the moved item keeps the focus, to press again.
  const refocus = useRef<'up' | 'down' | null>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const button =
      refocus.current === 'up' ? upRef.current : refocus.current === 'down' ? downRef.current : null;
    refocus.current = null;
    if (button && !button.disabled) button.focus();
    else if (button) (button.parentElement?.previousElementSibling as HTMLElement | null)?.focus();
  }, [current, agenda]);
  const moveBy = (index: number, by: -1 | 1) => {
    refocus.current = by < 0 ? 'up' : 'down';
    props.onMove(index, index + by);
  };
  const movable = (index: number) => !props.readOnly && props.agenda[index]?.kind === 'item';

  const dragProps = (index: number) =>
    movable(index)
      ? {
          draggable: true,
          onDragStart: (event: DragEvent) => {
            event.dataTransfer.effectAllowed = 'move';
            setDragged(index);
          },
          onDragOver: (event: DragEvent) => {
            if (dragged === null) return;
            event.preventDefault();
            setOver(index);
          },
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            if (dragged !== null && dragged !== index) props.onMove(dragged, index);
            setDragged(null);
            setOver(null);
          },
          onDragEnd: () => {
            setDragged(null);
            setOver(null);
          },
        }
      : {};

  return (
    <nav className={styles.nav} aria-label="Agenda">
      <h2 className={styles.navTitle}>Agenda</h2>
      <ol className={styles.navList}>
        {props.agenda.map((e, index) => {
          const title = entryTitle(e);
          const count = props.countOf(e);
          const isCurrent = index === props.current;
          return (
            <li
              // By position: a move re-labels the rows in place (moving keyed rows left the DOM out of order).
              key={index}
              className={mergeClasses(styles.row, over === index && dragged !== index && styles.dropTarget)}
              {...dragProps(index)}
            >
              <button
                type="button"
                className={mergeClasses(styles.navItem, isCurrent && styles.navCurrent)}
                aria-current={isCurrent ? 'step' : undefined}
                onClick={() => props.onGoTo(index)}
              >
                <span className={styles.navNumber}>{index + 1}.</span>
                <span>{title}</span>
                {count ? <span className={styles.navCount}>{count}</span> : null}
              </button>
              {isCurrent && movable(index) ? (
                <span className={styles.moves}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<ArrowUp16Regular />}
                    aria-label={`Move up: ${title}`}
                    ref={upRef}
                    disabled={index <= firstMovable}
                    onClick={() => moveBy(index, -1)}
                  />
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={<ArrowDown16Regular />}
                    aria-label={`Move down: ${title}`}
                    ref={downRef}
                    disabled={index >= props.agenda.length - 1}
                    onClick={() => moveBy(index, 1)}
                  />
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.readOnly ? null : (
        <Button appearance="subtle" icon={<Add20Regular />} className={styles.addItem} onClick={props.onAdd}>
          Add agenda item
        </Button>
      )}
      <Text className={styles.hint}>
        Alt+↓ / Alt+↑ move between items; Alt+Shift+↑ / Alt+Shift+↓ move the current item.
      </Text>
    </nav>
  );
}
