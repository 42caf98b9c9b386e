import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { EVENT_CHANNELS } from '../../shared/contract/events';
import type { FakeBrowserWindow } from '../../test/unit/fake-electron';
import { FLUSH_TIMEOUT_MS } from './flush-coordinator';
import { CALL_CHANNEL } from './ipc-channels';
import { APP_ENTRY_URL, APP_SCHEME } from './security-rules';
import { mainWindowOptions } from './window-options';

// main.ts wired to fake Electron: what it registers, and how it behaves when Electron fires events.
// The fakes are loaded once, outside the module registry that each launch resets.
const fakes = await vi.hoisted(() => import('../../test/unit/fake-electron'));
vi.mock('electron', () => fakes.electronModule);

/** Loads main.ts afresh (its state is per process) and lets app.whenReady() resolve. */
async function launch(options: { hasLock?: boolean; userData?: string } = {}) {
  vi.resetModules();
  fakes.resetFakeElectron(options);
  await import('./main');
  await new Promise((resolve) => setTimeout(resolve, 0));
  const window = fakes.FakeBrowserWindow.instances[0];
  return { fake: fakes.fake, window };
}

const appPage = (window: FakeBrowserWindow) => ({
  senderFrame: window.webContents.mainFrame,
  sender: window.webContents,
});

/**
 * A call as Electron hands it to main.ts's IPC handler, event and all: these tests are about who may
 * call (the sender check) and what (unknown methods), so they stay below the harness in
 * test/unit/workbook-helpers.ts.
 */
function invokeCall(event: unknown, method: string, arg: unknown) {
  return fakes.fake.invokeHandlers.get(CALL_CHANNEL)!(event, method, arg) as Promise<{
    ok: boolean;
    error?: { code: string };
  }>;
}

const settingsFile = (userData: string) =>
  JSON.parse(fs.readFileSync(path.join(userData, 'workbook', 'settings.json'), 'utf8')) as {
    data: { window: unknown };
  };

afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(fakes.fake.userData, { recursive: true, force: true });
});

