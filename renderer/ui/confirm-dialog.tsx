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
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useReturnFocus } from './use-return-focus';
import { messageOf } from './use-form';

/** Asks before something that cannot be undone; a refusal from the store is shown inside the dialog. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useReturnFocus(props.open);
  const close = () => {
    setError(null);
    props.onClose();
  };
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => (d.open ? undefined : close())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            {props.children}
            {error ? (
              <MessageBar intent="error" layout="multiline" style={{ marginTop: 12 }}>
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={close}>
              Cancel
            </Button>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                props
                  .onConfirm()
                  .then(close)
                  .catch((e: unknown) => setError(messageOf(e)))
                  .finally(() => setBusy(false));
              }}
            >
              {props.confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
