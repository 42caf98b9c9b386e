import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  FIXTURES,
  call,
  contactFields,
  createUnit,
  damage,
  open,
  refusal,
  tempDir,
  treeState,
  unitNames,
} from '../../../test/unit/workbook-helpers';
import { ShardStore, StoreBlockedError } from './shard-store';
import { defineShard } from './shard-kind';
import { unitRecordsShard } from './shards';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const live = (rel: string) => path.join(dir, rel);
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, 'corrupt', name));

/**
 * Session 1 builds a small workbook; session 2 starts (taking the start snapshot) and adds "Savings",
 * which therefore is in no backup. Returns the id of the unit that has a records file.
 */
async function workbookWithBackup(): Promise<string> {
  const first = open(dir);
  const retail = await createUnit(first, 'Retail Banking');
  await call(first, 'createContact', {
    unitId: retail.id,
    fields: contactFields('Maria Jansen', 'customer'),
  });
  await call(first, 'updateSettings', {
    fields: { organisationName: 'Northwind', brmName: '', locale: '', theme: 'system' },
  });
  first.store.put(unitRecordsShard, retail.id, unitRecordsShard.empty());
  first.close();
  const second = open(dir);
  await createUnit(second, 'Savings');
  second.close();
  return retail.id;
}

function quarantined(): Buffer[] {
  const q = live('quarantine');
  return fs.existsSync(q) ? fs.readdirSync(q).map((name) => fs.readFileSync(path.join(q, name))) : [];
}