describe('start-up', () => {
  it('a second launch, without the single-instance lock, quits at once and opens nothing', async () => {
    const { fake, window } = await launch({ hasLock: false });
    expect(fake.quitCalls).toBe(1);
    expect(window).toBeUndefined();
    expect(fake.invokeHandlers.size).toBe(0);
  });

  it('a second launch focuses the first window, restoring it when minimised', async () => {
    const { fake, window } = await launch();
    window!.minimized = true;
    fake.app.emit('second-instance');
    expect(window!.minimized).toBe(false);
    expect(window!.focused).toBe(true);
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('makes the one window through the factory and loads the app from its own protocol', async () => {
    const { fake, window } = await launch();
    const expected = mainWindowOptions('ignored', null, { devTools: false });
    expect(window!.options.webPreferences).toEqual({
      ...expected.webPreferences,
      preload: expect.stringMatching(/preload\.cjs$/),
    });
    expect(window!.webContents.mainFrame.url).toBe(APP_ENTRY_URL);
    expect(fake.sandboxEnabled).toBe(true);
    expect(fake.privilegedSchemes).toEqual([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.protocolHandlers.has(APP_SCHEME)).toBe(true);
    expect(fake.errorBoxes).toEqual([]);
  });

  it('hardens every web contents it creates (navigation away is prevented)', async () => {
    const { window } = await launch();
    const event = fakes.fakeEvent();
    window!.webContents.emit('will-navigate', Object.assign(event, { url: 'https://example.com/' }));
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies permission requests through the session', async () => {
    const { fake } = await launch();
    const answers: boolean[] = [];
    const request = fake.sessionHandlers.request as (...args: unknown[]) => void;
    request(null, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: APP_ENTRY_URL });
    expect(answers).toEqual([false]);
    expect((fake.sessionHandlers.device as () => boolean)()).toBe(false);
  });

  it('sets the native menu: File shows the data folder and hands export commands to the page', async () => {
    const { fake, window } = await launch();
    const menu = fake.applicationMenu as { template: Array<{ label: string; submenu: unknown[] }> };
    expect(menu.template.map((m) => m.label.replace('&', ''))).toContain('Help');
    const file = menu.template.find((m) => m.label === '&File')!.submenu as Array<{
      label?: string;
      click: () => void;
    }>;
    file.find((i) => i.label === 'Show Data Folder')!.click();
    expect(fake.openedPaths).toEqual([path.join(fake.userData, 'workbook')]);
    file.find((i) => i.label === 'Export Minutes to Word')!.click();
    expect(window!.webContents.sent).toEqual([[EVENT_CHANNELS.menuCommand, { command: 'export-minutes' }]]);
  });
});

describe('17: IPC sender check', () => {
  it('answers the app page in the main frame', async () => {
    const { window } = await launch();
    expect(await invokeCall(appPage(window!), 'getDirectory', {})).toMatchObject({ ok: true });
  });

  it.each([
    ['another origin', { url: 'https://evil.example.com/', parent: null }],
    ['a file: page', { url: 'file:///tmp/evil.html', parent: null }],
    ['a subframe of the app', { url: APP_ENTRY_URL, parent: {} }],
  ])('refuses %s', async (_who, frame) => {
    const { window } = await launch();
    const event = { senderFrame: frame, sender: window!.webContents };
    expect(await invokeCall(event, 'getDirectory', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a frame that is gone (no senderFrame)', async () => {
    const { window } = await launch();
    const event = { senderFrame: null, sender: window!.webContents };
    expect(await invokeCall(event, 'getDirectory', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses an unknown method, even one named like Object.prototype’s', async () => {
    const { window } = await launch();
    for (const method of ['deleteEverything', '__proto__', 'constructor', 'toString']) {
      expect(await invokeCall(appPage(window!), method, {})).toMatchObject({
        ok: false,
        error: { code: 'unknown-method' },
      });
    }
    expect(METHOD_NAMES).not.toContain('constructor');
  });
});

describe('flush before close, quit and sleep', () => {
  it('closing asks the page to commit its drafts, waits for the answer, then remembers the bounds', async () => {
    const { fake, window } = await launch();
    window!.bounds = { x: 200, y: 120, width: 1100, height: 760 };
    window!.close();
    expect(window!.destroyed).toBe(false);
    expect(window!.webContents.sent).toEqual([[EVENT_CHANNELS.flushRequest, { id: 1, reason: 'close' }]]);

    // An acknowledgement from anywhere but the app page is ignored.
    const ack = fake.messageHandlers.get(EVENT_CHANNELS.flushAck)!;
    ack({ senderFrame: { url: 'https://evil.example.com/', parent: null }, sender: {} }, { id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window!.destroyed).toBe(false);

    ack(appPage(window!), { id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window!.destroyed).toBe(true);
    expect(settingsFile(fake.userData).data.window).toEqual({
      x: 200,
      y: 120,
      width: 1100,
      height: 760,
      maximized: false,
    });
  });

  it('closes anyway when the page does not answer within the bound', async () => {
    vi.useFakeTimers();
    const launched = launch();
    await vi.runOnlyPendingTimersAsync();
    const { window } = await launched;
    window!.close();
    await vi.advanceTimersByTimeAsync(FLUSH_TIMEOUT_MS - 10);
    expect(window!.destroyed).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(window!.destroyed).toBe(true);
  });

  it('quitting asks once, then closes the window without asking again', async () => {
    const { fake, window } = await launch();
    fakes.app.quit();
    expect(window!.webContents.sent).toEqual([[EVENT_CHANNELS.flushRequest, { id: 1, reason: 'quit' }]]);
    expect(window!.destroyed).toBe(false);
    fake.messageHandlers.get(EVENT_CHANNELS.flushAck)!(appPage(window!), { id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window!.destroyed).toBe(true);
    expect(window!.webContents.sent).toHaveLength(1);
    expect(settingsFile(fake.userData).data.window).not.toBeNull();
  });

  it('going to sleep asks the page to commit its drafts, then takes a backup', async () => {
    const { fake, window } = await launch();
    const backupsDir = path.join(fake.userData, 'workbook', 'backups');
    const backups = () => (fs.existsSync(backupsDir) ? fs.readdirSync(backupsDir).length : 0);
    await invokeCall(appPage(window!), 'updateSettings', {
      fields: { organisationName: 'Acme', brmName: 'Sam', locale: '', theme: 'system' },
    });
    expect(backups()).toBe(0);
    fake.powerMonitor.emit('suspend');
    expect(window!.webContents.sent).toEqual([[EVENT_CHANNELS.flushRequest, { id: 1, reason: 'suspend' }]]);
    expect(backups()).toBe(0);
    fake.messageHandlers.get(EVENT_CHANNELS.flushAck)!(appPage(window!), { id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(backups()).toBe(1);
    expect(window!.destroyed).toBe(false);
  });

  it('the next start opens the window where it was left', async () => {
    const first = await launch();
    first.window!.bounds = { x: 300, y: 150, width: 1000, height: 700 };
    fakes.app.quit();
    first.fake.messageHandlers.get(EVENT_CHANNELS.flushAck)!(appPage(first.window!), { id: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));

    const second = await launch({ userData: first.fake.userData });
    expect(second.window!.options).toMatchObject({ x: 300, y: 150, width: 1000, height: 700 });
  });
});
