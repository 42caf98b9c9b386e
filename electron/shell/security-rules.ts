/**
 * The pure rules behind the Electron shell's security (checklist items 5, 13–15, 17, 18): what the
 * window may load, which links may leave the app, who may call, which permissions a page gets.
 * No 'electron' import, so they are unit-tested without Electron's binary.
 */

import { originOf } from '../../shared/contract/origin';
import type { Sender } from '../service/dispatch';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The window only ever shows the app's own pages; everything else is denied. */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** Mail client parameters a mailto: link may carry; others (attach=, …) have been used to leak files. */
const MAILTO_PARAMS = new Set(['subject', 'body', 'cc', 'bcc']);

/** Links handed to the operating system stay short: a long argument to a handler is never needed. */
const MAX_EXTERNAL_URL = 2_048;

/**
 * Links the user may follow out of the app, opened by the system (browser, mail client): https with a
 * host and no credentials, and mailto with an address. Everything else (javascript:, file:, http:,
 * data:, smb:, custom schemes that start programs) is refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(parsed.pathname);
    } catch {
      return false;
    }
    const params = [...parsed.searchParams.keys()];
    return /^[^\s@/\\]+@[^\s@/\\]+$/.test(address) && params.every((p) => MAILTO_PARAMS.has(p.toLowerCase()));
  }
  return (
    parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
  );
}

/** Maps an app:// request path to a file inside the renderer folder, or null if it would escape it. */
export function resolveAppPath(
  rendererDir: string,
  url: string,
  join: (...p: string[]) => string,
): string | null {
  let pathname: string;
  try {
    if (originOf(url) !== APP_ORIGIN) return null;
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  const parts = pathname.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\') || p.includes('\0'))) return null;
  return join(rendererDir, ...(parts.length ? parts : ['index.html']));
}

/** The parts of an IPC event the sender check reads (Electron's IpcMainEvent, or a fake in tests). */
export interface IpcEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: { readonly mainFrame: unknown };
}

/**
 * Who sent an IPC message, for the dispatch's sender check: the frame's URL, and whether it is the
 * window's top-level frame. A frame that has navigated away or been destroyed has no senderFrame and
 * is refused (url null).
 */
export function senderOf(event: IpcEventLike): Sender {
  const frame = event.senderFrame;
  if (!frame) return { url: null, isMainFrame: false };
  return { url: frame.url, isMainFrame: frame.parent === null && frame === event.sender.mainFrame };
}

/**
 * Permission requests and checks (camera, microphone, notifications, geolocation, HID/USB/serial,
 * fullscreen, …) are denied: the app needs none of them. Two exceptions, both only for the app's own
 * page: writing sanitised text to the clipboard (a "copy" button, which reads nothing), and a clicked
 * mailto:/https: link that Chromium hands to the system — the same check as every other external link.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | null | undefined,
  externalUrl?: string,
): boolean {
  if (!requestingUrl || !isAppUrl(requestingUrl)) return false;
  if (permission === 'clipboard-sanitized-write') return true;
  return permission === 'openExternal' && externalUrl !== undefined && isSafeExternalUrl(externalUrl);
}

/** The only file types the app hands to the system's program after saving them: mail drafts and invitations. */
const OPENABLE_EXTENSIONS = new Set(['.eml', '.ics']);

/**
 * Whether a file just saved may be opened with its system handler: only when asked, only a mail draft
 * or an invitation, and only a plain file path whose extension is the one the service asked for (the
 * user may rename it in the save dialog to `.exe` or `.desktop`, which must never be launched).
 */
export function shouldOpenAfterSave(doc: { extension: string; open?: boolean }, filePath: string): boolean {
  if (!doc.open) return false;
  const dot = filePath.lastIndexOf('.');
  const extension = dot < 0 ? '' : filePath.slice(dot).toLowerCase();
  return (
    extension === `.${doc.extension}` &&
    OPENABLE_EXTENSIONS.has(extension) &&
    !/^[a-z][a-z0-9+.-]*:\/\//i.test(filePath)
  );
}
