import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, net, powerMonitor, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { describeFsError } from '../service/store/shard-store';
import { settingsShard } from '../service/store/shards';
import { safeFileName, writeFileAtomic } from '../service/atomic-file';
import type { DocumentToSave, HostAdapter, SavedDocument } from '../service/host';
import { openWorkbook, type Workbook } from '../service/workbook';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { CALL_CHANNEL } from './ipc-channels';
import { buildMenu } from './menu';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, resolveAppPath } from './security-rules';
import { denyAllPermissions, hardenWebContents } from './security';
import { mainWindowOptions } from './window-options';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');

// The app's pages come from its own protocol, not file:// (security checklist item 18).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let workbook: Workbook | null = null;

// A second instance must not become a second writer of the same store: it focuses the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start, (error: unknown) => fail(error));
  app.on('window-all-closed', () => app.quit());
}

function start(): void {
  denyAllPermissions();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url, path.join);
    if (!file || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });

  const dataDir = process.env.BRM_WORKBOOK_DATA ?? path.join(app.getPath('userData'), 'workbook');
  try {
    workbook = openWorkbook({ dataDir, host: electronHost(), trustedOrigins: [APP_ORIGIN] });
  } catch (error) {
    fail(error);
    return;
  }
  const opened = workbook;
  ipcMain.handle(CALL_CHANNEL, (event, method: unknown, arg: unknown) =>
    opened.dispatch(
      { url: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame === event.sender.mainFrame },
      method,
      arg,
    ),
  );

  Menu.setApplicationMenu(buildMenu(process.platform === 'darwin'));
  createWindow(opened);
  powerMonitor.on('suspend', () => opened.store.backupNow());
}

function createWindow(opened: Workbook): void {
  const settings = opened.store.get(settingsShard);
  const window = new BrowserWindow(mainWindowOptions(preloadPath, settings.window));
  mainWindow = window;
  if (settings.window?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => rememberWindow(opened, window));
  window.on('closed', () => (mainWindow = null));
  void window.loadURL(APP_ENTRY_URL);
}

/** Window size and position come back as they were at the next start. */
function rememberWindow(opened: Workbook, window: BrowserWindow): void {
  const { x, y, width, height } = window.getNormalBounds();
  try {
    opened.store.put(settingsShard, null, {
      ...opened.store.get(settingsShard),
      window: { x, y, width, height, maximized: window.isMaximized() },
    });
  } catch {
    // The window position is a convenience; a failed save of it must not block quitting.
  }
}

function electronHost(): HostAdapter {
  return {
    async saveDocument(doc: DocumentToSave): Promise<SavedDocument> {
      const store = workbook?.store;
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
          if (store)
            store.put(settingsShard, null, {
              ...store.get(settingsShard),
              lastExportFolder: path.dirname(choice.filePath),
            });
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
