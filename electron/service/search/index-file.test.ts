import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from '../../../shared/contract/search';
import type { Directory } from '../../../shared/domain/customers';
import type { ActionItem, Meeting } from '../../../shared/domain/meetings';
import type { HostAdapter } from '../host';
import { directoryShard, meetingShard, unitRecordsShard, unitRecordsSchema } from '../store/shards';
import { call } from '../../../test/unit/workbook-helpers';
import { openWorkbook, type Workbook } from '../workbook';
import { INDEX_FILE } from './index-file';

const host: HostAdapter = { saveDocument: () => Promise.reject(new Error('not used')) };
const AT = '2026-03-02T10:00:00.000Z';
const QUERIES = ['zeppelin', 'payroll outage', 'harbour', 'capacity', 'jansen', 'retail', 'incidnet', 'sla'];
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

function closeAll(): void {
  for (const wb of open.splice(0)) wb.close();
}

const search = (wb: Workbook, query: string) => call(wb, 'search', { query, limit: 5 });

const searchAll = async (wb: Workbook) => Promise.all(QUERIES.map((q) => search(wb, q)));

const minutesOf = (n: number) =>
  [
    'The payroll outage of Monday was caused by an expired certificate.',
    'Capacity of the VPN is at 80%; the harbour site asks for more.',
    'Retail asks for a new SLA on the zeppelin booking system.',
    'Maria Jansen reports the incident backlog is down to 12 tickets.',
  ][n % 4]!;

function meeting(unitId: string, n: number, minutes = minutesOf(n)): Meeting {
  const id = `meeting${String(n).padStart(3, '0')}`;
  return {
    id,
    createdAt: AT,
    updatedAt: AT,
    unitId,
    kind: 'periodic',
    templateId: null,
    date: `2026-03-${String(1 + (n % 28)).padStart(2, '0')}`,
    time: '10:00',
    location: 'Room 4.12',
    periodStart: '2026-02-01',
    periodEnd: '2026-02-28',
    trigger: '',
    chair: 'Maria Jansen',
    minuteTaker: '',
    attendees: [],
    agenda: [
      {
        id: `${id}-item1`,
        title: 'Service performance',
        guidance: '',
        minutes,
        decisions: [{ id: `${id}-dec1`, text: `Decision ${n} on capacity` }],
      },
    ],
    carriedActionIds: [],
    status: 'held',
    history: [],
    previousMeetingId: null,
    nextMeetingId: null,
  };
}

function action(unitId: string, n: number): ActionItem {
  return {
    id: `action${String(n).padStart(3, '0')}`,
    createdAt: AT,
    updatedAt: AT,
    title: `Follow up the ${['payroll outage', 'harbour capacity', 'zeppelin SLA'][n % 3]} (${n})`,
    owner: 'Maria Jansen',
    dueDate: '2026-03-16',
    unitId,
    status: n % 2 ? 'open' : 'done',
    raisedInMeetingId: null,
    agendaItemId: null,
    trail: [],
  };
}

/** A workbook with two units, 24 meetings and 12 actions, searched once (the index is saved on close). */
async function seeded(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-index-'));
  dirs.push(dir);
  const wb = openAt(dir);
  const directory: Directory = {
    units: ['Retail Banking', 'Harbour Logistics'].map((name, i) => ({
      id: `unit00${i}`,
      createdAt: AT,
      updatedAt: AT,
      parentId: null,
      name,
      kind: 'division',
      itContact: '',
      plans: '',
      drivers: '',
      plansReviewedOn: null,
      archived: false,
      maturity: [],
    })),
    contacts: [],
  };
  wb.store.put(directoryShard, null, directory);
  for (let n = 0; n < 24; n++)
    wb.store.put(meetingShard, meeting(`unit00${n % 2}`, n).id, meeting(`unit00${n % 2}`, n));
  for (let u = 0; u < 2; u++) {
    const actions = Array.from({ length: 6 }, (_, i) => action(`unit00${u}`, u * 6 + i));
    wb.store.put(unitRecordsShard, `unit00${u}`, unitRecordsSchema.parse({ actions }));
  }
  await search(wb, 'capacity');
  return dir;
}

/** What a index built from the files alone answers: on a copy of the folder without the saved index. */
async function freshResults(dir: string): Promise<SearchResults[]> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-index-fresh-'));
  dirs.push(copy);
  fs.cpSync(dir, copy, { recursive: true });
  fs.rmSync(path.join(copy, 'meetings', INDEX_FILE), { force: true });
  const wb = openAt(copy);
  const results = await searchAll(wb);
  wb.close();
  return results;
}

/** Opens the workbook and counts the store files the first searches read to index (not only to show hits). */
async function reopenCounting(
  dir: string,
  first = 'nothing-matches-this',
): Promise<{ wb: Workbook; results: SearchResults[]; peeks: number }> {
  const wb = openAt(dir);
  const peek = vi.spyOn(wb.store, 'peek');
  await search(wb, first);
  const peeks = peek.mock.calls.length;
  peek.mockRestore();
  return { wb, results: await searchAll(wb), peeks };
}

