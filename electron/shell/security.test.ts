import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from './security-rules';

const opened = vi.hoisted(() => [] as string[]);
vi.mock('electron', () => ({
  shell: {
    openExternal: (url: string) => {
      opened.push(url);
      return Promise.resolve();
    },
  },
}));

const { applySessionPolicy, decidePermissionCheck, decidePermissionRequest, hardenWebContents } =
  await import('./security');

/** Records what hardenWebContents installs, and lets a test fire Electron's events at it. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Fires a navigation-style event; returns whether a handler prevented it. */
  fire(name: string, url: string, extra: object = {}): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) }, extra);
    return prevented;
  }
}

let contents: FakeWebContents;
beforeEach(() => {
  opened.length = 0;
  contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
});

describe('13: navigation', () => {
  it('stays on the app’s own pages', () => {
    expect(contents.fire('will-navigate', APP_ENTRY_URL)).toBe(false);
  });

  it('is denied anywhere else; a checked https link goes to the system browser instead', () => {
    expect(contents.fire('will-navigate', 'https://example.com/sla.pdf')).toBe(true);
    expect(opened).toEqual(['https://example.com/sla.pdf']);
  });

  it('is denied for a file: or javascript: URL, which never reaches the system either', () => {
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual([]);
  });

  it('is denied in frames and through redirects', () => {
    expect(contents.fire('will-frame-navigate', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-redirect', 'https://example.com/')).toBe(true);
    expect(contents.fire('will-redirect', APP_ENTRY_URL)).toBe(false);
    expect(opened).toEqual([]);
  });
});

describe('14: new windows', () => {
  it('are always denied; a mailto link opens the mail client after the check', () => {
    expect(contents.windowOpenHandler?.({ url: 'mailto:maria@example.com' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['mailto:maria@example.com']);
  });

  it('are denied for the app’s own URL too (no second, unmanaged window)', () => {
    expect(contents.windowOpenHandler?.({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
  });

  it('15: an http or smb link is neither opened in a window nor handed to the system', () => {
    contents.windowOpenHandler?.({ url: 'http://example.com/' });
    contents.windowOpenHandler?.({ url: 'smb://attacker.example.com/share' });
    expect(opened).toEqual([]);
  });
});

describe('11–12: webviews', () => {
  it('are never attached, and lose any preload they asked for', () => {
    const webPreferences: { preload?: string } = { preload: '/tmp/evil.js' };
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, webPreferences, {});
    expect(prevented).toBe(true);
    expect(webPreferences.preload).toBeUndefined();
  });
});

describe('5: permission requests are denied', () => {
  const page = { getURL: () => APP_ENTRY_URL };

  it.each(['media', 'geolocation', 'notifications', 'fullscreen', 'display-capture', 'openExternal'])(
    'a request for %s is answered no',
    (permission) => {
      const answers: boolean[] = [];
      decidePermissionRequest(page, permission, (granted) => answers.push(granted), {
        requestingUrl: APP_ENTRY_URL,
      });
      expect(answers).toEqual([false]);
    },
  );

  it('a clicked link is handed to the system only after the external-link check', () => {
    const answers: boolean[] = [];
    const answer = (granted: boolean) => answers.push(granted);
    decidePermissionRequest(page, 'openExternal', answer, {
      requestingUrl: APP_ENTRY_URL,
      externalURL: 'mailto:maria@example.com',
    });
    decidePermissionRequest(page, 'openExternal', answer, {
      requestingUrl: APP_ENTRY_URL,
      externalURL: 'ms-msdt:/id PCWDiagnostic',
    });
    expect(answers).toEqual([true, false]);
  });

  it('a check for a permission is answered no', () => {
    expect(decidePermissionCheck(null, 'media', 'app://workbook')).toBe(false);
    expect(decidePermissionCheck(null, 'hid', 'app://workbook')).toBe(false);
  });

  it('the session is given these handlers, and no device access', () => {
    const installed: Record<string, unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: unknown) => (installed.request = h),
      setPermissionCheckHandler: (h: unknown) => (installed.check = h),
      setDevicePermissionHandler: (h: unknown) => (installed.device = h),
    };
    applySessionPolicy(session as unknown as Session);
    expect(installed.request).toBe(decidePermissionRequest);
    expect(installed.check).toBe(decidePermissionCheck);
    expect((installed.device as () => boolean)()).toBe(false);
  });
});
