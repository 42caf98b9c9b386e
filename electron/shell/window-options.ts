import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

/**
 * The one set of options every BrowserWindow is made with (security checklist items 2–4, 6, 9–12):
 * the page runs sandboxed and isolated, without Node, with web security and without experimental
 * features or webviews. Kept pure so it is unit-tested without Electron.
 */
export function mainWindowOptions(
  preloadPath: string,
  bounds: Partial<Rectangle> | null,
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? 1280,
    height: bounds?.height ?? 820,
    ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
    minWidth: 900,
    minHeight: 600,
    title: 'BRM Workbook',
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}
