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
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { DiscardChangesDialog } from './discard-changes-dialog';
import { typedInputsValid } from './typed-date-input';
import { useReturnFocus } from './use-return-focus';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * A modal form: Enter submits, Escape or Cancel closes it, and a refused save keeps the dialog and its values
 * open. Once a field has been changed, closing without saving asks first; focus returns to the opener.
 */
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
  /** Whether the fields differ from what the dialog opened with; without it, any edit since opening counts. */
  dirty?: boolean;
}) {
  const styles = useStyles();
  const [edited, setEdited] = useState(false);
  const [asking, setAsking] = useState(false);
  useReturnFocus(props.open);
  useEffect(() => {
    if (props.open) setEdited(false);
  }, [props.open]);
  const dirty = props.dirty ?? edited;
  const requestClose = () => (dirty && !props.saving ? setAsking(true) : props.onClose());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A date or time that cannot be read would otherwise be saved as the last one that could.
    if (!typedInputsValid(event.currentTarget as HTMLFormElement)) return;
    props.onSubmit();
  };
  const markEdited = () => setEdited(true);
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (d.open ? undefined : requestClose())}>
      <DialogSurface aria-label={props.title} style={props.width ? { maxWidth: props.width } : undefined}>
        <form onSubmit={submit} onInputCapture={markEdited} onChangeCapture={markEdited} noValidate>
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
              <Button appearance="secondary" onClick={requestClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={props.saving}>
                {props.submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
        <DiscardChangesDialog
          open={asking}
          onKeep={() => setAsking(false)}
          onDiscard={() => {
            setAsking(false);
            props.onClose();
          }}
        />
      </DialogSurface>
    </Dialog>
  );
}
