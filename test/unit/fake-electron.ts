/**
 * A stand-in for the parts of Electron's main-process API the shell uses, so electron/shell/main.ts
 * runs under vitest where Electron's binary cannot. Each fake records what the shell did with it and
 * lets a test fire the events Electron would. Load it through `vi.mock('electron', …)`.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export const fakeEvent = (): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: '', parent: null };
  readonly sent: Array<[string, unknown]> = [];
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(): void {}
  getURL(): string {
    return this.mainFrame.url;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  bounds: { x: number; y: number; width: number; height: number };
  maximized = false;
  minimized = false;
  visible = false;
  focused = false;
  destroyed = false;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    this.bounds = {
      x: (options.x as number | undefined) ?? 40,
      y: (options.y as number | undefined) ?? 30,
      width: options.width as number,
      height: options.height as number,
    };
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  /** Like Electron: 'close' may be prevented; otherwise the window is destroyed and 'closed' follows. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.instances.every((w) => w.destroyed)) fake.app.emit('window-all-closed');
  }
  isDestroyed = () => this.destroyed;
  maximize = () => void (this.maximized = true);
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  restore = () => void (this.minimized = false);
  show = () => void (this.visible = true);
  focus = () => void (this.focused = true);
  getNormalBounds = () => ({ ...this.bounds });
}

/** What the shell registered and did, for the test to inspect and drive. */
export const fake = {
  hasLock: true,
  userData: '',
  quitCalls: 0,
  exitCode: null as number | null,
  sandboxEnabled: false,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  invokeHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  messageHandlers: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  sessionHandlers: {} as Record<string, unknown>,
  applicationMenu: null as unknown,
  errorBoxes: [] as string[],
  openedPaths: [] as string[],
  app: new EventEmitter(),
  powerMonitor: new EventEmitter(),
};

/** A fresh world for one test: no windows, nothing registered, a new temp userData folder unless given. */
export function resetFakeElectron(options: { hasLock?: boolean; userData?: string } = {}): void {
  FakeBrowserWindow.instances.length = 0;
  fake.hasLock = options.hasLock ?? true;
  fake.userData = options.userData ?? fs.mkdtempSync(path.join(os.tmpdir(), 'brm-shell-'));
  fake.quitCalls = 0;
  fake.exitCode = null;
  fake.sandboxEnabled = false;
  fake.privilegedSchemes = [];
  fake.protocolHandlers.clear();
  fake.invokeHandlers.clear();
  fake.messageHandlers.clear();
  fake.sessionHandlers = {};
  fake.applicationMenu = null;
  fake.errorBoxes = [];
  fake.openedPaths = [];
  fake.app.removeAllListeners();
  fake.powerMonitor.removeAllListeners();
}

export const app = Object.assign(fake.app, {
  isPackaged: true,
  enableSandbox: () => void (fake.sandboxEnabled = true),
  requestSingleInstanceLock: () => fake.hasLock,
  whenReady: () => Promise.resolve(),
  getPath: (name: string) => path.join(fake.userData, name === 'userData' ? '' : name),
  getVersion: () => '0.1.0',
  setAboutPanelOptions: () => {},
  /** Like Electron: 'before-quit' may be prevented; otherwise every window closes and the app exits. */
  quit: () => {
    fake.quitCalls++;
    const event = fakeEvent();
    fake.app.emit('before-quit', event);
    if (event.defaultPrevented) return;
    for (const window of FakeBrowserWindow.instances) window.close();
  },
  exit: (code: number) => void (fake.exitCode = code),
});

/** The module object `vi.mock('electron')` returns (untyped: main.ts sees it through Electron's types). */
export const electronModule: Record<string, unknown> = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => void (fake.applicationMenu = menu),
  },
  dialog: {
    showErrorBox: (title: string, message: string) => void fake.errorBoxes.push(`${title}: ${message}`),
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
      fake.invokeHandlers.set(channel, handler),
    on: (channel: string, handler: (event: unknown, ...args: unknown[]) => void) =>
      fake.messageHandlers.set(channel, handler),
  },
  net: { fetch: (url: string) => Promise.resolve(new Response(`fetched ${url}`)) },
  powerMonitor: fake.powerMonitor,
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      fake.protocolHandlers.set(scheme, handler),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: unknown) => (fake.sessionHandlers.request = h),
      setPermissionCheckHandler: (h: unknown) => (fake.sessionHandlers.check = h),
      setDevicePermissionHandler: (h: unknown) => (fake.sessionHandlers.device = h),
    },
  },
  shell: {
    openExternal: () => Promise.resolve(),
    openPath: (p: string) => {
      fake.openedPaths.push(p);
      return Promise.resolve('');
    },
  },
};
