import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/domain/meetings';
import { ShardStore } from './shard-store';
import { ALL_SHARDS, meetingShard, unitRecordsShard } from './shards';
import { CATALOG_FILE, PENDING_FILE } from './summary-catalog';

const AT = '2026-03-02T10:00:00.000Z';
let dir: string;
const stores: ShardStore[] = [];

function open(): ShardStore {
  const store = new ShardStore(dir, ALL_SHARDS, { snapshotIntervalMs: null });
  store.open();
  stores.push(store);
  return store;
}

function meeting(id: string, status: Meeting['status'], minutes = ''): Meeting {
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    unitId: 'unit000001',
    kind: 'periodic',
    templateId: null,
    date: '2026-03-02',
    time: '10:00',
    location: '',
    periodStart: null,
    periodEnd: null,
    trigger: '',
    chair: '',
    minuteTaker: '',
    attendees: [],
    agenda: [{ id: `${id}-item`, title: 'Service performance', guidance: '', minutes, decisions: [] }],
    carriedActionIds: [],
    status,
    history: [],
    previousMeetingId: null,
    nextMeetingId: null,
  };
}

const meetingFile = (id: string) => path.join(dir, 'meetings', `${id}.json`);
const statusOf = (store: ShardStore, id: string) => store.summaries(meetingShard).get(id)?.status;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-deferred-'));
});
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('meetings, read when asked for', () => {
  it('lists meetings from their summaries after a restart, reading a meeting only when it is opened', () => {
    const first = open();
    first.put(meetingShard, 'meeting001', meeting('meeting001', 'held', 'Availability 99.8%'));
    first.put(meetingShard, 'meeting002', meeting('meeting002', 'planned'));
    first.close();
    expect(fs.existsSync(path.join(dir, 'meetings', CATALOG_FILE))).toBe(true);

    // Damage a meeting's file: a store that read every meeting at start would notice at once.
    fs.writeFileSync(meetingFile('meeting002'), '{"schemaVersion":1,"data":');
    const second = open();
    expect(second.notices).toEqual([]);
    expect(statusOf(second, 'meeting001')).toBe('held');
    expect(second.summaries(meetingShard).get('meeting001')).toMatchObject({
      unitId: 'unit000001',
      decisionCount: 0,
    });
    expect(second.keys(meetingShard).sort()).toEqual(['meeting001', 'meeting002']);
    expect(second.get(meetingShard, 'meeting001').agenda[0]?.minutes).toBe('Availability 99.8%');
    // Opening the damaged one finds it damaged then, and says so.
    expect(() => second.get(meetingShard, 'meeting002')).toThrow(/No meeting record/);
    expect(second.notices.map((n) => n.message).join(' ')).toContain('meetings/meeting002.json was damaged');
    expect(second.summaries(meetingShard).has('meeting002')).toBe(false);
  });

  it('keeps summaries right when the app stops before it rewrote them', () => {
    const first = open();
    first.put(meetingShard, 'meeting001', meeting('meeting001', 'planned'));
    first.close();
    // Finalising changes the summary: the key is noted before the file is written…
    const second = open();
    second.put(meetingShard, 'meeting001', meeting('meeting001', 'finalised'));
    expect(fs.readFileSync(path.join(dir, 'meetings', PENDING_FILE), 'utf8')).toBe('meeting001\n');
    // …and a crash now (no close, no catalog rewrite) leaves the noted file to be read at the next start.
    const third = open();
    expect(statusOf(third, 'meeting001')).toBe('finalised');
  });

  it('costs saving minutes no extra write: their summary does not change', () => {
    const first = open();
    first.put(meetingShard, 'meeting001', meeting('meeting001', 'held'));
    first.close();
    const second = open();
    second.put(meetingShard, 'meeting001', meeting('meeting001', 'held', 'Typed live'));
    expect(fs.existsSync(path.join(dir, 'meetings', PENDING_FILE))).toBe(false);
  });

  it('rebuilds missing or foreign summaries from the files, and forgets deleted meetings', () => {
    const first = open();
    first.put(meetingShard, 'meeting001', meeting('meeting001', 'held'));
    first.put(meetingShard, 'meeting002', meeting('meeting002', 'held'));
    first.close();
    fs.writeFileSync(path.join(dir, 'meetings', CATALOG_FILE), 'not json');
    const second = open();
    expect(statusOf(second, 'meeting002')).toBe('held');
    second.remove(meetingShard, 'meeting002');
    second.close();
    fs.rmSync(meetingFile('meeting001'));
    const third = open();
    expect([...third.summaries(meetingShard).keys()]).toEqual([]);
  });

  it('keeps no meeting it read only to make its summary', () => {
    const first = open();
    first.put(meetingShard, 'meeting001', meeting('meeting001', 'held', 'Before'));
    first.close();
    fs.rmSync(path.join(dir, 'meetings', CATALOG_FILE));
    const second = open();
    expect(statusOf(second, 'meeting001')).toBe('held');
    fs.writeFileSync(
      meetingFile('meeting001'),
      JSON.stringify({ schemaVersion: 1, data: meeting('meeting001', 'held', 'On disk now') }),
    );
    expect(second.get(meetingShard, 'meeting001').agenda[0]?.minutes).toBe('On disk now');
  });

  it('reads a meeting for a pass over all of them without keeping it, and refuses a newer one', () => {
    const first = open();
    first.put(meetingShard, 'meeting001', meeting('meeting001', 'held', 'Kept on disk'));
    first.close();
    const second = open();
    expect(second.read(meetingShard, 'meeting001').agenda[0]?.minutes).toBe('Kept on disk');
    fs.writeFileSync(meetingFile('meeting001'), JSON.stringify({ schemaVersion: 99, data: {} }));
    // Not kept: the next read sees the file as it is now.
    expect(() => second.get(meetingShard, 'meeting001')).toThrow(/newer version of BRM Workbook/);
  });
});

describe('unit records, read in the background', () => {
  it('answers at once when asked before the background read got there, and later from memory', async () => {
    const first = open();
    first.put(unitRecordsShard, 'unit000001', { ...unitRecordsShard.empty(), actions: [] });
    first.close();
    const second = open();
    expect(second.get(unitRecordsShard, 'unit000001').actions).toEqual([]);
    const third = open();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Read in the background: deleting the file now no longer matters to this session.
    fs.rmSync(path.join(dir, 'units', 'unit000001.json'));
    expect(third.get(unitRecordsShard, 'unit000001').agreements).toEqual([]);
  });

  it('refuses to open a workbook whose unit file a newer version wrote, as for any other file', () => {
    fs.mkdirSync(path.join(dir, 'units'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'units', 'unit000001.json'),
      JSON.stringify({ schemaVersion: 99, data: { actions: [] } }),
    );
    expect(() => open()).toThrow(/newer version of BRM Workbook/);
  });
});
