import { session, shell, type WebContents } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './security-rules';

/** Denies every permission request (camera, notifications, …): the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** Opens a checked https/mailto link in the system's browser or mail client; anything else is dropped. */
export function openExternalSafely(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url);
}

/**
 * Navigation and new windows are denied for every web contents the app creates. A link the user
 * clicks (an agreement's document link, an email address) goes to the system after a check instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // Always deny: a middle-click or target=_blank would otherwise open a second, unhardened window.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
