import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FIXTURES,
  call,
  contactFields,
  createUnit,
  open,
  recordingHost,
  refusal,
  sampleMeeting,
  tempDir,
  treeState,
  unitNames,
} from '../../../test/unit/workbook-helpers';
import { meetingShard, unitRecordsShard } from '../store/shards';
import type { Workbook } from '../workbook';
import type { WorkbookFile } from './workbook-file';

let dir: string;
let other: string;
beforeEach(() => {
  dir = tempDir();
  other = tempDir();
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(other, { recursive: true, force: true });
});

async function exported(wb: Workbook, host: ReturnType<typeof recordingHost>): Promise<WorkbookFile> {
  await call(wb, 'exportWorkbook');
  const doc = host.saved.at(-1)!;
  expect(doc.extension).toBe('json');
  expect(doc.suggestedName).toMatch(/^BRM Workbook \d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(new TextDecoder().decode(doc.bytes)) as WorkbookFile;
}

/** Meetings as the meetings list shows them (from the summaries kept beside the files): id and status. */
async function listed(wb: Workbook): Promise<string[]> {
  const meetings = await call(wb, 'listMeetings', { unitId: null });
  return meetings.map((m) => `${m.id} ${m.status}`).sort();
}

/** A unit with one planned meeting, meeting000001. */
async function unitWithMeeting(wb: Workbook): Promise<string> {
  const unit = await createUnit(wb, 'Retail Banking');
  wb.store.put(meetingShard, 'meeting000001', sampleMeeting('meeting000001', unit.id));
  return unit.id;
}

/** A unit with plans, a contact and an empty records file, and settings: something of each kind of file. */
async function sampleWorkbook(wb: Workbook): Promise<void> {
  const retail = await createUnit(wb, 'Retail Banking', 'Self-service by 2028 — “ambitious” ✓');
  await call(wb, 'createContact', {
    unitId: retail.id,
    fields: { ...contactFields('Maria Jansen', 'customer'), email: 'maria@example.com' },
  });
  await call(wb, 'updateSettings', {
    fields: { organisationName: 'Northwind', brmName: 'Sam', locale: 'en-GB', theme: 'dark' },
  });
  wb.store.put(unitRecordsShard, retail.id, unitRecordsShard.empty());
}

describe('restoreBackup', () => {
  it('brings back an earlier state, takes a safety backup first, and can be undone', async () => {
    const wb = open(dir);
    const retail = await createUnit(wb, 'Retail Banking');
    const earlier = wb.store.backupNow()!;
    await createUnit(wb, 'Operations');
    // A file that did not exist at the time of the backup goes too.
    wb.store.put(unitRecordsShard, retail.id, unitRecordsShard.empty());
    let reloads = 0;
    wb.store.onReload(() => reloads++);

    const result = await call(wb, 'restoreBackup', { stamp: earlier });

    expect(await unitNames(wb)).toEqual(['Retail Banking']);
    expect(wb.store.has(unitRecordsShard, retail.id)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'units', `${retail.id}.json`))).toBe(false);
    expect(reloads).toBe(1);
    const backups = await call(wb, 'listBackups');
    expect(backups.find((b) => b.stamp === result.safetyBackup)?.reason).toBe('before-restore');
    const status = await call(wb, 'getStatus');
    expect(status.notices.at(-1)?.message).toMatch(/restored from the backup of .*can be undone/);

    // The state on disk is the restored one, and the safety backup undoes the restore.
    const reopened = open(dir);
    expect(await unitNames(reopened)).toEqual(['Retail Banking']);
    await call(reopened, 'restoreBackup', { stamp: result.safetyBackup! });
    expect(await unitNames(reopened)).toEqual(['Operations', 'Retail Banking']);
    expect(reopened.store.has(unitRecordsShard, retail.id)).toBe(true);
    reopened.close();
    wb.close();
  });

  it('of a snapshot identical to the live files leaves no temporary file behind', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    const stamp = wb.store.backupNow()!;
    await call(wb, 'restoreBackup', { stamp });
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await unitNames(wb)).toEqual(['Retail Banking']);
    wb.close();
  });

  it('refuses a damaged backup, an unknown one and a path, changing nothing', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    const stamp = wb.store.backupNow()!;
    await createUnit(wb, 'Operations');
    fs.rmSync(path.join(dir, 'backups', stamp, 'directory.json'));
    fs.writeFileSync(path.join(dir, 'backups', stamp, 'directory.json'), '{"schemaVersion":2,"data":{"un');
    const before = treeState(dir);

    const damaged = await refusal(wb, 'restoreBackup', { stamp });
    expect(damaged.message).toMatch(
      /cannot be restored: its file directory.json is damaged .* Nothing was changed/,
    );
    expect((await refusal(wb, 'restoreBackup', { stamp: '20200101-000000-000' })).message).toContain(
      'no longer exists',
    );
    const traversal = await refusal(wb, 'restoreBackup', { stamp: '../../etc' });
    expect(traversal.code).toBe('invalid-input');
    expect(treeState(dir)).toEqual(before);
    expect(await unitNames(wb)).toEqual(['Operations', 'Retail Banking']);
    wb.close();
  });

  it('that was cut short is completed on the next start', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    const stamp = wb.store.backupNow()!;
    await createUnit(wb, 'Operations');
    wb.close();
    // As left by a crash right after the restore began: the marker written, the live files not yet replaced.
    fs.writeFileSync(path.join(dir, 'restore-pending.json'), JSON.stringify({ stamp }));

    const reopened = open(dir);
    expect(await unitNames(reopened)).toEqual(['Retail Banking']);
    expect(reopened.store.notices[0]?.message).toContain('was interrupted and has now been completed');
    expect(fs.existsSync(path.join(dir, 'restore-pending.json'))).toBe(false);
    reopened.close();
  });
});

