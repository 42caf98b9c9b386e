/**
 * The action register in Chromium, through the preview host: from navigating to the register until its
 * first row is visible and a scroll far down shows other rows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import config from '../playwright.config';

export const REGISTER_ROUTE = '#/actions';
/** Loading the app on a machine shared with other work can take far longer than Playwright's 30 s. */
const NAVIGATION_TIMEOUT_MS = 180_000;
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
  options?: ArrayLike<PageElement> & Iterable<PageElement>;
  dispatchEvent(event: unknown): boolean;
}
declare const window: { location: { hash: string } };
declare const document: {
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
};
declare const Event: new (type: string, init: { bubbles: boolean }) => unknown;
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
 * Opens the register from another view, as it opens (open actions) and then asking for all statuses at
 * once: from the navigation until the count says every action is listed, a row is visible and a scroll
 * far down shows other rows. Timed inside the page (performance.now, checked every animation frame):
 * Playwright's own waits poll at growing intervals and would add time no user sees.
 */
export async function measureRegister(dataDir: string, outDir: string): Promise<RegisterFigure> {
  try {
    return await timeInBrowser(dataDir, outDir);
  } catch (error) {
    // A browser that did not answer (a loaded machine) costs this figure, not every figure of the run.
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { registerRenderMs: null, registerOpenMs: null, note: `not measured: ${why}` };
  }
}

async function timeInBrowser(dataDir: string, outDir: string): Promise<RegisterFigure> {
  const preview = await startPreview(dataDir, outDir);
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: config.use?.viewport ?? { width: 1366, height: 860 } });
    const fromUnits = async (allStatuses: boolean) => {
      await page.goto(`${preview.url}#/units`, { timeout: NAVIGATION_TIMEOUT_MS });
      await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: NAVIGATION_TIMEOUT_MS });
      return page.evaluate(timeRegister, { route: REGISTER_ROUTE, rowSelector: ROW_SELECTOR, allStatuses });
    };
    const opened = await fromUnits(false);
    if (opened.ms === null) {
      return { registerRenderMs: null, registerOpenMs: null, note: `${opened.failed} at ${REGISTER_ROUTE}` };
    }
    const all = await fromUnits(true);
    if (all.ms === null) {
      return { registerRenderMs: null, registerOpenMs: opened.ms, note: `all statuses: ${all.failed}` };
    }
    return {
      registerRenderMs: all.ms,
      registerOpenMs: opened.ms,
      note: `${REGISTER_ROUTE} with all ${all.rows} actions: first row visible and a scroll answered; open actions only: ${opened.ms} ms`,
    };
  } finally {
    await browser.close();
    // The host saves what it derived as it quits: the copy is removed only once it has.
    const child = preview.process;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  }
}

interface Timed {
  ms: number | null;
  rows: string;
  failed: string;
}

/**
 * Runs in the page. No named inner functions and no imports: the page gets this function's source,
 * without the bundler's helpers.
 */
async function timeRegister(args: {
  route: string;
  rowSelector: string;
  allStatuses: boolean;
}): Promise<Timed> {
  const started = performance.now();
  const deadline = started + 30_000;
  window.location.hash = args.route;

  if (args.allStatuses) {
    let select: PageElement | undefined;
    while (!select && performance.now() < deadline) {
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      select = [...document.querySelectorAll('select')].find((s) =>
        [...(s.options ?? [])].some((o) => o.textContent === 'All statuses'),
      );
    }
    if (!select) return { ms: null, rows: '?', failed: 'no status filter' };
    // React follows a select through the element's own value setter, then the change event.
    const proto = Object.getPrototypeOf(select) as object;
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(select, 'all');
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }

  const listed = args.allStatuses ? /^([\d,]+) of \1 actions$/ : / actions$/;
  let status: PageElement | undefined;
  while (!status || document.querySelectorAll(args.rowSelector).length === 0) {
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    if (performance.now() > deadline) return { ms: null, rows: '?', failed: 'no rows listed' };
    status = [...document.querySelectorAll('[role="status"]')].find((s) => listed.test(s.textContent ?? ''));
  }
  const rows = (status.textContent ?? '').split(' ')[0] ?? '?';

  let scroller = document.querySelectorAll(args.rowSelector)[0]?.parentElement ?? null;
  while (
    scroller &&
    !(
      scroller.scrollHeight > scroller.clientHeight + 1 &&
      /auto|scroll/.test(getComputedStyle(scroller).overflowY)
    )
  ) {
    scroller = scroller.parentElement;
  }
  if (!scroller) return { ms: null, rows, failed: 'no scrollable rows' };
  const before = new Set([...document.querySelectorAll(args.rowSelector)].map((r) => r.textContent ?? ''));
  scroller.scrollTop += scroller.clientHeight * 20;
  while (performance.now() < deadline) {
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    for (const row of document.querySelectorAll(args.rowSelector)) {
      if (!before.has(row.textContent ?? '')) {
        return { ms: Math.round(performance.now() - started), rows, failed: '' };
      }
    }
  }
  return { ms: null, rows, failed: 'the scroll showed no other rows' };
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