const indexFile = (dir: string) => path.join(dir, 'meetings', INDEX_FILE);

describe('the saved search index', () => {
  it('is written on close and read at the next start instead of indexing every file again', async () => {
    const dir = await seeded();
    const built = await searchAll(open[0]!);
    closeAll();
    expect(fs.existsSync(indexFile(dir))).toBe(true);

    const { results, peeks } = await reopenCounting(dir);
    // Only the directory (its file has no stamp to compare before it is read) at most: no meeting, no unit.
    expect(peeks).toBeLessThanOrEqual(1);
    expect(results).toEqual(built);
    expect(results).toEqual(await freshResults(dir));
    expect(results[0]!.groups.length).toBeGreaterThan(0);
  });

  it('indexes again a meeting edited while the app was closed, and answers as a fresh index', async () => {
    const dir = await seeded();
    closeAll();
    const file = path.join(dir, 'meetings', 'meeting002.json');
    const edited = meeting('unit000', 2, 'The kraken migration replaced the old booking system.');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: meetingShard.version, data: edited }));

    const { wb, results, peeks } = await reopenCounting(dir);
    expect(peeks).toBeLessThanOrEqual(2);
    expect(results).toEqual(await freshResults(dir));
    const kraken = await search(wb, 'kraken');
    expect(kraken.groups.find((g) => g.kind === 'minutes')?.hits).toMatchObject([
      { route: '/meetings/meeting002', snippet: expect.stringContaining('kraken') },
    ]);
    // Its old words are gone with it: 'zeppelin' was in meetings 2, 6, 10, … .
    const zeppelin = (await search(wb, 'zeppelin')).groups.find((g) => g.kind === 'minutes');
    expect(zeppelin?.total).toBe(5);
  });

  it('drops a meeting deleted while the app was closed and picks up one added', async () => {
    const dir = await seeded();
    closeAll();
    fs.rmSync(path.join(dir, 'meetings', 'meeting006.json'));
    const added = meeting('unit001', 77, 'Walrus workshop planned for the harbour.');
    fs.writeFileSync(
      path.join(dir, 'meetings', 'meeting077.json'),
      JSON.stringify({ schemaVersion: meetingShard.version, data: added }),
    );
    const { wb, results } = await reopenCounting(dir);
    expect(results).toEqual(await freshResults(dir));
    expect((await search(wb, 'walrus')).groups[0]?.hits[0]?.route).toBe('/meetings/meeting077');
  });

  it.each([
    ['cut short', (text: Buffer) => text.subarray(0, Math.floor(text.length / 2))],
    ['empty', () => Buffer.alloc(0)],
    [
      'with a byte changed',
      (text: Buffer) => Buffer.from(text).fill(0x41, text.length - 50, text.length - 49),
    ],
    [
      'of another format',
      (text: Buffer) => Buffer.from(text.toString('latin1').replace('"format":2', '"format":99'), 'latin1'),
    ],
  ])('is built again from the files when the saved one is %s', async (_, damage) => {
    const dir = await seeded();
    closeAll();
    fs.writeFileSync(indexFile(dir), damage(fs.readFileSync(indexFile(dir))));

    // The postings are read when a query needs them: a damaged block is found by the first search reading it.
    const { wb, results, peeks } = await reopenCounting(dir, 'capacity');
    // Every meeting, unit and the directory read to index them.
    expect(peeks).toBeGreaterThanOrEqual(27);
    expect(results).toEqual(await freshResults(dir));
    wb.close();
    // …and written whole again for the next start.
    const again = await reopenCounting(dir);
    expect(again.peeks).toBeLessThanOrEqual(1);
    expect(again.results).toEqual(results);
  });

  it('is made again after a restore replaced the files, and is never part of a backup', async () => {
    const dir = await seeded();
    closeAll();
    const wb = openAt(dir);
    const stamp = wb.store.backupNow('periodic');
    expect(stamp).not.toBeNull();
    expect(fs.existsSync(indexFile(dir))).toBe(true);
    const backedUp = fs.readdirSync(path.join(dir, 'backups', stamp!, 'meetings'));
    expect(backedUp).toContain('meeting003.json');
    expect(backedUp).not.toContain(INDEX_FILE);
    const current = wb.store.get(meetingShard, 'meeting003');
    wb.store.put(meetingShard, 'meeting003', {
      ...current,
      agenda: current.agenda.map((item) => ({ ...item, minutes: 'Octopus ink on the contract.' })),
    });
    expect((await search(wb, 'octopus')).groups).toHaveLength(1);
    closeAll();

    const after = openAt(dir);
    expect((await search(after, 'octopus')).groups).toHaveLength(1);
    after.store.restoreSnapshot(stamp!, 'before-restore');
    expect((await search(after, 'octopus')).groups).toEqual([]);
    expect(await searchAll(after)).toEqual(await freshResults(dir));
  });
});
