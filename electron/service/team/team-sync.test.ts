/**
 * The team workbook against a real PostgreSQL: two BRMs (two service instances on two data folders), one
 * server started for this file in a temporary folder.
 */
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ActionItem, Meeting } from '../../../shared/domain/meetings';
import { startCluster, type TestCluster } from '../../../test/unit/team-postgres';
import {
  call,
  contactFields,
  createUnit,
  open,
  planFields,
  tempDir,
  treeState,
} from '../../../test/unit/workbook-helpers';
import { ALL_SHARDS, unitRecordsShard } from '../store/shards';
import { ShardStore } from '../store/shard-store';
import { RECORD_KINDS } from './records';
import { replaceAt, sampleOf, withOwnKey } from '../../../test/unit/zod-samples';
import type { Workbook } from '../workbook';
import { addMember, setupTeam } from './admin';

let cluster: TestCluster;
let alice: string;
let bob: string;
let carol: string;

beforeAll(async () => {
  cluster = await startCluster();
  await setupTeam(cluster.adminUrl, 'Team A');
  await setupTeam(cluster.adminUrl, 'Team B');
  alice = (await addMember(cluster.adminUrl, 'Alice', 'team_a')).url;
  bob = (await addMember(cluster.adminUrl, 'Bob', 'team_a')).url;
  carol = (await addMember(cluster.adminUrl, 'Carol', 'team_b')).url;
}, 120_000);
afterAll(() => cluster?.destroy(), 60_000);

interface Laptop {
  wb: Workbook;
  sync: NonNullable<Workbook['team']>;
  dir: string;
}
const laptops: Laptop[] = [];

async function laptop(url: string, dir = tempDir('brm-team-')): Promise<Laptop> {
  const wb = open(dir, { teamBackground: false });
  const sync = wb.team!;
  await sync.connect(url);
  const made = { wb, sync, dir };
  laptops.push(made);
  return made;
}

afterEach(async () => {
  for (const { wb, sync } of laptops.splice(0)) {
    await sync.close();
    wb.close();
  }
});

const directory = (l: Laptop) => call(l.wb, 'getDirectory');
const meeting = async (l: Laptop, id: string) => (await call(l.wb, 'getMeeting', { id })).meeting;

async function planMeeting(l: Laptop, unitId: string): Promise<Meeting> {
  const planned = await call(l.wb, 'planMeeting', {
    unitId,
    fields: planFields('2026-12-01', { templateId: null, time: '09:00' }),
  });
  const detail = await call(l.wb, 'addAgendaItem', {
    meetingId: planned.id,
    title: 'Service performance',
  });
  return detail.meeting;
}

// The describes share one cluster and run in file order: the first expects an empty team A, later ones add to it.
describe('team sync on PostgreSQL: edits made while the server is down', () => {
  it('edits made on both laptops while the server is down converge when it is back, nothing lost', async () => {
    const a = await laptop(alice);
    const b = await laptop(bob);
    const unit = await createUnit(a.wb, 'Retail Banking');
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect((await directory(b)).units.map((u) => u.name)).toEqual(['Retail Banking']);

    cluster.stop();
    try {
      await createUnit(a.wb, 'Wealth Management');
      await call(a.wb, 'createContact', {
        unitId: unit.id,
        fields: contactFields('Ann Customer', 'customer'),
      });
      await createUnit(b.wb, 'Insurance');
      await call(b.wb, 'createContact', { unitId: unit.id, fields: contactFields('Ben Purchaser') });
      await expect(a.sync.syncNow()).rejects.toThrow(/cannot be reached/);
      expect(a.sync.status()).toMatchObject({ phase: 'offline', outbox: 2 });
      expect(a.sync.status().message).toMatch(/kept on this laptop/);
    } finally {
      cluster.start();
    }
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const l of [a, b]) {
      const dir = await directory(l);
      expect(dir.units.map((u) => u.name).sort()).toEqual([
        'Insurance',
        'Retail Banking',
        'Wealth Management',
      ]);
      expect(dir.contacts.map((c) => c.name).sort()).toEqual(['Ann Customer', 'Ben Purchaser']);
      expect(l.sync.status()).toMatchObject({ phase: 'up-to-date', outbox: 0, conflicts: 0 });
    }
  });
});

