/**
 * The pure rules behind the Electron shell's security (checklist items 13–15, 17): what the window
 * may load, which links may leave the app and how. No 'electron' import, so they are unit-tested.
 */

import { originOf } from '../../shared/contract/origin';

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The window only ever shows the app's own pages; everything else is denied. */
export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

/** Links the user may follow out of the app, opened by the system (browser, mail client). */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'mailto:') return /^[^\s@]+@[^\s@]+$/.test(decodeURIComponent(parsed.pathname));
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
