import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { MethodName, ResultOf } from '../../shared/contract';
import { callAs, type ArgList } from '../unit/workbook-helpers';
import type {
  PreviewHost,
  PreviewOptions,
  startPreviewHost as StartPreviewHost,
} from '../../electron/preview/preview-host';

/** The preview host as built by `npm run build`: the same bundle `npm run preview` runs. */
const hostModule = path.resolve('out/preview/preview-host.mjs');
const staticDir = path.resolve('out/renderer');
export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');
/** Exported Word files kept after the run, to open and judge by eye (LibreOffice → PDF → PNG). */
export const DOCUMENT_DIR = path.resolve('test-results/documents');

/** Keeps a copy of an exported file in test-results/documents; returns the path it was exported to. */
export function keepDocument(file: string): string {
  fs.mkdirSync(DOCUMENT_DIR, { recursive: true });
  fs.copyFileSync(file, path.join(DOCUMENT_DIR, path.basename(file)));
  return file;
}

async function startHost(options: PreviewOptions): Promise<PreviewHost> {
  const { startPreviewHost } = (await import(hostModule)) as { startPreviewHost: typeof StartPreviewHost };
  return startPreviewHost({ staticDir, ...options });
}

export interface WorkbookFixture {
  dataDir: string;
  host: PreviewHost;
  /** Stops the host and starts a new one on the same data folder, as quitting and reopening the app would. */
  restart: () => Promise<PreviewHost>;
  /** Opens the app in the page (after a restart, the new host's URL). */
  open: (hash?: string) => Promise<void>;
  screenshot: (name: string) => Promise<void>;
}

/** The files saved to the exports folder so far, sorted; none while nothing was saved (no folder yet). */
export function exportedFiles(workbook: WorkbookFixture): string[] {
  const dir = workbook.host.exportsDir;
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

export const test = base.extend<{ workbook: WorkbookFixture }>({
  workbook: async ({ page }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-e2e-'));
    let host = await startHost({ dataDir });
    const fixture: WorkbookFixture = {
      dataDir,
      get host() {
        return host;
      },
      restart: async () => {
        await host.close();
        host = await startHost({ dataDir });
        return host;
      },
      open: async (hash = '') => {
        await page.goto(host.url + (hash ? `#${hash}` : ''));
        await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      },
      screenshot: async (name) => {
        fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
      },
    };
    await use(fixture);
    await host.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Sets up what a journey builds on straight through the service layer, as the app's own calls would. */
export function call<K extends MethodName>(
  workbook: WorkbookFixture,
  method: K,
  ...arg: ArgList<K>
): Promise<ResultOf<K>> {
  return callAs(
    { url: `${workbook.host.origin}/`, isMainFrame: true },
    workbook.host.workbook,
    method,
    ...arg,
  );
}

/** Fills a text field of the open dialog, found by its accessible name. */
export async function fillField(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('dialog').getByRole('textbox', { name: label, exact: true }).fill(value);
}
