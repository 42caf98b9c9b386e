/**
 * The action register in Chromium, through the preview host: from navigating to the register until its
 * first row is visible and a scroll far down shows other rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';

export const REGISTER_ROUTE = '#/actions';

// The few browser globals the functions run in the page use (this project is type-checked without the DOM).
interface PageElement {
  parentElement: PageElement | null;
  scrollHeight: number;
  clientHeight: number;
  scrollTop: number;
  textContent: string | null;
}
declare const window: { location: { hash: string } };
declare const document: { querySelectorAll(selector: string): Iterable<PageElement> };
declare function getComputedStyle(element: PageElement): { overflowY: string };
declare function requestAnimationFrame(callback: () => void): number;

export interface RegisterFigure {
  registerRenderMs: number | null;
  /** Why there is no figure, or what was measured. */
  note: string;
}

export async function measureRegister(dataDir: string, outDir: string): Promise<RegisterFigure> {
  const preview = await startPreview(dataDir, outDir);
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: config.use?.viewport ?? { width: 1366, height: 860 } });
    await page.goto(`${preview.url}#/units`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });
    const started = Date.now();
    await page.evaluate((route) => {
      window.location.hash = route;
    }, REGISTER_ROUTE);
    const firstRow = await waitForDataRow(page);
    if (!firstRow) {
      return {
        registerRenderMs: null,
        note: `no rows at ${REGISTER_ROUTE}: the action register is not on this branch`,
      };
    }
    const scrolled = await scrollResponds(page);
    const total = Date.now() - started;
    if (!scrolled) return { registerRenderMs: null, note: 'rows shown, but scrolling showed no other rows' };
    return { registerRenderMs: total, note: `${REGISTER_ROUTE}: first row visible and a scroll answered` };
  } finally {
    await browser.close();
    preview.process.kill();
  }
}

/** Waits for a visible row with cells (a data row, not the header). */
async function waitForDataRow(page: Page): Promise<boolean> {
  try {
    await page
      .locator('[role="row"]:has([role="cell"], [role="gridcell"]), tbody tr')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** Scrolls the rows' scrolling container far down and waits until rows not shown before appear. */
async function scrollResponds(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const rowSelector = '[role="row"]:has([role="cell"], [role="gridcell"]), tbody tr';
    const rows = () => [...document.querySelectorAll(rowSelector)];
    let scroller = rows()[0]?.parentElement ?? null;
    while (
      scroller &&
      !(
        scroller.scrollHeight > scroller.clientHeight + 1 &&
        /auto|scroll/.test(getComputedStyle(scroller).overflowY)
      )
    ) {
      scroller = scroller.parentElement;
    }
    if (!scroller) return false;
    const texts = () => new Set(rows().map((r) => r.textContent ?? ''));
    const before = texts();
    scroller.scrollTop += scroller.clientHeight * 20;
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline) {
      await new Promise<void>((resolve) => requestAnimationFrame(resolve));
      for (const text of texts()) if (!before.has(text)) return true;
    }
    return false;
  });
}

async function startPreview(
  dataDir: string,
  outDir: string,
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [path.join(outDir, 'preview', 'preview-host.mjs'), '--data', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /open:\s+(\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`The preview host stopped (exit code ${code}).`)));
  });
  return { url, process: child };
}
