import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Directory } from '../../../shared/domain/customers';
import { FIXTURES, call, open, tempDir } from '../../../test/unit/workbook-helpers';
import { migrateDirectoryV1 } from './migrations';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const v1 = fs.readFileSync(path.join(FIXTURES, 'v1/directory.json'));
const liveFile = () => path.join(dir, 'directory.json');

/** The snapshot folders that hold a directory.json byte-identical to `bytes`. */
function backupsHolding(bytes: Buffer): string[] {
  const root = path.join(dir, 'backups');
  return fs.readdirSync(root).filter((stamp) => {
    const file = path.join(root, stamp, 'directory.json');
    return fs.existsSync(file) && fs.readFileSync(file).equals(bytes);
  });
}

describe('directory schema version 1', () => {
  it('opens, moves contacts out of their units, and keeps the version 1 file in a backup', async () => {
    fs.writeFileSync(liveFile(), v1);
    const wb = open(dir);
    expect(wb.blocked).toBeNull();
    expect(wb.store.notices).toEqual([]);

    const directory = await call<Directory>(wb, 'getDirectory');
    expect(directory.units.map((u) => [u.name, u.kind, u.parentId, u.archived, u.maturity])).toEqual([
      ['Northwind Bank', 'company', null, false, []],
      ['Retail Banking', 'division', 'unitnorthwind01', false, []],
      ['Mortgages', 'department', 'unitretail00001', false, []],
    ]);
    expect(directory.units[1]).toMatchObject({
      plans: 'Move all branch services to self-service by 2028.',
      plansReviewedOn: '2026-04-10',
      itContact: 'Sam Okafor',
    });
    expect(directory.contacts.map((c) => [c.name, c.role, c.unitId])).toEqual([
      ['Maria Jansen', 'customer', 'unitretail00001'],
      ['Peter de Vries', 'purchaser', 'unitretail00001'],
      ['Anna Bakker', 'key-user', 'unitmortgage001'],
    ]);
    expect(directory.contacts[0]).toMatchObject({
      email: 'maria.jansen@example.com',
      phone: '+31 20 555 0101',
    });

    // Written back in the current format, after the start snapshot took the version 1 file.
    expect(JSON.parse(fs.readFileSync(liveFile(), 'utf8')).schemaVersion).toBe(2);
    const [stamp] = backupsHolding(v1);
    expect(stamp).toBeDefined();
    expect(
      JSON.parse(fs.readFileSync(path.join(dir, 'backups', stamp!, 'snapshot.json'), 'utf8')),
    ).toMatchObject({
      reason: 'start',
      files: 1,
    });
    wb.close();
  });

  it('is harmless to run again: a reopen does not migrate twice, a rerun gives the same result', async () => {
    fs.writeFileSync(liveFile(), v1);
    const first = open(dir);
    const migrated = await call<Directory>(first, 'getDirectory');
    first.close();
    const written = fs.readFileSync(liveFile());

    const reopened = open(dir);
    expect(await call<Directory>(reopened, 'getDirectory')).toEqual(migrated);
    expect(fs.readFileSync(liveFile())).toEqual(written);
    reopened.close();

    // As if the app had stopped after migrating in memory but before writing the new file.
    fs.rmSync(liveFile());
    fs.writeFileSync(liveFile(), v1);
    const rerun = open(dir);
    expect(await call<Directory>(rerun, 'getDirectory')).toEqual(migrated);
    rerun.close();
  });

  it('migrates on a value it may not change in place', () => {
    const data = JSON.parse(v1.toString()).data;
    const copy = structuredClone(data);
    migrateDirectoryV1(data);
    expect(data).toEqual(copy);
  });
});
