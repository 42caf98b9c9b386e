import {
  MENU_COMMANDS,
  type FlushListener,
  type MenuCommand,
  type MenuCommandListener,
  type WorkbookEventsApi,
} from '../../shared/contract/events';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the preview host. */
    readonly workbookEvents?: WorkbookEventsApi;
  }
}

/** The menu command a key press stands for in the browser (Ctrl or ⌘, as in the native menu). */
export function menuCommandOfKey(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): MenuCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const found = Object.entries(MENU_COMMANDS).find(
    ([, c]) => c.key === event.key.toLowerCase() && c.shift === event.shiftKey,
  );
  return (found?.[0] as MenuCommand | undefined) ?? null;
}

/**
 * The preview host has no main process to ask for a flush: the page's own `pagehide` (tab closed,
 * reloaded, navigated away) is the moment to commit drafts there. Nor has it a native menu: the
 * menu's shortcuts, pressed in the page, stand in for its commands.
 */
function previewEvents(): WorkbookEventsApi {
  let nextId = 1;
  return {
    onFlushRequest: (listener: FlushListener) => {
      const onPageHide = () => void listener({ id: nextId++, reason: 'close' });
      window.addEventListener('pagehide', onPageHide);
      return () => window.removeEventListener('pagehide', onPageHide);
    },
    onMenuCommand: (listener: MenuCommandListener) => {
      const onKey = (event: KeyboardEvent) => {
        const command = menuCommandOfKey(event);
        if (!command) return;
        event.preventDefault();
        listener(command);
      };
      window.addEventListener('keydown', onKey);
      return () => window.removeEventListener('keydown', onKey);
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
