import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isPermissionGranted, isSafeExternalUrl } from './security-rules';

/** Requests (a page asks; the user would be prompted): denied unless the rules grant them. */
export function decidePermissionRequest(
  contents: Pick<WebContents, 'getURL'> | null,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string; externalURL?: string },
): void {
  const requestingUrl = details.requestingUrl ?? contents?.getURL() ?? null;
  callback(isPermissionGranted(permission, requestingUrl, details.externalURL));
}

/** Checks (a page asks whether it already holds a permission): the same answer as a request. */
export function decidePermissionCheck(
  _contents: unknown,
  permission: string,
  requestingOrigin: string,
): boolean {
  return isPermissionGranted(permission, requestingOrigin);
}

/**
 * The session's policy (checklist item 5): permission requests and checks go through the rules above,
 * and no page may reach a HID, serial or USB device.
 */
export function applySessionPolicy(session: Session): void {
  session.setPermissionRequestHandler(decidePermissionRequest);
  session.setPermissionCheckHandler(decidePermissionCheck);
  session.setDevicePermissionHandler(() => false);
}

/** Opens a checked https/mailto link in the system's browser or mail client; anything else is dropped. */
export function openExternalSafely(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/**
 * Navigation and new windows are denied for every web contents the app creates (checklist items
 * 11–15). A link the user clicks (an agreement's document link, an email address) goes to the system
 * after a check instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openExternalSafely(event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // Always deny: a middle-click or target=_blank would otherwise open a second, unhardened window.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  // No <webview>: it could load remote content with its own, weaker preferences.
  contents.on('will-attach-webview', (event, webPreferences) => {
    delete webPreferences.preload;
    event.preventDefault();
  });
}
