import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** A modal form: Enter submits, Escape cancels, and a refused save keeps the dialog and its values open. */
export function FormDialog(props: {
  open: boolean;
  title: string;
  submitLabel: string;
  saving: boolean;
  formError: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  /** Wider than the default for long forms (an agreement with its services). */
  width?: number;
}) {
  const styles = useStyles();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit();
  };
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (d.open ? undefined : props.onClose())}>
      <DialogSurface aria-label={props.title} style={props.width ? { maxWidth: props.width } : undefined}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{props.title}</DialogTitle>
            <DialogContent className={styles.fields}>
              {props.formError ? (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>{props.formError}</MessageBarBody>
                </MessageBar>
              ) : null}
              {props.children}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={props.saving}>
                {props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
