import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { Settings } from '../../shared/domain/system';

export type SavedWindow = NonNullable<Settings['window']>;

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const;

/**
 * The one set of options every BrowserWindow is made with (security checklist items 2–4, 6, 8–12):
 * the page runs sandboxed and isolated, without Node (also in workers and frames), with web security,
 * without insecure content, experimental or Blink features, or webviews. Kept pure so it is
 * unit-tested without Electron.
 */
export function mainWindowOptions(
  preloadPath: string,
  bounds: Partial<Rectangle> | null,
  options: { devTools: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: bounds?.width ?? DEFAULT_SIZE.width,
    height: bounds?.height ?? DEFAULT_SIZE.height,
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
      safeDialogs: true,
      spellcheck: true,
      // Developer tools only while developing: in the installed app they would be a way around the CSP.
      devTools: options.devTools,
    },
  };
}

/** How much of the window's top edge must lie on a screen for its saved position to be reused. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

/**
 * The saved window size, and its saved position only when the title bar would still be on one of the
 * screens (a monitor unplugged since would otherwise open the app off-screen, out of reach).
 */
export function restoredBounds(
  saved: SavedWindow | null,
  workAreas: readonly Rectangle[],
): Partial<Rectangle> | null {
  if (!saved) return null;
  const size = { width: saved.width, height: saved.height };
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE.height };
  const onScreen = workAreas.some((area) => {
    const width = Math.min(titleBar.x + titleBar.width, area.x + area.width) - Math.max(titleBar.x, area.x);
    const height =
      Math.min(titleBar.y + titleBar.height, area.y + area.height) - Math.max(titleBar.y, area.y);
    return width >= MIN_VISIBLE.width && height >= MIN_VISIBLE.height;
  });
  return onScreen ? { ...size, x: saved.x, y: saved.y } : size;
}
