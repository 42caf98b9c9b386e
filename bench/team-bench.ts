/**
 * The team-workbook figures (issue 17) against a real PostgreSQL started for the bench in a temporary
 * folder: sharing the generated workbook into an empty team, how soon one BRM's edit shows on a
 * colleague's laptop (LISTEN/NOTIFY over loopback), and how long two laptops take to converge after both
 * worked offline. Each laptop is a service instance on its own data folder, as in the team tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addMember, setupTeam } from '../electron/service/team/admin';
import { meetingShard } from '../electron/service/store/shards';
import type { Workbook } from '../electron/service/workbook';
import { startCluster, type TestCluster } from '../test/unit/team-postgres';
import { call, createUnit, open } from '../test/unit/workbook-helpers';
import { percentile } from './service-figures';

export interface TeamBench {
  syncInitialPushMs: number | null;
  syncEditVisibleP95Ms: number | null;
  syncPullAfterOfflineMs: number | null;
  note: string;
}

const EDITS = 50;
const OFFLINE_CHANGES = 200;
/** How often laptop B's store is looked at while waiting for a change: small against the 1 s goal. */
const WATCH_MS = 2;

interface Laptop {
  wb: Workbook;
  sync: NonNullable<Workbook['team']>;
}

/** Why the team figures cannot be measured here, or null when they can. */
function unavailable(): string | null {
  if (!fs.existsSync('/usr/lib/postgresql')) return 'skipped: PostgreSQL is not installed';
  if (process.getuid?.() !== 0)
    return 'skipped: the bench cluster runs as the postgres user, which needs root';
  return null;
}

/** Measures the team figures on a private copy `dataDir` of the generated workbook (it writes to it). */
export async function benchTeam(dataDir: string): Promise<TeamBench> {
  const why = unavailable();
  if (why)
    return { syncInitialPushMs: null, syncEditVisibleP95Ms: null, syncPullAfterOfflineMs: null, note: why };
  const cluster = await startCluster();
  const laptops: Laptop[] = [];
  const emptyDirs: string[] = [];
  const laptop = async (dir: string, url: string, background: boolean): Promise<Laptop> => {
    const wb = open(dir, { teamBackground: background });
    const made = { wb, sync: wb.team! };
    laptops.push(made);
    await made.sync.connect(url);
    return made;
  };
  try {
    await setupTeam(cluster.adminUrl, 'Bench team');
    const alice = (await addMember(cluster.adminUrl, 'Alice')).url;
    const bob = (await addMember(cluster.adminUrl, 'Bob')).url;

    const a = await laptop(dataDir, alice, false);
    const pushStart = performance.now();
    const shared = await a.sync.share();
    const syncInitialPushMs = performance.now() - pushStart;
    console.log(`team: shared ${shared} records in ${(syncInitialPushMs / 1000).toFixed(1)} s`);

    const bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-bench-team-'));
    emptyDirs.push(bDir);
    const pullStart = performance.now();
    const b = await laptop(bDir, bob, true);
    await b.sync.syncNow();
    const firstPullMs = performance.now() - pullStart;
    console.log(
      `team: the colleague's first pull of the whole workbook took ${(firstPullMs / 1000).toFixed(1)} s`,
    );

    const syncEditVisibleP95Ms = await editVisible(a, b);
    const syncPullAfterOfflineMs = await pullAfterOffline(cluster, a, b);
    return {
      syncInitialPushMs,
      syncEditVisibleP95Ms,
      syncPullAfterOfflineMs,
      note: `${shared} records shared; first pull by a colleague ${(firstPullMs / 1000).toFixed(1)} s`,
    };
  } finally {
    for (const { wb, sync } of laptops) {
      await sync.close();
      wb.close();
    }
    cluster.destroy();
    for (const dir of emptyDirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** p95 of: A saves one agenda item's minutes and syncs; B (listening) holds the new text. */
async function editVisible(a: Laptop, b: Laptop): Promise<number> {
  const meetingId = editableMeeting(a.wb);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const { meeting } = await call(a.wb, 'getMeeting', { id: meetingId });
    const item = meeting.agenda[i % meeting.agenda.length]!;
    const minutes = `${item.minutes}\nTeam note ${i}: agreed in the bench.`;
    const t = performance.now();
    await call(a.wb, 'saveMinutes', { meetingId, itemId: item.id, minutes });
    await a.sync.syncNow();
    await until(async () => {
      const seen = await call(b.wb, 'getMeeting', { id: meetingId });
      return seen.meeting.agenda.some((x) => x.id === item.id && x.minutes === minutes);
    });
    times.push(performance.now() - t);
  }
  return percentile(times, 0.95);
}

/**
 * Both laptops add units while the server is stopped; from its restart, the time until each laptop has
 * all of them (both sync as the app does when the server answers again).
 */
async function pullAfterOffline(cluster: TestCluster, a: Laptop, b: Laptop): Promise<number> {
  const names: string[] = [];
  cluster.stop();
  try {
    for (let i = 0; i < OFFLINE_CHANGES; i++) {
      for (const [who, l] of [
        ['A', a],
        ['B', b],
      ] as const) {
        const name = `Offline unit ${who}${i}`;
        names.push(name);
        await createUnit(l.wb, name);
      }
    }
  } finally {
    cluster.start();
  }
  const t = performance.now();
  const holdsAll = async (l: Laptop) => {
    const have = new Set((await call(l.wb, 'getDirectory')).units.map((u) => u.name));
    return names.every((n) => have.has(n));
  };
  await until(async () => {
    await Promise.all([a.sync.syncNow().catch(() => undefined), b.sync.syncNow().catch(() => undefined)]);
    return (await holdsAll(a)) && (await holdsAll(b));
  });
  return performance.now() - t;
}

/** A meeting whose minutes can still be written: held (or, in a small workbook, planned) with an agenda. */
function editableMeeting(wb: Workbook): string {
  const open = [...wb.store.summaries(meetingShard).values()].filter((h) => h.status !== 'finalised');
  open.sort((x, y) => (x.status === 'held' ? 0 : 1) - (y.status === 'held' ? 0 : 1));
  const found = open.find((h) => wb.store.get(meetingShard, h.id).agenda.length > 0);
  if (!found) throw new Error('The generated workbook has no meeting whose minutes can be written.');
  return found.id;
}

/** Waits until `done` answers true; gives up after two minutes, so a broken sync fails the bench. */
async function until(done: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 120_000;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error('The team sync did not converge within two minutes.');
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
  }
}
