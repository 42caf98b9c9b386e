import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SHORTCUT_HELP } from './shortcuts';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  keys: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground3,
    justifySelf: 'start',
  },
  does: { margin: 0 },
});

/** The keyboard shortcuts of the meeting view, so minutes can be taken without the mouse. */
export function ShortcutsHelp(props: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (d.open ? undefined : props.onClose())}>
      <DialogSurface aria-label="Keyboard shortcuts">
        <DialogBody>
          <DialogTitle>Keyboard shortcuts</DialogTitle>
          <DialogContent>
            <dl className={styles.list}>
              {SHORTCUT_HELP.map((s) => (
                <div key={s.keys} style={{ display: 'contents' }}>
                  <dt className={styles.keys}>{s.keys}</dt>
                  <dd className={styles.does}>{s.does}</dd>
                </div>
              ))}
            </dl>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
