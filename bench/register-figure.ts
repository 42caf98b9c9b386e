/**
 * The action register in Chromium, through the preview host: from navigating to the register until its
 * first row is visible and a scroll far down shows other rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config';

export const REGISTER_ROUTE = '#/actions';
/** A data row of a table or grid, or an item of a list (the register is a virtualised list). */
const ROW_SELECTOR =
  '[role="row"]:has([role="cell"], [role="gridcell"]), tbody tr, [role="list"] > [role="listitem"]';

// The few browser globals the functions run in the page use (this project is type-checked without the DOM).
interface PageElement {
  parentElement: PageElement | null;
  scrollHeight: number;
  clientHeight: number;
  scrollTop: number;
  textContent: string | null;
}
declare const window: { location: { hash: string } };
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};
declare function getComputedStyle(element: PageElement): { overflowY: string };
declare function requestAnimationFrame(callback: () => void): number;

export interface RegisterFigure {
  registerRenderMs: number | null;
  /** The register as it opens (open actions only), first row and a scroll. */
  registerOpenMs: number | null;
  /** Why there is no figure, or what was measured. */
  note: string;
}

/**
 * Opens the register from another view, then asks for all statuses at once: from the navigation until
 * every action is listed, a row is visible and a scroll far down shows other rows.
 */
export async function measureRegister(dataDir: string, outDir: string): Promise<RegisterFigure> {
  const preview = await startPreview(dataDir, outDir);
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: config.use?.viewport ?? { width: 1366, height: 860 } });
    await page.goto(`${preview.url}#/units`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });

    let started = Date.now();
    await page.evaluate((route) => {
      window.location.hash = route;
    }, REGISTER_ROUTE);
    if (!(await waitForDataRow(page)) || !(await scrollResponds(page))) {
      return {
        registerRenderMs: null,
        registerOpenMs: null,
        note: `no scrollable rows at ${REGISTER_ROUTE}`,
      };
    }
    const registerOpenMs = Date.now() - started;

    await page.goto(`${preview.url}#/units`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 60_000 });
    started = Date.now();
    await page.evaluate((route) => {
      window.location.hash = route;
    }, REGISTER_ROUTE);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
    const count = page.getByRole('status').filter({ hasText: /^([\d,]+) of \1 actions$/ });
    await count.waitFor({ timeout: 30_000 });
    const rows = (await count.textContent())?.split(' ')[0] ?? '?';
    if (!(await waitForDataRow(page)) || !(await scrollResponds(page))) {
      return { registerRenderMs: null, registerOpenMs, note: 'all statuses: no scrollable rows' };
    }
    return {
      registerRenderMs: Date.now() - started,
      registerOpenMs,
      note: `${REGISTER_ROUTE} with all ${rows} actions: first row visible and a scroll answered; open actions only: ${registerOpenMs} ms`,
    };
  } finally {
    await browser.close();
    preview.process.kill();
  }
}

/** Waits for a visible row with cells (a data row, not the header). */
async function waitForDataRow(page: Page): Promise<boolean> {
  try {
    await page.locator(ROW_SELECTOR).first().waitFor({ state: 'visible', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** Scrolls the rows' scrolling container far down and waits until rows not shown before appear. */
async function scrollResponds(page: Page): Promise<boolean> {
  // No named inner functions: the page gets this function's source, without the bundler's helpers.
  return page.evaluate(async (rowSelector) => {
    let scroller = document.querySelectorAll(rowSelector)[0]?.parentElement ?? null;
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
    const before = new Set([...document.querySelectorAll(rowSelector)].map((r) => r.textContent ?? ''));
    scroller.scrollTop += scroller.clientHeight * 20;
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline) {
      await new Promise<void>((resolve) => requestAnimationFrame(resolve));
      for (const row of document.querySelectorAll(rowSelector))
        if (!before.has(row.textContent ?? '')) return true;
    }
    return false;
  }, ROW_SELECTOR);
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