describe('a damaged store file', () => {
  it.each([
    ['cut off mid-write', 'truncated.json', 'not valid JSON'],
    ['zero bytes', 'empty.json', 'empty'],
    ['garbage bytes', 'garbage.bin', 'not valid JSON'],
    ['valid JSON that fails the schema', 'schema-invalid.json', 'not valid at units.0'],
  ])('%s is quarantined and restored from the newest good backup', async (_case, name, reason) => {
    const unitId = await workbookWithBackup();
    const bad = fixture(name);
    damage(live('directory.json'), bad);
    const others = [live('settings.json'), live(`units/${unitId}.json`)].map((f) => fs.readFileSync(f));

    const wb = open(dir);

    // The state of the last backup: Savings came after it, and the notice says so.
    expect(await unitNames(wb)).toEqual(['Retail Banking']);
    const status = await call(wb, 'getStatus');
    expect(status.readOnly).toBe(false);
    expect(status.notices).toHaveLength(1);
    expect(status.notices[0]!.level).toBe('warning');
    expect(status.notices[0]!.message).toContain('directory.json was damaged');
    expect(status.notices[0]!.message).toContain(reason);
    expect(status.notices[0]!.message).toContain('restored from the backup of');
    expect(status.notices[0]!.message).toContain('changes made after that backup are not in it');
    // The damaged file is kept, byte for byte; the live file is good again; nothing else was touched.
    expect(quarantined()).toEqual([bad]);
    expect(JSON.parse(fs.readFileSync(live('directory.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
    expect([live('settings.json'), live(`units/${unitId}.json`)].map((f) => fs.readFileSync(f))).toEqual(
      others,
    );
    wb.close();

    // And it stays recovered: the next start finds nothing new; the notice is kept until it is dismissed.
    const again = open(dir);
    expect((await call(again, 'getStatus')).notices).toEqual(status.notices);
    again.close();
  });

  it('in a per-unit collection is recovered the same way', async () => {
    const unitId = await workbookWithBackup();
    damage(live(`units/${unitId}.json`), fixture('truncated.json'));
    const wb = open(dir);
    expect(wb.store.get(unitRecordsShard, unitId)).toEqual(unitRecordsShard.empty());
    expect(wb.store.notices[0]!.message).toContain(`units/${unitId}.json was damaged`);
    expect(await unitNames(wb)).toEqual(['Retail Banking', 'Savings']);
    wb.close();
  });

  it('with no good backup is reported, kept aside, and nothing else is reset', async () => {
    const unitId = await workbookWithBackup();
    fs.rmSync(live('backups'), { recursive: true });
    damage(live('directory.json'), fixture('garbage.bin'));
    const settings = fs.readFileSync(live('settings.json'));
    const records = fs.readFileSync(live(`units/${unitId}.json`));

    const wb = open(dir);

    const status = await call(wb, 'getStatus');
    expect(status.notices).toHaveLength(1);
    expect(status.notices[0]!.level).toBe('error');
    expect(status.notices[0]!.message).toContain('directory.json was damaged');
    expect(status.notices[0]!.message).toContain('no good backup of it exists');
    expect(status.notices[0]!.message).toMatch(/moved to .*quarantine/);
    expect(quarantined()).toEqual([fixture('garbage.bin')]);
    // Not silently replaced by an empty file, and the other files are exactly as they were.
    expect(fs.existsSync(live('directory.json'))).toBe(false);
    expect(fs.readFileSync(live('settings.json'))).toEqual(settings);
    expect(fs.readFileSync(live(`units/${unitId}.json`))).toEqual(records);
    expect(wb.store.get(unitRecordsShard, unitId)).toEqual(unitRecordsShard.empty());
    wb.close();
  });

  it('skips a backup whose copy is damaged too and uses an older good one', async () => {
    await workbookWithBackup();
    const third = open(dir); // another start snapshot, now holding Savings
    third.close();
    const stamps = fs.readdirSync(live('backups')).sort();
    const newest = stamps.at(-1)!;
    damage(live(`backups/${newest}/directory.json`), fixture('empty.json'));
    damage(live('directory.json'), fixture('truncated.json'));
    const wb = open(dir);
    // The older snapshot (second start) did not yet hold Savings.
    expect(await unitNames(wb)).toEqual(['Retail Banking']);
    expect(wb.store.notices[0]!.message).toContain('restored from the backup of');
    wb.close();
  });
});

describe('a workbook this version must not touch', () => {
  it('from a newer version is refused clearly and not modified, downgraded or backed up', async () => {
    await workbookWithBackup();
    damage(live('directory.json'), fixture('newer-version.json'));
    const before = treeState(dir);

    const wb = open(dir);

    expect(wb.blocked).toContain('directory.json was saved by a newer version of BRM Workbook');
    expect(wb.blocked).toContain('Update BRM Workbook');
    // Every call, status included, answers with the reason: the renderer shows it instead of the app.
    for (const method of ['getStatus', 'getDirectory', 'listBackups'] as const) {
      const error = await refusal(wb, method);
      expect(error.code).toBe('storage');
      expect(error.message).toBe(wb.blocked);
    }
    expect(wb.store.readOnlyReason).toBe(wb.blocked);
    expect(() => wb.store.put(unitRecordsShard, 'unitxyz', unitRecordsShard.empty())).toThrow(
      /newer version/,
    );
    expect(treeState(dir)).toEqual(before);
    wb.close();
  });

  it('whose upgrade throws part-way is left untouched and refused', async () => {
    fs.writeFileSync(
      live('directory.json'),
      JSON.stringify({ schemaVersion: 1, data: { units: 'not a list' } }),
    );
    fs.writeFileSync(live('settings.json'), JSON.stringify({ schemaVersion: 1, data: {} }));
    const before = treeState(dir);
    const wb = open(dir);
    expect(wb.blocked).toContain('directory.json could not be upgraded from data format 1');
    expect(wb.blocked).toContain('Nothing was changed');
    expect(treeState(dir)).toEqual(before);
    wb.close();
  });

  it('never sees a half-migrated value: a migration runs on a copy and nothing is written when it throws', () => {
    const listShard = defineShard({
      name: 'list',
      version: 2,
      schema: z.strictObject({ items: z.array(z.string()) }),
      migrations: {
        1: (data) => {
          (data as { items: string[] }).items.push('half-done');
          throw new Error('step 2 of the upgrade failed');
        },
      },
      empty: () => ({ items: [] }),
    });
    const original = JSON.stringify({ schemaVersion: 1, data: { items: ['a'] } });
    fs.writeFileSync(live('list.json'), original);
    const before = treeState(dir);
    const store = new ShardStore(dir, [listShard], { snapshotIntervalMs: null });
    expect(() => store.open()).toThrow(StoreBlockedError);
    expect(() => store.open()).toThrow(/step 2 of the upgrade failed/);
    expect(fs.readFileSync(live('list.json'), 'utf8')).toBe(original);
    expect(treeState(dir)).toEqual(before);
  });
});
