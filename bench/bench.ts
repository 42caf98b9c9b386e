/**
 * `npm run bench`: generates the ten-year workbook and the team-sized one (ten times every count) from a
 * fixed seed, measures them, prints a table and, as the last line, one JSON object with the figures
 * (the team-sized ones under `tenfold.`). Each service figure is the median of several runs, each in a
 * fresh process; the load average is printed, because on a shared machine it moves every figure. Not part
 * of `npm test`: figures, not assertions.
 *
 *   node out/bench/bench.mjs [--dir <folder>] [--runs N] [--skip-tenfold] [--skip-browser] [--skip-team]
 *   node out/bench/bench.mjs --only-team [--dir <folder> | --small]
 *   --dir           measure an already generated folder (the ten-year one) instead of a cached copy
 *   --runs N        service runs per workbook (default 3)
 *   --skip-tenfold  leave out the team-sized workbook
 *   --skip-browser  leave out the register figure (no Chromium)
 *   --skip-team     leave out the team-sync figures (PostgreSQL; skipped anyway without it or root)
 *   --only-team     only the team-sync figures; with --small on a small generated workbook (a quick check)
 *
 * Generated workbooks are cached in `<tmp>/brm-bench-cache/`, keyed by the generator's version and
 * options; every run measures a hard-linked copy (the store replaces files, it never writes into them).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchExport, type ExportBench } from './export-bench';
import {
  GENERATOR_VERSION,
  TENFOLD_WORKBOOK,
  TEN_YEAR_WORKBOOK,
  writeGeneratedWorkbook,
  type GenerateOptions,
} from './generate';
import { measureRegister, type RegisterFigure } from './register-figure';
import { median, type ServiceFigures } from './service-figures';
import { benchTeam, type TeamBench } from './team-bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(here, '..');
const CACHE_DIR = path.join(os.tmpdir(), 'brm-bench-cache');

/** The goals on the team's machine (milliseconds unless named); null: no goal, only the figure. */
const GOALS = {
  loadMs: 150,
  saveP95Ms: 3,
  firstOpenActionsMs: 50,
  openActionsMs: 20,
  searchMs: 20,
  indexReadyMs: 1500,
  export200Ms: 250,
  export1000Ms: null,
  export200PandocRatio: 0.5,
  export1000PandocRatio: 0.5,
  rssMB: 250,
  registerRenderMs: 250,
} as const;
const TENFOLD_GOALS = {
  loadMs: 300,
  saveP95Ms: 3,
  firstOpenActionsMs: 100,
  searchMs: 50,
  indexReadyMs: 5000,
  rssMB: 400,
  registerRenderMs: 500,
} as const;
type FigureKey = keyof typeof GOALS;
type TenfoldKey = keyof typeof TENFOLD_GOALS;

interface Row {
  key: string;
  value: number | null;
  goal: number | null;
  how: string;
}

/** The service figures of one workbook: each the median of the runs. */
interface WorkbookFigures {
  runs: ServiceFigures[];
  median: (pick: (f: ServiceFigures) => number) => number;
  firstOpenMs: number;
  indexBuildMs: number;
  register: RegisterFigure;
}

async function main(argv: readonly string[]): Promise<void> {
  const runs = Number(valueOf(argv, '--runs') ?? 3);
  const given = valueOf(argv, '--dir');
  const loads: number[] = [os.loadavg()[0]!];
  const skipBrowser = argv.includes('--skip-browser');
  if (argv.includes('--only-team')) {
    const options = argv.includes('--small') ? SMALL_WORKBOOK : TEN_YEAR_WORKBOOK;
    console.log(JSON.stringify(teamJson(await measureTeam(options, given))));
    return;
  }
  const one = await measureWorkbook('ten-year', TEN_YEAR_WORKBOOK, given, runs, skipBrowser);
  loads.push(os.loadavg()[0]!);
  const exported = await benchExport();
  loads.push(os.loadavg()[0]!);
  const ten = argv.includes('--skip-tenfold')
    ? null
    : await measureWorkbook('team-sized', TENFOLD_WORKBOOK, undefined, runs, skipBrowser);
  loads.push(os.loadavg()[0]!);
  const team = argv.includes('--skip-team') ? null : await measureTeam(TEN_YEAR_WORKBOOK, given);
  loads.push(os.loadavg()[0]!);
  report(one, exported, ten, team, loads);
}

