import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, createUnit, open, tempDir, unitNames } from '../../../test/unit/workbook-helpers';
import { expiredSnapshots, stampOf } from './snapshots';
import { liveWritesReplaceFiles } from './store-files';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

const inode = (file: string) => fs.statSync(file).ino;
const snapshotFile = (stamp: string, rel: string) => path.join(dir, 'backups', stamp, rel);
const namesIn = (file: string) =>
  (JSON.parse(fs.readFileSync(file, 'utf8')) as { data: { units: { name: string }[] } }).data.units.map(
    (u) => u.name,
  );

describe('retention by age', () => {
  const now = new Date(2026, 10, 24, 12, 0);
  const at = (d: Date) => ({ stamp: stampOf(d), takenAt: d });

  it('keeps the last day whole, the first of each day for 30 days, the first of each month for a year', () => {
    const snapshots = {
      hourAgo: at(new Date(2026, 10, 24, 11, 0)),
      yesterdayLate: at(new Date(2026, 10, 23, 13, 0)),
      nov20morning: at(new Date(2026, 10, 20, 9, 0)),
      nov20evening: at(new Date(2026, 10, 20, 17, 0)),
      oct01: at(new Date(2026, 9, 1, 10, 0)),
      oct15: at(new Date(2026, 9, 15, 10, 0)),
      jan02: at(new Date(2026, 0, 2, 10, 0)),
      lastYear: at(new Date(2025, 9, 1, 10, 0)),
    };
    const expired = expiredSnapshots(Object.values(snapshots), now);
    expect(expired.sort()).toEqual(
      [snapshots.nov20evening.stamp, snapshots.oct15.stamp, snapshots.lastYear.stamp].sort(),
    );
  });

  it('always keeps the newest snapshot, however old', () => {
    const old = at(new Date(2024, 0, 1));
    expect(expiredSnapshots([old], now)).toEqual([]);
  });
});

describe('snapshots', () => {
  it('hard-link the live files, and a later save replaces the live file instead of writing into it', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    const stamp = wb.store.backupNow()!;
    const live = path.join(dir, 'directory.json');
    if (liveWritesReplaceFiles()) expect(inode(snapshotFile(stamp, 'directory.json'))).toBe(inode(live));

    await createUnit(wb, 'Savings');
    // The save renamed a new file over the live one (never in place), so the snapshot kept the old content.
    expect(inode(live)).not.toBe(inode(snapshotFile(stamp, 'directory.json')));
    expect(namesIn(snapshotFile(stamp, 'directory.json'))).toEqual(['Retail Banking']);
    expect(namesIn(live).sort()).toEqual(['Retail Banking', 'Savings']);
    wb.close();
  });

  it('copy the files where linking is not safe', async () => {
    const wb = open(dir, { store: { linkSnapshots: false } });
    await createUnit(wb, 'Retail Banking');
    const stamp = wb.store.backupNow()!;
    expect(inode(snapshotFile(stamp, 'directory.json'))).not.toBe(inode(path.join(dir, 'directory.json')));
    wb.close();
  });

  it('are listed with their time, reason, file count and size', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    wb.close();
    const reopened = open(dir);
    const [info] = await call(reopened, 'listBackups');
    expect(info).toMatchObject({
      reason: 'start',
      files: 1,
      bytes: fs.statSync(path.join(dir, 'directory.json')).size,
    });
    expect(Date.parse(info!.takenAt)).toBeGreaterThan(Date.now() - 60_000);
    reopened.close();
  });

  it('at start are taken once the workbook has answered, and always before the first change', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    wb.close();
    const starts = (w: typeof wb) => w.store.listBackups().filter((b) => b.reason === 'start');
    const onDisk = () =>
      fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')) : [];
    const before = onDisk().length;

    // Opening answers first: the start snapshot is not taken during the open itself.
    const reopened = open(dir);
    expect(onDisk()).toHaveLength(before);
    // The first change takes it first, so it holds the workbook as it was opened.
    await createUnit(reopened, 'Savings');
    const [first] = starts(reopened);
    expect(namesIn(snapshotFile(first!.stamp, 'directory.json'))).toEqual(['Retail Banking']);
    reopened.close();
    const beforeIdle = onDisk().length;

    // Left alone, it is taken right after the open.
    const idle = open(dir);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onDisk()).toHaveLength(beforeIdle + 1);
    idle.close();
  });

  it('are taken at most once per interval while changes happen, and not while nothing changes', async () => {
    vi.useFakeTimers();
    const wb = open(dir, { store: { snapshotIntervalMs: 60_000 } });
    const count = () => wb.store.listBackups().length;

    await createUnit(wb, 'A'); // the first change after a quiet spell: snapshot soon
    await vi.advanceTimersByTimeAsync(1);
    expect(count()).toBe(1);

    await createUnit(wb, 'B');
    await vi.advanceTimersByTimeAsync(30_000);
    await createUnit(wb, 'C');
    expect(count()).toBe(1);
    await vi.advanceTimersByTimeAsync(30_001);
    expect(count()).toBe(2);
    const newest = wb.store.listBackups()[0]!;
    expect(newest.reason).toBe('periodic');
    expect(namesIn(snapshotFile(newest.stamp, 'directory.json'))).toEqual(['A', 'B', 'C']);

    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(count()).toBe(2);
    wb.close();
  });

  it('leave no trace of an interrupted write or snapshot: leftovers are removed on start', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    wb.close();
    const leftovers = [
      'directory.json.tmp-1764000000a1b2c3',
      '.brm-directory.json.4242.1764000000000.tmp',
      'backups/.partial-20261124-101500-000/directory.json',
    ];
    for (const rel of leftovers) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), '{"schemaVersion":2,"da');
    }
    const reopened = open(dir);
    expect(reopened.store.notices).toEqual([]);
    expect(await unitNames(reopened)).toEqual(['Retail Banking']);
    for (const rel of leftovers) expect(fs.existsSync(path.join(dir, rel)), rel).toBe(false);
    expect(fs.existsSync(path.join(dir, 'backups/.partial-20261124-101500-000'))).toBe(false);
    reopened.close();
  });
});
