import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  isAppUrl,
  isPermissionGranted,
  isSafeExternalUrl,
  resolveAppPath,
  senderOf,
  shouldOpenAfterSave,
} from './security-rules';

describe('13: navigation is allowed only to the app origin', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#/units/abc123`])('%s stays', (url) =>
    expect(isAppUrl(url)).toBe(true),
  );
  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://workbook.evil.com/',
    'app://workbook:8080/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('%s is refused', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('15: external links only https and mailto', () => {
  it.each([
    'https://intranet.example.com/agreements/sla-2026.pdf',
    'https://example.com/path?q=1#frag',
    'mailto:maria.jansen@example.com',
    'mailto:maria.jansen@example.com?subject=Service%20review&body=Hello',
  ])('%s may be opened', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['http:', 'http://example.com/'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['smb:', 'smb://attacker.example.com/share/payload.exe'],
    ['a UNC-like file URL', 'file://attacker.example.com/share/x.lnk'],
    ['ms-msdt:', 'ms-msdt:/id PCWDiagnostic /skip force'],
    ['a custom scheme', 'vscode://file/etc/passwd'],
    ['credentials in the URL', 'https://user:secret@example.com/'],
    ['a user name in the URL', 'https://admin@example.com/'],
    ['no host', 'https://'],
    ['mailto without an address', 'mailto:'],
    ['mailto with a file attachment', 'mailto:a@example.com?attach=/home/brm/.ssh/id_rsa'],
    ['mailto with a path', 'mailto:a@example.com/../x'],
    ['a malformed escape', 'mailto:%E0%A4%A@example.com'],
    ['an overlong link', `https://example.com/${'a'.repeat(5000)}`],
    ['not a URL', 'example.com'],
  ])('%s is refused', (_why, url) => expect(isSafeExternalUrl(url)).toBe(false));
});

describe('18: the app protocol serves files from the renderer folder only', () => {
  const root = path.resolve('/opt/brm/renderer');
  const resolve = (url: string) => resolveAppPath(root, url, path.join);

  it('maps app paths into the folder', () => {
    expect(resolve(`${APP_ORIGIN}/`)).toBe(path.join(root, 'index.html'));
    expect(resolve(`${APP_ORIGIN}/assets/index-abc.js`)).toBe(path.join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    `${APP_ORIGIN}/../../etc/passwd`,
    `${APP_ORIGIN}/assets/..%2f..%2f..%2fetc%2fpasswd`,
    `${APP_ORIGIN}/%2e%2e/%2e%2e/etc/passwd`,
    `${APP_ORIGIN}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
    `${APP_ORIGIN}/..%5c..%5cwindows%5cwin.ini`,
    `${APP_ORIGIN}/assets%5c..%5c..%5csecret`,
    `${APP_ORIGIN}/index.html%00.png`,
    `${APP_ORIGIN}/%E0%A4%A`,
    'app://other/index.html',
    'file:///etc/passwd',
  ])('%s is refused', (url) => {
    const file = resolve(url);
    // Either refused outright, or (where the URL parser already folded the dots) still inside the folder.
    if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses encoded traversal outright rather than folding it', () => {
    expect(resolve(`${APP_ORIGIN}/assets/..%2f..%2fetc%2fpasswd`)).toBeNull();
    expect(resolve(`${APP_ORIGIN}/..%5csecret`)).toBeNull();
  });
});

describe('17: the IPC sender is the app page in the main frame', () => {
  const mainFrame = { url: APP_ENTRY_URL, parent: null };
  it('reads the URL and main-frame-ness from the sending frame', () => {
    expect(senderOf({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({
      url: APP_ENTRY_URL,
      isMainFrame: true,
    });
  });
  it('a subframe is not the main frame, even on the app origin', () => {
    const sub = { url: APP_ENTRY_URL, parent: mainFrame };
    expect(senderOf({ senderFrame: sub, sender: { mainFrame } }).isMainFrame).toBe(false);
  });
  it('a top-level frame of another web contents is not this window’s main frame', () => {
    const other = { url: APP_ENTRY_URL, parent: null };
    expect(senderOf({ senderFrame: other, sender: { mainFrame } }).isMainFrame).toBe(false);
  });
  it('a destroyed or navigated-away frame has no URL', () => {
    expect(senderOf({ senderFrame: null, sender: { mainFrame } })).toEqual({ url: null, isMainFrame: false });
  });
});

describe('5: permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'midiSysex',
    'fullscreen',
    'pointerLock',
    'clipboard-read',
    'display-capture',
    'hid',
    'serial',
    'usb',
    'fileSystem',
    'window-management',
    'unknown',
  ])('%s is denied to the app page', (permission) =>
    expect(isPermissionGranted(permission, APP_ENTRY_URL)).toBe(false),
  );
  it('a link handed to the system passes the external-link check, from the app page only', () => {
    expect(isPermissionGranted('openExternal', APP_ENTRY_URL, 'mailto:maria@example.com')).toBe(true);
    expect(isPermissionGranted('openExternal', APP_ENTRY_URL, 'https://example.com/')).toBe(true);
    expect(isPermissionGranted('openExternal', APP_ENTRY_URL, 'smb://attacker.example.com/x')).toBe(false);
    expect(isPermissionGranted('openExternal', APP_ENTRY_URL, 'file:///etc/passwd')).toBe(false);
    expect(isPermissionGranted('openExternal', APP_ENTRY_URL)).toBe(false);
    expect(isPermissionGranted('openExternal', 'https://example.com/', 'mailto:a@example.com')).toBe(false);
  });
  it('writing sanitised text to the clipboard is allowed to the app page only', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', APP_ENTRY_URL)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', null)).toBe(false);
  });
});

describe('saved mail drafts and invitations open in their program, nothing else does', () => {
  it('opens a .eml or .ics that was asked to be opened', () => {
    expect(shouldOpenAfterSave({ extension: 'eml', open: true }, '/home/b/Minutes.eml')).toBe(true);
    expect(shouldOpenAfterSave({ extension: 'ics', open: true }, 'C:\\Users\\b\\Review.ICS')).toBe(true);
  });
  it('never opens a file renamed in the save dialog, a Word file, or one not asked for', () => {
    expect(shouldOpenAfterSave({ extension: 'eml', open: true }, '/home/b/Minutes.eml.desktop')).toBe(false);
    expect(shouldOpenAfterSave({ extension: 'eml', open: true }, '/home/b/run.exe')).toBe(false);
    expect(shouldOpenAfterSave({ extension: 'docx', open: true }, '/home/b/Minutes.docx')).toBe(false);
    expect(shouldOpenAfterSave({ extension: 'eml' }, '/home/b/Minutes.eml')).toBe(false);
  });
});
