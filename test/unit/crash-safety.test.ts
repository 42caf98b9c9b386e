import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook } from '../../electron/service/workbook';
import { ShardStore } from '../../electron/service/store/shard-store';
import { ALL_SHARDS, directoryShard, meetingShard, settingsShard } from '../../electron/service/store/shards';
import { isLeftoverTempFile } from '../../electron/service/store/store-files';
import { onLines, startStoreChild, storeChildScript } from './child-process';
import { createUnit } from './workbook-helpers';
import { Prng } from '../../bench/prng';

/**
 * SQLite-style crash testing: the service layer runs in a child process that writes continuously and
 * prints each write the store acknowledged; it is killed with SIGKILL at a random moment, and the store
 * must then open cleanly and hold every acknowledged write. Repeated KILLS times on one data folder.
 */
const KILLS = Number(process.env.BRM_CRASH_KILLS ?? 200);
/** The kill moments are drawn from this seed (bench/prng), so that a failing run can be repeated with BRM_CRASH_SEED. */
const SEED = Number(process.env.BRM_CRASH_SEED ?? Date.now() % 100_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seqOf = (text: string): number => Number(/seq:(\d+)/.exec(text)?.[1] ?? -1);

interface Ack {
  kind: 'contact' | 'unit' | 'meeting' | 'settings';
  id: string;
  seq: number;
}

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-crash-'));
  await storeChildScript();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Temporary files an interrupted write or snapshot left behind. */
function leftovers(): string[] {
  const found: string[] = [];
  for (const sub of ['', 'units', 'meetings']) {
    const full = path.join(dir, sub);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full)) if (isLeftoverTempFile(name)) found.push(path.join(sub, name));
  }
  const backups = path.join(dir, 'backups');
  if (fs.existsSync(backups)) {
    for (const name of fs.readdirSync(backups))
      if (name.startsWith('.partial-')) found.push(`backups/${name}`);
  }
  return found;
}

describe('crash safety', () => {
  it(`holds every acknowledged write through ${KILLS} kills at random moments (seed ${SEED})`, async () => {
    const prng = new Prng(SEED);
    const next = () => prng.next();
    const wb = openWorkbook({
      dataDir: dir,
      host: { saveDocument: () => Promise.reject(new Error('unused')) },
      trustedOrigins: ['app://workbook'],
      store: { snapshotIntervalMs: null },
    });
    await createUnit(wb, 'Retail Banking');
    wb.close();

    const acked = new Map<string, Ack>();
    let nextSeq = 0;
    let acks = 0;
    let killedDuringStart = 0;
    let writingKills = 0;
    let leftoverCount = 0;
    const started = performance.now();

    interface Writer {
      child: ChildProcess;
      ready: boolean;
      acks: number;
      stderr: string;
      closed: Promise<NodeJS.Signals | null>;
    }
    // The next writer is started while the current one runs, so its Node start-up overlaps the test;
    // it touches the store only after "go".
    const spawnWriter = async (): Promise<Writer> => {
      const child = await startStoreChild(['write', dir]);
      const writer: Writer = {
        child,
        ready: false,
        acks: 0,
        stderr: '',
        closed: new Promise((resolve) => child.on('close', (_code, signal) => resolve(signal))),
      };
      child.stderr!.on('data', (chunk: Buffer) => (writer.stderr += chunk.toString()));
      onLines(child, (line) => {
        if (line === 'ready') {
          writer.ready = true;
          return;
        }
        const ack = JSON.parse(line) as Ack;
        acked.set(`${ack.kind}:${ack.id}`, ack);
        nextSeq = Math.max(nextSeq, ack.seq + 1);
        acks++;
        writer.acks++;
      });
      return writer;
    };

    let spare = spawnWriter();
    for (let kill = 0; kill < KILLS; kill++) {
      const writer = await spare;
      writer.child.stdin!.write(`go ${nextSeq}\n`);
      spare = spawnWriter();

      if (next() < 0.2) {
        // While it opens the store: recovery, leftover clean-up, start snapshot.
        await sleep(next() * 40);
        if (!writer.ready) killedDuringStart++;
      } else {
        // Mid-stream: after a few acknowledged writes, at a random point of the next ones.
        const after = 1 + Math.floor(next() * 4);
        while (writer.acks < after && writer.child.exitCode === null) await sleep(1);
        await sleep(next() * 12);
        writingKills++;
      }
      writer.child.kill('SIGKILL');
      const signal = await writer.closed;
      expect(signal, `the child stopped by itself: ${writer.stderr}`).toBe('SIGKILL');
      // A write in flight when killed may have landed; its sequence number must not be reused.
      nextSeq += 1;

      leftoverCount += leftovers().length;
      const store = new ShardStore(dir, ALL_SHARDS, { snapshotIntervalMs: null });
      store.open();
      expect(store.notices, `after kill ${kill + 1}: nothing may be damaged`).toEqual([]);
      const directory = store.get(directoryShard);
      for (const ack of acked.values()) {
        let stored: number;
        if (ack.kind === 'contact')
          stored = seqOf(directory.contacts.find((c) => c.id === ack.id)?.notes ?? '');
        else if (ack.kind === 'unit')
          stored = seqOf(directory.units.find((u) => u.id === ack.id)?.plans ?? '');
        else if (ack.kind === 'meeting')
          stored = seqOf(store.get(meetingShard, ack.id).agenda[0]?.minutes ?? '');
        else stored = seqOf(store.get(settingsShard).organisationName);
        // The acknowledged value, or a later one whose acknowledgement the kill cut off.
        expect(
          stored,
          `after kill ${kill + 1}: ${ack.kind} ${ack.id} lost write ${ack.seq}`,
        ).toBeGreaterThanOrEqual(ack.seq);
      }
      expect(leftovers(), 'opening removes interrupted temporary files').toEqual([]);
      store.close();
    }
    const last = await spare;
    last.child.kill('SIGKILL');
    await last.closed;

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `crash test: ${KILLS} kills (${writingKills} while writing, ${killedDuringStart} during start-up), ` +
        `${acks} acknowledged writes, ` +
        `${leftoverCount} leftover temp files cleaned, ${seconds.toFixed(1)} s, seed ${SEED}`,
    );
    expect(acks).toBeGreaterThanOrEqual(writingKills);
  }, 600_000);
});
