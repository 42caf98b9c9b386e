import type { FlushListener, WorkbookEventsApi } from '../../shared/contract/events';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the preview host. */
    readonly workbookEvents?: WorkbookEventsApi;
  }
}

/**
 * The preview host has no main process to ask for a flush: the page's own `pagehide` (tab closed,
 * reloaded, navigated away) is the moment to commit drafts there.
 */
function previewEvents(): WorkbookEventsApi {
  let nextId = 1;
  return {
    onFlushRequest: (listener: FlushListener) => {
      const onPageHide = () => void listener({ id: nextId++, reason: 'close' });
      window.addEventListener('pagehide', onPageHide);
      return () => window.removeEventListener('pagehide', onPageHide);
    },
  };
}

/**
 * Main → renderer events under either host. A feature that holds unsaved text subscribes once:
 * `useEffect(() => workbookEvents.onFlushRequest(() => commitDrafts()), [])`, returning a promise
 * that settles when the save has been answered; Electron waits for it (bounded) before closing,
 * quitting or sleeping.
 */
export const workbookEvents: WorkbookEventsApi = window.workbookEvents ?? previewEvents();
