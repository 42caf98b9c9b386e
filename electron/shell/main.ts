import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  net,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
} from 'electron';
import { EVENT_CHANNELS, type FlushReason, type MenuCommandEvent } from '../../shared/contract/events';
import { isTrustedSender } from '../service/dispatch';
import { describeFsError } from '../service/store/shard-store';
import { settingsShard } from '../service/store/shards';
import { changeSettings } from '../service/system/settings';
import { safeFileName, writeFileAtomic } from '../service/atomic-file';
import type { DocumentToSave, HostAdapter, SavedDocument } from '../service/host';
import { openWorkbook, type Workbook } from '../service/workbook';
import { createAppFileHandler } from './app-protocol';
import { FlushCoordinator } from './flush-coordinator';
import { CALL_CHANNEL } from './ipc-channels';
import { menuTemplate } from './menu';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, senderOf, shouldOpenAfterSave } from './security-rules';
import { applySessionPolicy, hardenWebContents } from './security';
import { mainWindowOptions, restoredBounds } from './window-options';
import { keychainSecrets } from './secret-keeper';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');

// Every renderer is sandboxed, whatever a window's own options say (checklist item 4).
app.enableSandbox();

// The app's pages come from its own protocol, not file:// (checklist item 18).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
const flush = new FlushCoordinator();
/** Set once the renderer has flushed for quitting: the windows then close without asking again. */
let readyToQuit = false;

// A second instance must not become a second writer of the same store: it focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start, (error: unknown) => fail(error));
  app.on('window-all-closed', () => app.quit());
}

function start(): void {
  applySessionPolicy(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppFileHandler(rendererDir, (url) => net.fetch(url)),
  );

  const dataDir = process.env.BRM_WORKBOOK_DATA ?? path.join(app.getPath('userData'), 'workbook');
  let workbook: Workbook;
  try {
    workbook = openWorkbook({
      dataDir,
      host: { ...electronHost(() => workbook), secrets: keychainSecrets(dataDir) },
      trustedOrigins: [APP_ORIGIN],
    });
  } catch (error) {
    fail(error);
    return;
  }

  // Every call goes through the dispatch: sender check (app origin, main frame), then validation.
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, arg: unknown) =>
    workbook.dispatch(senderOf(event), method, arg),
  );
  ipcMain.on(EVENT_CHANNELS.flushAck, (event, payload: unknown) => {
    if (isTrustedSender(senderOf(event), [APP_ORIGIN])) flush.acknowledge(payload);
  });

  app.setAboutPanelOptions({
    applicationName: 'BRM Workbook',
    applicationVersion: app.getVersion(),
    copyright: 'Copyright © 2026 BRM Workbook team',
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        { isMac: process.platform === 'darwin', isDevelopment: !app.isPackaged },
        {
          showDataFolder: () => void shell.openPath(workbook.store.dataDir),
          sendCommand: (command) =>
            mainWindow?.webContents.send(EVENT_CHANNELS.menuCommand, { command } satisfies MenuCommandEvent),
        },
      ),
    ),
  );

  // Quitting first asks the page to commit its drafts; the quit resumes once it answers (or times out).
  app.on('before-quit', (event) => {
    if (readyToQuit) return;
    event.preventDefault();
    void flushOnce('quit').then(() => {
      readyToQuit = true;
      app.quit();
    });
  });
  powerMonitor.on('suspend', () => {
    void flushOnce('suspend').then(() => workbook.store.backupNow());
  });

  createWindow(workbook);
}

/** One flush at a time: a second quit or close while waiting joins the first instead of asking again. */
let inFlight: Promise<unknown> | null = null;
function flushOnce(reason: FlushReason): Promise<unknown> {
  inFlight ??= flush.request(mainWindow?.webContents ?? null, reason).finally(() => (inFlight = null));
  return inFlight;
}

function createWindow(workbook: Workbook): void {
  const saved = workbook.store.get(settingsShard).window;
  const bounds = restoredBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds, { devTools: !app.isPackaged }));
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  // Closing asks the page to commit its drafts first, then closes for real.
  let flushedForClose = false;
  window.on('close', (event) => {
    if (!readyToQuit && !flushedForClose) {
      event.preventDefault();
      void flushOnce('close').then(() => {
        flushedForClose = true;
        if (!window.isDestroyed()) window.close();
      });
      return;
    }
    rememberWindow(workbook, window);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
}

/** Window size and position come back as they were at the next start. */
function rememberWindow(workbook: Workbook, window: BrowserWindow): void {
  const { x, y, width, height } = window.getNormalBounds();
  try {
    changeSettings(workbook.store, { window: { x, y, width, height, maximized: window.isMaximized() } });
  } catch {
    // The window position is a convenience; a failed save of it must not block quitting.
  }
}

function electronHost(workbook: () => Workbook | undefined): HostAdapter {
  return {
    async saveDocument(doc: DocumentToSave): Promise<SavedDocument> {
      const store = workbook()?.store;
      const lastFolder = store?.get(settingsShard).lastExportFolder ?? app.getPath('documents');
      let defaultPath = path.join(lastFolder, safeFileName(doc.suggestedName));
      for (;;) {
        const options = {
          title: 'Save document',
          defaultPath,
          filters: [{ name: doc.extension.toUpperCase(), extensions: [doc.extension] }],
        };
        const choice = mainWindow
          ? await dialog.showSaveDialog(mainWindow, options)
          : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { savedTo: null, downloadUrl: null };
        try {
          writeFileAtomic(choice.filePath, doc.bytes);
          if (store) changeSettings(store, { lastExportFolder: path.dirname(choice.filePath) });
          if (shouldOpenAfterSave(doc, choice.filePath)) void shell.openPath(choice.filePath);
          return { savedTo: choice.filePath, downloadUrl: null };
        } catch (error) {
          const reason =
            (error as NodeJS.ErrnoException).code === 'EBUSY' ||
            (error as NodeJS.ErrnoException).code === 'EPERM'
              ? 'the file is open in another program (Word?)'
              : describeFsError(error);
          const retry = await dialog.showMessageBox({
            type: 'warning',
            message: `The document could not be saved: ${reason}.`,
            detail: 'Nothing was lost. Close the file in the other program, or save it somewhere else.',
            buttons: ['Save elsewhere…', 'Cancel'],
            defaultId: 0,
            cancelId: 1,
          });
          if (retry.response !== 0) return { savedTo: null, downloadUrl: null };
          defaultPath = choice.filePath;
        }
      }
    },
  };
}

function fail(error: unknown): void {
  dialog.showErrorBox('BRM Workbook could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
