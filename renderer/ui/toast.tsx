import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';
import { messageOf } from './use-form';

export const TOASTER_ID = 'workbook-toaster';

/** Short confirmations ("Saved") and failures that do not belong to one form field. */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  const notify = useCallback(
    (message: string, intent: 'success' | 'error' | 'info' | 'warning' = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, timeout: intent === 'error' ? 8000 : 3000 },
      ),
    [dispatchToast],
  );
  const notifyError = useCallback((error: unknown) => notify(messageOf(error), 'error'), [notify]);
  return { notify, notifyError };
}
