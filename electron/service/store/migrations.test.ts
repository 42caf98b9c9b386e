import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRichText, richTextToPlain } from '../../../shared/rich-text/rich-text';
import { FIXTURES, call, open, tempDir } from '../../../test/unit/workbook-helpers';
import { migrateDirectoryV1, migrateMeetingV1, migrateUnitRecordsV1 } from './migrations';

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

    const directory = await call(wb, 'getDirectory');
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
    const migrated = await call(first, 'getDirectory');
    first.close();
    const written = fs.readFileSync(liveFile());

    const reopened = open(dir);
    expect(await call(reopened, 'getDirectory')).toEqual(migrated);
    expect(fs.readFileSync(liveFile())).toEqual(written);
    reopened.close();

    // As if the app had stopped after migrating in memory but before writing the new file.
    fs.rmSync(liveFile());
    fs.writeFileSync(liveFile(), v1);
    const rerun = open(dir);
    expect(await call(rerun, 'getDirectory')).toEqual(migrated);
    rerun.close();
  });

  it('migrates on a value it may not change in place', () => {
    const data = JSON.parse(v1.toString()).data;
    const copy = structuredClone(data);
    migrateDirectoryV1(data);
    expect(data).toEqual(copy);
  });
});

describe('meeting and unit schema version 1 (plain-text minutes, decisions and pack comments)', () => {
  const copyV1 = () => {
    fs.writeFileSync(liveFile(), v1);
    for (const sub of ['meetings', 'units']) {
      fs.cpSync(path.join(FIXTURES, 'v1', sub), path.join(dir, sub), { recursive: true });
    }
  };
  const plainMinutes =
    'Availability 99.2% against *99.5%* target.\n- two P1 incidents\n1. backlog down\n# not a heading\n' +
    'See <https://intranet.example.com/sla> and [x](javascript:alert(1)) & C:\\temp\\_draft_';

  it('reads the old plain text back exactly as typed, as rich text without marks, lists or links', async () => {
    copyV1();
    const wb = open(dir);
    expect(wb.store.notices).toEqual([]);
    const { meeting } = await call(wb, 'getMeeting', { id: 'meetretail0001' });
    const [perf] = meeting.agenda;
    expect(richTextToPlain(perf!.minutes)).toBe(plainMinutes);
    expect(parseRichText(perf!.minutes)).toEqual([
      { kind: 'paragraph', runs: [{ text: plainMinutes, bold: false, italic: false, href: null }] },
    ]);
    expect(richTextToPlain(perf!.decisions[0]!.text)).toBe('Raise the target to 99.6% from **July**.');

    const pack = await call(wb, 'getReviewPack', { meetingId: 'meetretail0001' });
    const comment = pack.sections.find((s) => s.key === 'service-performance')!.comment;
    expect(richTextToPlain(comment)).toBe('- Ask about the *weekend* outage\n2. Then the backlog');
    expect(parseRichText(comment).map((b) => b.kind)).toEqual(['paragraph']);

    // Written back as version 2, after the start snapshot kept the version 1 files.
    const meetingFile = path.join(dir, 'meetings/meetretail0001.json');
    expect(JSON.parse(fs.readFileSync(meetingFile, 'utf8')).schemaVersion).toBe(2);
    wb.close();
    const reopened = open(dir);
    const again = await call(reopened, 'getMeeting', { id: 'meetretail0001' });
    expect(again.meeting.agenda[0]!.minutes).toBe(perf!.minutes);
    reopened.close();
    expect(
      JSON.parse(fs.readFileSync(path.join(dir, 'units/unitretail00001.json'), 'utf8')).schemaVersion,
    ).toBe(2);
  });

  it('migrates without changing the data it is given, and plain words stay as they were', () => {
    const meeting = JSON.parse(
      fs.readFileSync(path.join(FIXTURES, 'v1/meetings/meetretail0001.json'), 'utf8'),
    ).data;
    const copy = structuredClone(meeting);
    const migrated = migrateMeetingV1(meeting) as { agenda: Array<{ minutes: string }> };
    expect(meeting).toEqual(copy);
    expect(migrated.agenda[1]!.minutes).toBe('');
    const units = { actions: [], packComments: [{ meetingId: 'm', comments: { projects: 'On track.' } }] };
    expect(migrateUnitRecordsV1(units)).toEqual(units);
    expect(migrateUnitRecordsV1({ actions: [] })).toEqual({ actions: [] });
  });
});