describe('restoreBackup, for what is derived from the files', () => {
  it('leaves search finding what was restored, and no longer what the restore took away', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    const earlier = wb.store.backupNow()!;
    await createUnit(wb, 'Treasury Operations');
    const titles = async (query: string) =>
      (await call(wb, 'search', { query })).groups.flatMap((g) => g.hits.map((h) => h.title));
    expect(await titles('treasury')).toEqual(['Treasury Operations']);

    await call(wb, 'restoreBackup', { stamp: earlier });
    expect(await titles('treasury')).toEqual([]);
    expect(await titles('retail')).toEqual(['Retail Banking']);

    // An import replaces every file too: the imported units are found at once, the replaced ones no more.
    await createUnit(wb, 'Payments Hub');
    expect(await titles('payments')).toEqual(['Payments Hub']);
    const content = JSON.stringify({
      format: 'brm-workbook',
      formatVersion: 1,
      exportedAt: '2026-05-01T10:00:00.000Z',
      schemaVersions: { directory: 1 },
      files: {
        'directory.json': JSON.parse(fs.readFileSync(path.join(FIXTURES, 'v1/directory.json'), 'utf8')),
      },
    });
    await call(wb, 'importWorkbook', { content });
    expect(await titles('northwind')).toContain('Northwind Bank');
    expect(await titles('payments')).toEqual([]);
    wb.close();
  });

  it('lists the restored meetings, now and after a restart', async () => {
    const wb = open(dir);
    const unitId = await unitWithMeeting(wb);
    const earlier = wb.store.backupNow()!;
    wb.store.put(meetingShard, 'meeting000001', {
      ...sampleMeeting('meeting000001', unitId),
      status: 'held',
    });
    wb.store.put(meetingShard, 'meeting000002', sampleMeeting('meeting000002', unitId));
    // Closing writes the summaries of the newer state beside the files: the restore must not trust them.
    wb.close();
    const current = open(dir);
    expect(await listed(current)).toEqual(['meeting000001 held', 'meeting000002 planned']);

    await call(current, 'restoreBackup', { stamp: earlier });
    expect(await listed(current)).toEqual(['meeting000001 planned']);
    current.close();
    const reopened = open(dir);
    expect(await listed(reopened)).toEqual(['meeting000001 planned']);
    reopened.close();
  });

  it('that fails and is rolled back still lists every meeting', async () => {
    const wb = open(dir);
    const unitId = await unitWithMeeting(wb);
    const earlier = wb.store.backupNow()!;
    wb.store.put(meetingShard, 'meeting000002', sampleMeeting('meeting000002', unitId));
    const rename = fs.renameSync;
    let failed = false;
    vi.spyOn(fs, 'renameSync').mockImplementation((from, to) => {
      if (!failed && String(to).endsWith(path.join('meetings', 'meeting000001.json'))) {
        failed = true;
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      }
      rename(from, to);
    });

    const error = await refusal(wb, 'restoreBackup', { stamp: earlier });
    expect(error.message).toMatch(/Nothing was changed/);
    expect(await listed(wb)).toEqual(['meeting000001 planned', 'meeting000002 planned']);
    wb.close();
    vi.restoreAllMocks();
    const reopened = open(dir);
    expect(await listed(reopened)).toEqual(['meeting000001 planned', 'meeting000002 planned']);
    reopened.close();
  });
});

