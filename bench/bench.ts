/**
 * `npm run bench`: generates the ten-year workbook from a fixed seed, measures it, prints a table and,
 * as the last line, one JSON object with the figures. Not part of `npm test`: figures, not assertions.
 *
 *   node out/bench/bench.mjs [--keep] [--dir <folder>] [--skip-browser]
 *   --dir           measure an already generated folder instead of generating one
 *   --keep          leave the generated folder in place (its path is printed)
 *   --skip-browser  leave out the register figure (no Chromium)
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchExport, type ExportBench } from './export-bench';
import { generateWorkbook, TEN_YEAR_WORKBOOK, workbookChecksum, writeWorkbook } from './generate';
import { measureRegister, type RegisterFigure } from './register-figure';
import type { ServiceFigures } from './service-figures';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(here, '..');

/** The goals on the team's machine (milliseconds unless named). */
const GOALS = {
  loadMs: 300,
  saveP95Ms: 5,
  openActionsMs: 20,
  searchMs: 50,
  export200Ms: 250,
  export1000Ms: null,
  rssMB: 300,
  registerRenderMs: 500,
} as const;
type FigureKey = keyof typeof GOALS;

async function main(argv: readonly string[]): Promise<void> {
  const keep = argv.includes('--keep');
  const given = valueOf(argv, '--dir');
  const dataDir = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'brm-bench-'));
  const loadBefore = os.loadavg()[0]!;
  try {
    if (!given) {
      const t = performance.now();
      const workbook = generateWorkbook(TEN_YEAR_WORKBOOK);
      const written = writeWorkbook(dataDir, workbook);
      const records = [...workbook.unitRecords.values()];
      const count = (pick: (r: (typeof records)[number]) => unknown[]) =>
        records.reduce((n, r) => n + pick(r).length, 0);
      console.log(
        `Generated in ${((performance.now() - t) / 1000).toFixed(1)} s (seed ${TEN_YEAR_WORKBOOK.seed}, checksum ${workbookChecksum(workbook).slice(0, 12)}): ` +
          `${workbook.directory.units.length} units, ${workbook.directory.contacts.length} contacts, ` +
          `${workbook.meetings.length} meetings, ${count((r) => r.actions)} actions, ${count((r) => r.agreements)} agreements, ` +
          `${count((r) => r.feedback)} complaints/compliments, ${count((r) => r.surveys)} surveys; ` +
          `${written.files} files, ${(written.bytes / 1024 / 1024).toFixed(1)} MB in ${dataDir}`,
      );
    }
    const { firstOpenMs } = await runChild<{ firstOpenMs: number }>('--first-open', dataDir);
    console.log(`First open (builds the meetings' summaries): ${(firstOpenMs / 1000).toFixed(1)} s`);
    const service = await runChild<ServiceFigures>('--service', dataDir);
    const exported = await benchExport();
    const register: RegisterFigure = argv.includes('--skip-browser')
      ? { registerRenderMs: null, registerOpenMs: null, note: 'skipped (--skip-browser)' }
      : await measureRegister(dataDir, OUT_DIR);
    report(service, exported, register, loadBefore);
  } finally {
    if (!keep && !given) fs.rmSync(dataDir, { recursive: true, force: true });
    else console.log(`Workbook kept in ${dataDir}`);
  }
}

/** Runs one service-layer step in a fresh Node process; its last output line is the answer. */
function runChild<T>(mode: string, dataDir: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'bench-service.mjs'), mode, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`The bench step ${mode} failed (exit code ${code}).`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

function report(
  service: ServiceFigures,
  exported: ExportBench,
  register: RegisterFigure,
  loadBefore: number,
): void {
  const figures: Record<FigureKey, number | null> = {
    loadMs: service.loadMs,
    saveP95Ms: service.saveP95Ms,
    openActionsMs: service.openActionsMs,
    searchMs: service.searchMs,
    export200Ms: exported.export200Ms,
    export1000Ms: exported.export1000Ms,
    rssMB: service.rssMB,
    registerRenderMs: register.registerRenderMs,
  };
  const notes: Record<FigureKey, string> = {
    loadMs: `openWorkbook in a fresh process (unit files then read in the background); RSS right after: ${service.rssLoadedMB.toFixed(0)} MB`,
    saveP95Ms: `saveMinutes of one agenda item, 200 samples; median ${fmt(service.saveMedianMs)} ms`,
    openActionsMs: `listActions: ${service.openActions} open actions of all units by due date (median of 5; first call ${fmt(service.openActionsFirstMs)} ms)`,
    searchMs: `median of 20 queries, slowest ${fmt(service.searchSlowestMs)} ms; index built in ${fmt(service.indexBuildMs)} ms; after 200 edits ${fmt(service.searchAfterEditMs)} ms, edit ${service.foundAfterEdit ? 'found' : 'NOT found'}`,
    export200Ms: 'minutes with 200 actions to .docx, build + pack + write (median of 7)',
    export1000Ms: `minutes with 1,000 actions (median of 5); 10 actions: ${fmt(exported.export10Ms)} ms`,
    rssMB: 'main-process RSS with the workbook loaded and the search index built',
    registerRenderMs: register.note,
  };
  const rows = (Object.keys(GOALS) as FigureKey[]).map((key) => {
    const value = figures[key];
    const goal = GOALS[key];
    const verdict = value === null ? '—' : goal === null ? '' : value <= goal ? 'met' : 'MISSED';
    return [key, value === null ? 'null' : fmt(value), goal === null ? '' : `≤ ${goal}`, verdict, notes[key]];
  });
  const header = ['figure', 'value', 'goal', '', 'how'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(
    `\nNode ${process.version}, ${os.cpus().length} CPUs, load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  const json = Object.fromEntries(
    Object.entries(figures).map(([key, value]) => [key, value === null ? null : Math.round(value * 10) / 10]),
  );
  console.log(JSON.stringify(json));
}

const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

await main(process.argv.slice(2));
