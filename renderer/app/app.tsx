import { FluentProvider, Toaster, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { Layout } from './layout';
import { ROUTES } from './routes';
import { useAppStore } from './store';
import { TOASTER_ID } from '../ui/toast';
import { StartupError } from './startup-error';
import { DraftRecoveryNotice } from '../meetings/draft-recovery-notice';

const router = createHashRouter([{ path: '/', element: <Layout />, children: ROUTES }]);

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const subscribeDark = (notify: () => void) => {
  darkQuery.addEventListener('change', notify);
  return () => darkQuery.removeEventListener('change', notify);
};

export function App() {
  const systemDark = useSyncExternalStore(subscribeDark, () => darkQuery.matches);
  const theme = useAppStore((s) => s.theme);
  const dark = theme === 'dark' || (theme === 'system' && systemDark);
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  // Toasts are announced from a labelled region, so a screen reader can find them again.
  const [toastHost, setToastHost] = useState<HTMLElement | null>(null);

  useEffect(() => {
    const { loadDirectory, refreshStatus, loadSettings } = useAppStore.getState();
    Promise.all([loadDirectory(), refreshStatus(), loadSettings()])
      .then(() => setReady(true))
      .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);

  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
      <section ref={setToastHost} aria-label="Notifications" />
      {toastHost ? <Toaster toasterId={TOASTER_ID} position="bottom-end" mountNode={toastHost} /> : null}
      {ready ? <DraftRecoveryNotice /> : null}
      {failure ? <StartupError message={failure} /> : ready ? <RouterProvider router={router} /> : null}
    </FluentProvider>
  );
}
