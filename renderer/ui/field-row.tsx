import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    // Fields line up at the top even when one shows a message, and may shrink below their input's width.
    alignItems: 'start',
    '& > *': { minWidth: 0 },
    // A native input's intrinsic width would otherwise push it over the next column.
    '& .fui-Input': { minWidth: 0 },
    '& .fui-Input__input': { width: '100%' },
  },
});

/** Form fields side by side: equal columns by default, or the given grid columns. */
export function FieldRow(props: { children: ReactNode; columns?: string; className?: string }) {
  const styles = useStyles();
  return (
    <div
      className={props.className ? `${styles.row} ${props.className}` : styles.row}
      style={{ gridTemplateColumns: props.columns ?? 'repeat(auto-fit, minmax(150px, 1fr))' }}
    >
      {props.children}
    </div>
  );
}