describe('team sync on PostgreSQL: one record edited on both laptops', () => {
  it('the same minutes edited on both laptops is a conflict with both texts; resolving it syncs to both', async () => {
    const a = await laptop(alice);
    const b = await laptop(bob);
    const unit = await createUnit(a.wb, 'Group Finance');
    const planned = await planMeeting(a, unit.id);
    const itemId = planned.agenda[0]!.id;
    await call(a.wb, 'saveMinutes', { meetingId: planned.id, itemId, minutes: 'Availability 99.9%.' });
    await a.sync.syncNow();
    await b.sync.syncNow();

    await call(a.wb, 'saveMinutes', {
      meetingId: planned.id,
      itemId,
      minutes: 'Availability 99.9%.\nAlice: two major incidents.',
    });
    await call(b.wb, 'saveMinutes', {
      meetingId: planned.id,
      itemId,
      minutes: 'Availability 99.9%.\nBob: backlog down by a third.',
    });
    await a.sync.syncNow();
    await b.sync.syncNow();

    const [conflict, ...more] = b.sync.conflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      label: 'minutes of agenda item "Service performance"',
      mine: 'Availability 99.9%.\nBob: backlog down by a third.',
      theirs: 'Availability 99.9%.\nAlice: two major incidents.',
    });
    expect(conflict!.suggestion).toBe(
      'Availability 99.9%.\nAlice: two major incidents.\nBob: backlog down by a third.',
    );
    expect(b.sync.status().conflicts).toBe(1);

    b.sync.resolve(conflict!.id, { text: conflict!.suggestion! });
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const l of [a, b]) {
      expect((await meeting(l, planned.id)).agenda[0]!.minutes).toBe(conflict!.suggestion);
      expect(l.sync.status()).toMatchObject({ conflicts: 0, outbox: 0 });
    }
  });

  it('different fields of one action edited on both laptops merge without a conflict', async () => {
    const a = await laptop(alice);
    const b = await laptop(bob);
    const unit = await createUnit(a.wb, 'Operations');
    const planned = await planMeeting(a, unit.id);
    const detail = await call(a.wb, 'addAction', {
      meetingId: planned.id,
      agendaItemId: null,
      fields: { title: 'Renew the SLA', owner: 'Alice', dueDate: '2027-01-15' },
    });
    const action = detail.actions[0]!;
    await a.sync.syncNow();
    await b.sync.syncNow();

    await call(a.wb, 'updateAction', {
      unitId: unit.id,
      id: action.id,
      fields: { title: 'Renew the SLA with finance', owner: 'Alice', dueDate: '2027-01-15' },
    });
    await call(b.wb, 'updateAction', {
      unitId: unit.id,
      id: action.id,
      fields: { title: 'Renew the SLA', owner: 'Alice', dueDate: '2027-02-01' },
    });
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const l of [a, b]) {
      expect(actionOf(l, unit.id, action.id)).toMatchObject({
        title: 'Renew the SLA with finance',
        dueDate: '2027-02-01',
      });
      expect(l.sync.status().conflicts).toBe(0);
    }
  });

  it('a deletion on one laptop and an edit on the other keep both in the inbox', async () => {
    const a = await laptop(alice);
    const b = await laptop(bob);
    const unit = await createUnit(a.wb, 'Legal');
    const contact = await call(a.wb, 'createContact', {
      unitId: unit.id,
      fields: contactFields('Dana Buyer'),
    });
    await a.sync.syncNow();
    await b.sync.syncNow();
    await call(a.wb, 'deleteContact', { id: contact.id });
    await call(b.wb, 'updateContact', { id: contact.id, fields: contactFields('Dana Buyer-Smith') });
    await a.sync.syncNow();
    await b.sync.syncNow();
    const [conflict] = b.sync.conflicts();
    expect(conflict).toMatchObject({
      label: 'the whole record',
      theirs: null,
      mine: { name: 'Dana Buyer-Smith' },
    });
    b.sync.resolve(conflict!.id, { take: 'mine' });
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const l of [a, b])
      expect((await directory(l)).contacts.find((c) => c.id === contact.id)?.name).toBe('Dana Buyer-Smith');
  });
});

