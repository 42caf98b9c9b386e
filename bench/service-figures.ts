/**
 * The service-layer figures, measured in a fresh Node process so that the load is cold (nothing of the
 * workbook parsed or compiled yet) and the resident memory is that of a main process holding one workbook.
 */
import { isActionOpen, type ActionItem, type Meeting } from '../shared/domain/meetings';
import type { HostAdapter } from '../electron/service/host';
import { openWorkbook, type Workbook } from '../electron/service/workbook';
import { meetingShard, unitRecordsShard } from '../electron/service/store/shards';

export interface ServiceFigures {
  loadMs: number;
  rssLoadedMB: number;
  openActionsMs: number;
  openActions: number;
  indexBuildMs: number;
  searchMs: number;
  searchSlowestMs: number;
  rssMB: number;
  saveP95Ms: number;
  saveMedianMs: number;
  searchAfterEditMs: number;
  foundAfterEdit: boolean;
}

const ORIGIN = 'app://bench';
const SENDER = { url: `${ORIGIN}/index.html`, isMainFrame: true };
const host: HostAdapter = {
  saveDocument: () => Promise.reject(new Error('The bench does not save documents.')),
};

/** What a BRM searches for: words, names, phrases, a prefix still being typed, a typo. */
export const BENCH_QUERIES = [
  'incident',
  'payroll outage',
  'Jansen',
  'expired certificate',
  'VPN capacity',
  'satisf',
  'agreement renewal',
  'Fabrikam',
  'month-end closing',
  'Payments',
  'incidnet',
  'service desk response',
  'Maria',
  'cost allocation',
  'disaster recovery test',
  'licence count',
  'Q3 budget',
  'root cause analysis',
  'two-factor authentication',
  'Claims system complaint',
] as const;

const SAVE_SAMPLES = 200;

export async function measureService(dataDir: string): Promise<ServiceFigures> {
  const started = performance.now();
  const workbook = openWorkbook({ dataDir, host, trustedOrigins: [ORIGIN] });
  const loadMs = performance.now() - started;
  const rssLoadedMB = rssMB();

  const openActionRuns = Array.from({ length: 5 }, () => timed(() => openActionsByDueDate(workbook)));
  const openActions = openActionRuns[0]!.value.length;
  const openActionsMs = median(openActionRuns.map((run) => run.ms));

  const first = performance.now();
  await call(workbook, 'search', { query: 'incident', limit: 5 });
  const indexBuildMs = performance.now() - first;
  const searchTimes: number[] = [];
  for (const query of BENCH_QUERIES) {
    const t = performance.now();
    await call(workbook, 'search', { query, limit: 5 });
    searchTimes.push(performance.now() - t);
  }
  const rss = rssMB();

  // Saving minutes: one agenda item of a recent meeting edited and written, as the editor's debounce would.
  // The meetings service is not on this branch; its minutes save is one put of the meeting's file.
  const meeting = latestHeldMeeting(workbook);
  const saveTimes: number[] = [];
  let current = meeting;
  for (let i = 0; i < SAVE_SAMPLES; i++) {
    const item = current.agenda[i % current.agenda.length]!;
    const next: Meeting = {
      ...current,
      updatedAt: new Date().toISOString(),
      agenda: current.agenda.map((a) =>
        a.id === item.id ? { ...a, minutes: `${a.minutes}\nNote ${i}: agreed with benchmark${i}.` } : a,
      ),
    };
    const t = performance.now();
    current = workbook.store.put(meetingShard, current.id, next);
    saveTimes.push(performance.now() - t);
  }

  const afterEdit = performance.now();
  const found = (await call(workbook, 'search', { query: `benchmark${SAVE_SAMPLES - 1}`, limit: 5 })) as {
    groups: Array<{ kind: string; hits: Array<{ route: string }> }>;
  };
  const searchAfterEditMs = performance.now() - afterEdit;

  return {
    loadMs,
    rssLoadedMB,
    openActionsMs,
    openActions,
    indexBuildMs,
    searchMs: median(searchTimes),
    searchSlowestMs: Math.max(...searchTimes),
    rssMB: rss,
    saveP95Ms: percentile(saveTimes, 0.95),
    saveMedianMs: median(saveTimes),
    searchAfterEditMs,
    foundAfterEdit: found.groups.some((g) => g.hits.some((h) => h.route === `/meetings/${meeting.id}`)),
  };
}

/** Every open action of every unit, soonest due first: what the dashboard and a review start from. */
function openActionsByDueDate(workbook: Workbook): ActionItem[] {
  const open: ActionItem[] = [];
  for (const unitId of workbook.store.keys(unitRecordsShard)) {
    for (const action of workbook.store.get(unitRecordsShard, unitId).actions) {
      if (isActionOpen(action.status)) open.push(action);
    }
  }
  return open.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
}

function latestHeldMeeting(workbook: Workbook): Meeting {
  let latest: Meeting | null = null;
  for (const id of workbook.store.keys(meetingShard)) {
    const meeting = workbook.store.get(meetingShard, id);
    if (meeting.status !== 'planned' && (!latest || meeting.date > latest.date)) latest = meeting;
  }
  if (!latest) throw new Error('The generated workbook has no held meeting.');
  return latest;
}

async function call(workbook: Workbook, method: string, arg: unknown): Promise<unknown> {
  const result = await workbook.dispatch(SENDER, method, arg);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value;
}

function timed<T>(run: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = run();
  return { value, ms: performance.now() - t };
}

const rssMB = () => process.memoryUsage().rss / 1024 / 1024;

export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