describe('exportWorkbook and importWorkbook', () => {
  it('round-trips the whole workbook as one file that compares equal', async () => {
    const host = recordingHost();
    const source = open(dir, { host });
    await sampleWorkbook(source);
    const file = await exported(source, host);
    expect(file).toMatchObject({
      format: 'brm-workbook',
      formatVersion: 1,
      schemaVersions: { directory: 2, settings: 1, templates: 1, 'unit-records': 2, meeting: 2 },
    });
    expect(Object.keys(file.files).sort()).toEqual([
      'directory.json',
      'settings.json',
      expect.stringMatching(/^units\/.+\.json$/),
    ]);

    const targetHost = recordingHost();
    const target = open(other, { host: targetHost });
    await createUnit(target, 'Something else');
    const content = new TextDecoder().decode(host.saved[0]!.bytes);
    const result = await call(target, 'importWorkbook', { content });
    expect(result.files).toBe(3);
    expect(result.safetyBackup).not.toBeNull();

    const again = await exported(target, targetHost);
    expect({ ...again, exportedAt: null }).toEqual({ ...file, exportedAt: null });
    // And on disk: a restart of the target reads the same workbook.
    target.close();
    const restarted = open(other, { host: targetHost });
    expect({ ...(await exported(restarted, targetHost)), exportedAt: null }).toEqual({
      ...file,
      exportedAt: null,
    });
    expect((await call(restarted, 'listBackups')).map((b) => b.reason)).toEqual(
      expect.arrayContaining(['imported', 'before-import']),
    );
    restarted.close();
    source.close();
  });

  it('upgrades files of an older data format inside the export', async () => {
    const v1 = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'v1/directory.json'), 'utf8')) as unknown;
    const content = JSON.stringify({
      format: 'brm-workbook',
      formatVersion: 1,
      exportedAt: '2026-05-01T10:00:00.000Z',
      schemaVersions: { directory: 1 },
      files: { 'directory.json': v1 },
    });
    const wb = open(dir);
    await call(wb, 'importWorkbook', { content });
    expect(await unitNames(wb)).toEqual(['Mortgages', 'Northwind Bank', 'Retail Banking']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'directory.json'), 'utf8')).schemaVersion).toBe(2);
    wb.close();
  });

  it('replaces files the imported workbook does not have, such as newer meetings', async () => {
    const host = recordingHost();
    const wb = open(dir, { host });
    await sampleWorkbook(wb);
    await exported(wb, host);
    const content = new TextDecoder().decode(host.saved[0]!.bytes);
    const unitId = wb.store.keys(unitRecordsShard)[0]!;
    wb.store.put(meetingShard, 'meeting000001', sampleMeeting('meeting000001', unitId));
    await call(wb, 'importWorkbook', { content });
    expect(wb.store.keys(meetingShard)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'meetings/meeting000001.json'))).toBe(false);
    wb.close();
  });

  it('lists the imported meetings, now and after a restart', async () => {
    const host = recordingHost();
    const wb = open(dir, { host });
    const unitId = await unitWithMeeting(wb);
    await exported(wb, host);
    const content = new TextDecoder().decode(host.saved[0]!.bytes);
    wb.store.put(meetingShard, 'meeting000001', {
      ...sampleMeeting('meeting000001', unitId),
      status: 'held',
    });
    wb.store.put(meetingShard, 'meeting000002', sampleMeeting('meeting000002', unitId));
    wb.close();
    const current = open(dir);

    await call(current, 'importWorkbook', { content });
    expect(await listed(current)).toEqual(['meeting000001 planned']);
    current.close();
    const reopened = open(dir);
    expect(await listed(reopened)).toEqual(['meeting000001 planned']);
    reopened.close();
  });
});

describe('importWorkbook refusals', () => {
  const valid = (files: Record<string, unknown>) =>
    JSON.stringify({ format: 'brm-workbook', formatVersion: 1, exportedAt: '', schemaVersions: {}, files });
  const goodDirectory = { schemaVersion: 2, data: { units: [], contacts: [] } };

  it.each([
    ['text that is not JSON', 'Minutes of the meeting', 'not a BRM Workbook export: it is not JSON'],
    ['JSON without the marker', '{"units":[]}', 'has no BRM Workbook marker'],
    [
      'a file cut off',
      valid({ 'directory.json': goodDirectory }).slice(0, 60),
      'not JSON text, or it was cut off',
    ],
    [
      'a newer file format',
      JSON.stringify({ format: 'brm-workbook', formatVersion: 7, files: {} }),
      'made by a newer version of BRM Workbook (file format 7)',
    ],
    ['no file list', JSON.stringify({ format: 'brm-workbook', formatVersion: 1 }), 'has no list of files'],
    [
      'a path outside the workbook',
      valid({ '../../etc/passwd': goodDirectory }),
      'entry this version does not know',
    ],
    [
      'a prototype key',
      '{"format":"brm-workbook","formatVersion":1,"files":{"__proto__":{}}}',
      'does not know ("__proto__")',
    ],
    [
      'a record failing the schema',
      valid({ 'directory.json': { schemaVersion: 2, data: { units: [{ name: '' }], contacts: [] } } }),
      'damaged: in directory.json, its contents are not valid at units.0',
    ],
    [
      'a store file from a newer version',
      valid({ 'directory.json': { schemaVersion: 9, data: {} } }),
      'directory.json was saved by a newer version',
    ],
  ])('refuses %s with a clear message and changes nothing', async (_case, content, message) => {
    const wb = open(dir);
    await createUnit(wb, 'Retail Banking');
    wb.close();
    const reopened = open(dir);
    const before = treeState(dir);
    const error = await refusal(reopened, 'importWorkbook', { content });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/Nothing was changed/);
    expect(treeState(dir)).toEqual(before);
    expect(await unitNames(reopened)).toEqual(['Retail Banking']);
    reopened.close();
  });
});
