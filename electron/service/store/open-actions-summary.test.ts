import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActionRegister } from '../../../shared/contract/meetings';
import type { ActionItem } from '../../../shared/domain/meetings';
import type { HostAdapter } from '../host';
import { call } from '../../../test/unit/workbook-helpers';
import { openWorkbook, type Workbook } from '../workbook';
import { ACTION_ROWS_FILE } from './action-rows-digest';
import { readDerivedFile, writeDerivedFile } from './derived-file';
import { OPEN_ACTIONS_FILE } from './open-actions-summary';
import { unitRecordsSchema, unitRecordsShard } from './shards';

const host: HostAdapter = { saveDocument: () => Promise.reject(new Error('not used')) };
const AT = '2026-03-02T10:00:00.000Z';
const UNITS = ['unit000', 'unit001', 'unit002'];
const dirs: string[] = [];
const open: Workbook[] = [];

afterEach(() => {
  for (const wb of open.splice(0)) wb.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openAt(dir: string): Workbook {
  const wb = openWorkbook({ dataDir: dir, host, trustedOrigins: ['app://workbook'] });
  open.push(wb);
  return wb;
}

const closeAll = () => {
  for (const wb of open.splice(0)) wb.close();
};

const statuses = ['open', 'in-progress', 'done', 'dropped'] as const;

function action(unitId: string, n: number, status: ActionItem['status'] = statuses[n % 4]!): ActionItem {
  return {
    id: `action${unitId.slice(-1)}${String(n).padStart(3, '0')}`,
    createdAt: AT,
    updatedAt: AT,
    title: `Action ${n} of ${unitId}`,
    owner: ['Maria Jansen', 'Peter de Vries', 'Li Wei'][n % 3]!,
    dueDate: `2026-04-${String(1 + (n % 28)).padStart(2, '0')}`,
    unitId,
    status,
    raisedInMeetingId: null,
    agendaItemId: null,
    trail: [],
  };
}

const unitFile = (dir: string, unitId: string) => path.join(dir, 'units', `${unitId}.json`);

/** Three units of eight actions each (two open, two in progress), saved and closed: the summary written. */
function seeded(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-open-actions-'));
  dirs.push(dir);
  const wb = openAt(dir);
  for (const unitId of UNITS) {
    const actions = Array.from({ length: 8 }, (_, n) => action(unitId, n));
    wb.store.put(unitRecordsShard, unitId, unitRecordsSchema.parse({ actions }));
  }
  closeAll();
  return dir;
}

/**
 * The two digests of the unit files' actions, each with the register's question it answers: the open
 * actions as the register opens, and every status.
 */
const DIGESTS = [
  {
    name: 'the open-actions summary',
    file: OPEN_ACTIONS_FILE,
    statuses: ['open', 'in-progress'] as const,
    listed: 12,
  },
  { name: 'the action-rows digest', file: ACTION_ROWS_FILE, statuses: [] as const, listed: 24 },
];

describe.each(DIGESTS)('$name', ({ file, statuses: asked, listed }) => {
  const summaryFile = (dir: string) => path.join(dir, 'units', file);

  function openActions(wb: Workbook): Promise<ActionRegister> {
    return call(wb, 'listActions', {
      unitId: null,
      owner: null,
      statuses: [...asked],
      today: '2026-03-10',
      overdueOnly: false,
    });
  }

  /** The same question answered from the unit files themselves, all read: the truth to compare with. */
  async function fromFiles(wb: Workbook): Promise<ActionRegister> {
    for (const unitId of wb.store.keys(unitRecordsShard)) wb.store.get(unitRecordsShard, unitId);
    return openActions(wb);
  }

  const unread = (wb: Workbook) => UNITS.filter((unitId) => !wb.store.isRead(unitRecordsShard, unitId));

  it('answers the first question before any unit file is read, as the files would', async () => {
    const dir = seeded();
    expect(fs.existsSync(summaryFile(dir))).toBe(true);
    const wb = openAt(dir);
    const first = await openActions(wb);
    expect(unread(wb)).toEqual(UNITS);
    expect(first.actions).toHaveLength(listed);
    expect(first.total).toBe(24);
    expect(first.owners).toEqual(['Li Wei', 'Maria Jansen', 'Peter de Vries']);
    expect(first).toEqual(await fromFiles(wb));
  });

  it('stays right after edits, and the next start answers with them', async () => {
    const dir = seeded();
    const wb = openAt(dir);
    await openActions(wb);
    // As a later meeting records it: the action is done, and handed to a new owner first.
    const closed = { ...action('unit001', 0, 'done'), owner: 'Sam Okafor' };
    const records = wb.store.get(unitRecordsShard, 'unit001');
    wb.store.put(unitRecordsShard, 'unit001', {
      ...records,
      actions: records.actions.map((a) => (a.id === closed.id ? closed : a)),
    });
    const edited = await openActions(wb);
    expect(edited.actions.find((a) => a.id === closed.id)?.status).toBe(asked.length ? undefined : 'done');
    expect(edited.owners).toContain('Sam Okafor');
    closeAll();

    const again = openAt(dir);
    const first = await openActions(again);
    // The edited unit's file was written after it was read: it is the only one whose answer needed it.
    expect(unread(again)).toEqual(UNITS);
    expect(first).toEqual(edited);
    expect(first).toEqual(await fromFiles(again));
  });

  it('is not trusted for a unit file changed while the app was closed', async () => {
    const dir = seeded();
    const actions = Array.from({ length: 3 }, (_, n) => action('unit002', 100 + n, 'open'));
    fs.writeFileSync(
      unitFile(dir, 'unit002'),
      JSON.stringify({ schemaVersion: unitRecordsShard.version, data: unitRecordsSchema.parse({ actions }) }),
    );
    const wb = openAt(dir);
    const first = await openActions(wb);
    expect(first.actions.filter((a) => a.unitId === 'unit002').map((a) => a.id)).toEqual(
      actions.map((a) => a.id),
    );
    expect(unread(wb)).toEqual(['unit000', 'unit001']);
    expect(first).toEqual(await fromFiles(wb));
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length - 40)],
    ['not JSON', () => 'garbage'],
    ['of another format', (text: string) => text.replace(/"format":\d+/, '"format":9')],
  ])('is ignored and written again when it is %s', async (_, damage) => {
    const dir = seeded();
    fs.writeFileSync(summaryFile(dir), damage(fs.readFileSync(summaryFile(dir), 'utf8')));
    const wb = openAt(dir);
    const first = await openActions(wb);
    expect(first).toEqual(await fromFiles(wb));
    closeAll();
    const again = openAt(dir);
    expect(await openActions(again)).toEqual(first);
    expect(unread(again)).toEqual(UNITS);
  });

  it('answers for the restored files after a restore and after an import', async () => {
    const dir = seeded();
    const wb = openAt(dir);
    const before = await openActions(wb);
    const stamp = wb.store.backupNow('periodic')!;
    const exported = new Map(
      [...wb.store.exportFiles()].map(([rel, file]) => [rel, JSON.stringify(file)] as const),
    );
    const more = [action('unit000', 50, 'open'), action('unit000', 51, 'in-progress')];
    wb.store.put(unitRecordsShard, 'unit000', {
      ...wb.store.get(unitRecordsShard, 'unit000'),
      actions: more,
    });
    expect((await openActions(wb)).actions.filter((a) => a.unitId === 'unit000')).toHaveLength(2);

    wb.store.restoreSnapshot(stamp, 'before-restore');
    expect(await openActions(wb)).toEqual(before);
    closeAll();
    const restored = openAt(dir);
    expect(await openActions(restored)).toEqual(before);
    expect(await fromFiles(restored)).toEqual(before);

    restored.store.put(unitRecordsShard, 'unit001', unitRecordsSchema.parse({ actions: more }));
    restored.store.importFiles(exported);
    expect(await openActions(restored)).toEqual(before);
    closeAll();
    const imported = openAt(dir);
    expect(await openActions(imported)).toEqual(before);
    expect(await fromFiles(imported)).toEqual(before);
  });
});

describe('the action-rows digest', () => {
  it('is made again when written by a build whose actions had other fields', async () => {
    const dir = seeded();
    const file = path.join(dir, 'units', ACTION_ROWS_FILE);
    const stored = JSON.parse(readDerivedFile(file, 'action-rows', 3)!.toString('utf8')) as Record<
      string,
      { entry: { same: Record<string, unknown>; columns: Record<string, unknown[]> } }
    >;
    // As an older build wrote it: without the owner column.
    for (const unit of Object.values(stored)) {
      delete unit.entry.columns.owner;
      delete unit.entry.same.owner;
    }
    writeDerivedFile(file, 'action-rows', 3, Buffer.from(JSON.stringify(stored)));
    const wb = openAt(dir);
    const all = { unitId: null, owner: null, statuses: [], today: '2026-03-10', overdueOnly: false };
    const first = await call(wb, 'listActions', all);
    expect(first.actions.every((a) => typeof a.owner === 'string' && a.owner !== '')).toBe(true);
    closeAll();
    const again = openAt(dir);
    expect(await call(again, 'listActions', all)).toEqual(first);
    expect(UNITS.filter((unitId) => again.store.isRead(unitRecordsShard, unitId))).toEqual([]);
  });
});
