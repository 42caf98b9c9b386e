import { describe, expect, it } from 'vitest';
import { mainWindowOptions, restoredBounds } from './window-options';

// Electron's security checklist, items 2–4, 6 and 8–12: one test per item the window factory answers.
const prefs = mainWindowOptions('/app/preload.cjs', null, { devTools: false }).webPreferences!;

describe('window factory: Electron security checklist', () => {
  it('2: no Node integration in the page, its workers or its frames', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3: context isolation on, with only the preload between page and main', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.preload).toBe('/app/preload.cjs');
  });

  it('4: the renderer is sandboxed', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('6: web security on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('8: no insecure content', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9: no experimental features', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10: no Blink features switched on', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
  });

  it('11–12: no <webview> tag', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('13: a file dropped on the window does not navigate it away', () => {
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('developer tools only while developing', () => {
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions('/p', null, { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('no option relaxes any of this, whatever the saved bounds', () => {
    const withBounds = mainWindowOptions(
      '/app/preload.cjs',
      { x: 10, y: 20, width: 1000, height: 700 },
      {
        devTools: false,
      },
    );
    expect(withBounds.webPreferences).toEqual(prefs);
    expect(withBounds).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
  });
});

describe('window position', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 860 };
  const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: false };

  it('opens where it was when that place is still on a screen', () => {
    expect(restoredBounds(saved, [laptop])).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
  });

  it('keeps the size but not the position when the screen it was on is gone', () => {
    const onUnpluggedMonitor = { ...saved, x: 2000, y: 100 };
    expect(restoredBounds(onUnpluggedMonitor, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('does not reuse a position whose title bar would sit above the screen', () => {
    expect(restoredBounds({ ...saved, y: -500 }, [laptop])).toEqual({ width: 1200, height: 800 });
  });

  it('uses the defaults on the first start', () => {
    expect(restoredBounds(null, [laptop])).toBeNull();
    expect(mainWindowOptions('/p', null, { devTools: false })).toMatchObject({ width: 1280, height: 820 });
  });
});