describe('team sync on PostgreSQL: what a member may reach and what may arrive', () => {
  it("a BRM of team A can neither read nor write team B's rows (SQL as that role)", async () => {
    const c = await laptop(carol);
    await createUnit(c.wb, 'Team B secret unit');
    await c.sync.syncNow();
    const a = await laptop(alice);
    await createUnit(a.wb, 'Team A unit');
    await a.sync.syncNow();

    const client = new pg.Client({ connectionString: alice });
    await client.connect();
    try {
      const seen = await client.query<{ team_id: string }>('SELECT DISTINCT team_id FROM team_sync.records');
      expect(seen.rows.map((r) => r.team_id)).toEqual(['team_a']);
      const teams = await client.query<{ team_id: string }>('SELECT team_id FROM team_sync.teams');
      expect(teams.rows.map((r) => r.team_id)).toEqual(['team_a']);
      const changed = await client.query("UPDATE team_sync.records SET json = '{}' WHERE team_id = 'team_b'");
      expect(changed.rowCount).toBe(0);
      await expect(
        client.query(
          "INSERT INTO team_sync.records (team_id, kind, id, json, change_id) VALUES ('team_b', 'unit', 'planted01', '{}', 'x1')",
        ),
      ).rejects.toThrow(/row-level security/);
      await expect(
        client.query('INSERT INTO team_sync.members VALUES ($1, $2, $3)', ['brm_alice', 'team_b', 'x']),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    try {
      const b = await admin.query<{ n: string }>(
        "SELECT count(*) AS n FROM team_sync.records WHERE team_id = 'team_b' AND json->>'name' = 'Team B secret unit'",
      );
      expect(b.rows[0]!.n).toBe('1');
    } finally {
      await admin.end();
    }
  });

  it("hostile values from a colleague's side (the IPC fuzz corpus) never break the other side's store", async () => {
    const b = await laptop(bob);
    const unit = await createUnit(b.wb, 'Treasury');
    await b.sync.syncNow();
    const rows = hostileRows(unit.id);
    const before = treeState(b.dir);
    const client = new pg.Client({ connectionString: alice });
    await client.connect();
    try {
      for (const [i, [kind, id, shard, json]] of rows.entries())
        await client.query(
          `INSERT INTO team_sync.records (team_id, kind, id, shard, json, change_id) VALUES ('team_a', $1, $2, $3, $4::jsonb, $5)
           ON CONFLICT (team_id, kind, id) DO UPDATE SET json = EXCLUDED.json, shard = EXCLUDED.shard,
             change_no = nextval('team_sync.records_change_no_seq')`,
          [kind, id, shard, json, `hostile-${i}`],
        );
    } finally {
      await client.end();
    }
    await b.sync.syncNow();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(b.wb.store.notices.map((x) => x.message).join(' ')).toMatch(/The team sync skipped \d+ records/);
    const changed = Object.keys(treeState(b.dir)).filter((f) => !(f in before));
    expect(changed.filter((f) => !/^(team|units|meetings|backups)\b/.test(f))).toEqual([]);
    // The store still opens cleanly from disk and still takes edits and colleagues' changes.
    const again = new ShardStore(b.dir, ALL_SHARDS, { snapshotIntervalMs: null });
    again.open();
    expect(again.notices).toEqual([]);
    again.close();
    await createUnit(b.wb, 'After the attack');
    await b.sync.syncNow();
    expect((await directory(b)).units.map((u) => u.name)).toContain('After the attack');
  });

  it('a wrong password is refused with a clear message and nothing is saved', async () => {
    const wb = open(tempDir('brm-team-'), { teamBackground: false });
    const sync = wb.team!;
    try {
      await expect(sync.connect(alice.replace(/:[^:@/]+@/, ':wrong-password@'))).rejects.toThrow(
        /refused the user name or password/,
      );
      expect(sync.status().phase).toBe('off');
    } finally {
      await sync.close();
      wb.close();
    }
  });
});

function actionOf(l: Laptop, unitId: string, id: string): ActionItem | undefined {
  return l.wb.store.get(unitRecordsShard, unitId).actions.find((a) => a.id === id);
}

/**
 * Rows as a colleague's laptop (or anyone with the team's password) could write them: every kind of record
 * with hostile values at its leaves and `__proto__` keys in its objects, and rows no laptop would write.
 * Each row is [kind, id, shard, json].
 */
function hostileRows(unitId: string): [string, string, string | null, string][] {
  const rows: [string, string, string | null, string][] = [];
  const HUGE = 'x'.repeat(300_000);
  const hostile: unknown[] = [
    42,
    true,
    null,
    [],
    {},
    'text',
    HUGE,
    '../../directory',
    '__proto__',
    '2026-02-30',
  ];
  let n = 0;
  for (const kind of RECORD_KINDS) {
    const id = `hostile${String(n++).padStart(4, '0')}`;
    const shard = kind.list === null || !kind.shard.dir ? null : unitId;
    const sample = sampleOf(kind.schema, [
      id,
      unitId,
      'Sample',
      '2026-01-15',
      '09:30',
      '2026-01-15T09:30:00.000Z',
      'a@example.com',
      '',
      1,
      0,
      false,
      null,
    ]);
    for (const leaf of sample.leaves.slice(0, 12))
      for (const value of hostile) {
        if (leaf.schema.safeParse(value).success) continue;
        const rowId = `hostile${String(n++).padStart(4, '0')}`;
        const record = replaceAt(replaceAt(sample.value, ['id'], rowId), leaf.path, value);
        rows.push([kind.name, rowId, shard, JSON.stringify(record)]);
      }
    for (const at of sample.objects.slice(0, 4))
      rows.push([
        kind.name,
        id,
        shard,
        JSON.stringify(withOwnKey(sample.value, at, '__proto__', { polluted: 'yes' })),
      ]);
  }
  // Rows no laptop would write: unknown kinds, ids that are paths, files outside the data folder.
  rows.push(['__proto__', 'hostile9999', null, '{}'], ['unit', '../../../etc/passwd', null, '{}']);
  rows.push(['action', 'hostile9998', '../../outside', JSON.stringify({ id: 'hostile9998' })]);
  return rows;
}