/** A quick check of the team bench: 4 units over 2 years instead of 40 over 10. */
const SMALL_WORKBOOK: GenerateOptions = { ...TEN_YEAR_WORKBOOK, units: 4, years: 2 };

/** The team figures on a private copy of the workbook (sharing writes sync files into its folder). */
async function measureTeam(options: GenerateOptions, given: string | undefined): Promise<TeamBench> {
  const dataDir = copyOf(given ? path.resolve(given) : cachedWorkbook('team sync', options));
  try {
    const team = await benchTeam(dataDir);
    console.log(`team: ${team.note}`);
    return team;
  } finally {
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

const teamJson = (team: TeamBench) => ({
  syncInitialPushMs: rounded(team.syncInitialPushMs),
  syncEditVisibleP95Ms: rounded(team.syncEditVisibleP95Ms),
  syncPullAfterOfflineMs: rounded(team.syncPullAfterOfflineMs),
});

async function measureWorkbook(
  label: string,
  options: GenerateOptions,
  given: string | undefined,
  runs: number,
  skipBrowser: boolean,
): Promise<WorkbookFigures> {
  const warmed = given ? null : await warmedWorkbook(label, options);
  const dataDir = warmed ? copyOf(warmed.dir) : path.resolve(given ?? '');
  try {
    // Brings the derived files up to date in the copy: quick when the cache holds current ones.
    const first = await runChild<FirstOpen>('--first-open', dataDir);
    console.log(
      `${label}: first open of the measured copy ${seconds(first.firstOpenMs)} (search index ready after ${seconds(first.indexBuildMs)})`,
    );
    const measured: ServiceFigures[] = [];
    for (let i = 0; i < runs; i++) {
      measured.push(await runChild<ServiceFigures>('--service', dataDir));
      console.log(`${label}: run ${i + 1} of ${runs} done (load average ${os.loadavg()[0]!.toFixed(1)})`);
    }
    const register: RegisterFigure = skipBrowser
      ? { registerRenderMs: null, registerOpenMs: null, note: 'skipped (--skip-browser)' }
      : await measureRegister(dataDir, OUT_DIR);
    return {
      runs: measured,
      median: (pick) => median(measured.map(pick)),
      // What the first open ever took, when it built everything (a folder given: this run's first open).
      ...(warmed?.built ?? first),
      register,
    };
  } finally {
    if (warmed) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

type FirstOpen = { firstOpenMs: number; indexBuildMs: number };

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The cached workbook, opened once in place so that the files the app derives from it (the meetings'
 * summaries, the open actions, the search index) are kept in the cache too: building them for the
 * team-sized workbook takes minutes, and the figures are of the starts after that first one. The copies
 * measured share them by hard links; the store replaces files, never writes into them.
 */
/** Bumped when the service keeps another derived file: cached workbooks are warmed again to hold it. */
const DERIVED_VERSION = 3;
interface Warmed extends FirstOpen {
  derived?: number;
}

async function warmedWorkbook(
  label: string,
  options: GenerateOptions,
): Promise<{ dir: string; built: FirstOpen }> {
  const dir = cachedWorkbook(label, options);
  const warmed = path.join(path.dirname(dir), 'warmed.json');
  const kept = fs.existsSync(warmed) ? (JSON.parse(fs.readFileSync(warmed, 'utf8')) as Warmed) : null;
  if (kept?.derived === DERIVED_VERSION) return { dir, built: kept };
  const built = await runChild<FirstOpen>('--first-open', dir);
  fs.writeFileSync(warmed, JSON.stringify({ ...built, derived: DERIVED_VERSION } satisfies Warmed));
  console.log(
    `${label}: first open ever ${seconds(built.firstOpenMs)} (builds the summaries and the search index: ${seconds(built.indexBuildMs)}), kept in the cache`,
  );
  return { dir, built };
}

/** The generated workbook for `options`, made once per generator version and kept in the temp folder. */
function cachedWorkbook(label: string, options: GenerateOptions): string {
  const key = `g${GENERATOR_VERSION}-seed${options.seed}-units${options.units}-years${options.years}-${options.until}`;
  const dir = path.join(CACHE_DIR, key);
  const done = path.join(dir, 'complete.json');
  if (fs.existsSync(done)) {
    console.log(`${label}: cached workbook ${dir}`);
    return path.join(dir, 'workbook');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  const written = writeGeneratedWorkbook(path.join(dir, 'workbook'), options);
  fs.writeFileSync(done, JSON.stringify(written));
  console.log(
    `${label}: generated in ${((performance.now() - t) / 1000).toFixed(1)} s (seed ${options.seed}): ` +
      `${written.units} units, ${written.contacts} contacts, ${written.meetings} meetings, ${written.actions} actions; ` +
      `${written.files} files, ${(written.bytes / 1024 / 1024).toFixed(1)} MB in ${dir}`,
  );
  return path.join(dir, 'workbook');
}

/** A private copy to measure (runs write to it): hard links where possible, a real copy otherwise. */
function copyOf(source: string): string {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'brm-bench-')), 'workbook');
  const linked = spawnSync('cp', ['-al', source, target]).status === 0;
  if (!linked) fs.cpSync(source, target, { recursive: true });
  return target;
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
  one: WorkbookFigures,
  exported: ExportBench,
  ten: WorkbookFigures | null,
  team: TeamBench | null,
  loads: readonly number[],
): void {
  const runs = `median of ${one.runs.length} runs`;
  const ratio = (ms: number, pandoc: number | null) => (pandoc === null ? null : ms / pandoc);
  const pandocNote = (pandoc: number | null) =>
    pandoc === null
      ? 'skipped: /usr/bin/pandoc is not installed'
      : `pandoc on the same minutes as Markdown: ${fmt(pandoc)} ms`;
  const m = one.median;
  const figures: Record<FigureKey, [number | null, string]> = {
    loadMs: [
      m((f) => f.loadMs),
      `openWorkbook in a fresh process, ${runs}; CPU ${fmt(m((f) => f.loadCpuMs))} ms; RSS right after: ${fmt(m((f) => f.rssLoadedMB))} MB`,
    ],
    saveP95Ms: [
      m((f) => f.saveP95Ms),
      `saveMinutes of one agenda item, 200 samples; median ${fmt(m((f) => f.saveMedianMs))} ms; the disk's own atomic write of the meeting's size: p95 ${fmt(m((f) => f.diskP95Ms))} ms`,
    ],
    firstOpenActionsMs: [
      m((f) => f.firstOpenActionsMs),
      `listActions (open, all units) as the first call after the start; CPU ${fmt(m((f) => f.firstOpenActionsCpuMs))} ms`,
    ],
    openActionsMs: [
      m((f) => f.openActionsMs),
      `listActions: ${one.runs[0]!.openActions} open actions (median of 5 after the first; first call ${fmt(m((f) => f.openActionsFirstMs))} ms)`,
    ],
    searchMs: [
      m((f) => f.searchMs),
      `median of 20 queries, slowest ${fmt(m((f) => f.searchSlowestMs))} ms; after 200 edits ${fmt(m((f) => f.searchAfterEditMs))} ms, edit ${one.runs.every((f) => f.foundAfterEdit) ? 'found' : 'NOT found'}`,
    ],
    indexReadyMs: [
      m((f) => f.indexReadyMs),
      `first search right after the start (CPU ${fmt(m((f) => f.indexReadyCpuMs))} ms); building it from the files took ${fmt(one.indexBuildMs)} ms at the first open`,
    ],
    export200Ms: [
      exported.export200Ms,
      'minutes with 200 actions to .docx, build + pack + write (median of 7)',
    ],
    export1000Ms: [
      exported.export1000Ms,
      `minutes with 1,000 actions (median of 5); 10 actions: ${fmt(exported.export10Ms)} ms`,
    ],
    export200PandocRatio: [
      ratio(exported.export200Ms, exported.pandoc200Ms),
      pandocNote(exported.pandoc200Ms),
    ],
    export1000PandocRatio: [
      ratio(exported.export1000Ms, exported.pandoc1000Ms),
      pandocNote(exported.pandoc1000Ms),
    ],
    rssMB: [m((f) => f.rssMB), 'main-process RSS with the workbook loaded and the search index ready'],
    registerRenderMs: [one.register.registerRenderMs, one.register.note],
  };
  const rows: Row[] = (Object.keys(GOALS) as FigureKey[]).map((key) => ({
    key,
    value: figures[key][0],
    goal: GOALS[key],
    how: figures[key][1],
  }));
  if (ten) {
    const t = ten.median;
    const tenfold: Record<TenfoldKey, [number | null, string]> = {
      loadMs: [
        t((f) => f.loadMs),
        `CPU ${fmt(t((f) => f.loadCpuMs))} ms; RSS right after: ${fmt(t((f) => f.rssLoadedMB))} MB`,
      ],
      saveP95Ms: [
        t((f) => f.saveP95Ms),
        `median ${fmt(t((f) => f.saveMedianMs))} ms; the disk's own atomic write: p95 ${fmt(t((f) => f.diskP95Ms))} ms`,
      ],
      firstOpenActionsMs: [
        t((f) => f.firstOpenActionsMs),
        `CPU ${fmt(t((f) => f.firstOpenActionsCpuMs))} ms; ${ten.runs[0]!.openActions} open actions; warm ${fmt(t((f) => f.openActionsMs))} ms`,
      ],
      searchMs: [
        t((f) => f.searchMs),
        `slowest ${fmt(t((f) => f.searchSlowestMs))} ms; after 200 edits ${fmt(t((f) => f.searchAfterEditMs))} ms`,
      ],
      indexReadyMs: [
        t((f) => f.indexReadyMs),
        `CPU ${fmt(t((f) => f.indexReadyCpuMs))} ms; built from the files at the first open: ${fmt(ten.indexBuildMs)} ms`,
      ],
      rssMB: [t((f) => f.rssMB), 'with the search index ready'],
      registerRenderMs: [ten.register.registerRenderMs, ten.register.note],
    };
    for (const key of Object.keys(TENFOLD_GOALS) as TenfoldKey[]) {
      rows.push({
        key: `tenfold.${key}`,
        value: tenfold[key][0],
        goal: TENFOLD_GOALS[key],
        how: tenfold[key][1],
      });
    }
  }
  if (team) {
    rows.push(
      {
        key: 'syncInitialPushMs',
        value: team.syncInitialPushMs,
        goal: null,
        how: `Share this workbook into an empty team; ${team.note}`,
      },
      {
        key: 'syncEditVisibleP95Ms',
        value: team.syncEditVisibleP95Ms,
        goal: 1000,
        how: 'A saves minutes and syncs until B (LISTEN) holds them, p95 of 50',
      },
      {
        key: 'syncPullAfterOfflineMs',
        value: team.syncPullAfterOfflineMs,
        goal: null,
        how: 'both laptops 200 changes with the server stopped; from its restart until both hold all',
      },
    );
  }
  const table = rows.map((row) => {
    const verdict =
      row.value === null ? '—' : row.goal === null ? '' : row.value <= row.goal ? 'met' : 'MISSED';
    return [
      row.key,
      row.value === null ? 'null' : fmt(row.value),
      row.goal === null ? '' : `≤ ${row.goal}`,
      verdict,
      row.how,
    ];
  });
  const header = ['figure', 'value', 'goal', '', 'how'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 1 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(
    `\nNode ${process.version}, ${os.cpus().length} CPUs, load average (1 min) at each step: ${loads.map((l) => l.toFixed(1)).join(' → ')}`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('  '));
  for (const row of table) console.log(line(row));
  const json: Record<string, number | number[] | null> = {
    loadAverage: loads.map((l) => Math.round(l * 10) / 10),
  };
  for (const row of rows) json[row.key] = rounded(row.value);
  console.log(JSON.stringify(json));
}

const rounded = (value: number | null) =>
  value === null ? null : Math.round(value * (value < 10 ? 100 : 10)) / (value < 10 ? 100 : 10);

const fmt = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function valueOf(argv: readonly string[], flag: string): string | undefined {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
}

await main(process.argv.slice(2));
