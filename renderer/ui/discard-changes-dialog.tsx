import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';

/** Asked when a dialog with changed fields is closed without saving: nothing typed goes without a yes. */
export function DiscardChangesDialog(props: { open: boolean; onKeep: () => void; onDiscard: () => void }) {
  return (
    <Dialog
      open={props.open}
      modalType="alert"
      onOpenChange={(_, d) => (d.open ? undefined : props.onKeep())}
    >
      <DialogSurface aria-label="Discard your changes?">
        <DialogBody>
          <DialogTitle>Discard your changes?</DialogTitle>
          <DialogContent>What you typed in this form has not been saved.</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onKeep}>
              Keep editing
            </Button>
            <Button onClick={props.onDiscard}>Discard changes</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
