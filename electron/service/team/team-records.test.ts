/**
 * The team workbook carries everything a BRM records (issue 18's kinds), and a restore or an import
 * reaches colleagues: two BRMs (two service instances on two data folders), one real PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { plainTextToRichText } from '../../../shared/rich-text/rich-text';
import { startCluster, type TestCluster } from '../../../test/unit/team-postgres';
import { call, contactFields, createUnit, open, tempDir } from '../../../test/unit/workbook-helpers';
import { encodeWorkbook } from '../backups/workbook-file';
import type { Workbook } from '../workbook';
import { addMember, setupTeam } from './admin';

let cluster: TestCluster;

beforeAll(async () => {
  cluster = await startCluster();
}, 120_000);
afterAll(() => cluster?.destroy(), 60_000);

interface Laptop {
  wb: Workbook;
  sync: NonNullable<Workbook['team']>;
}
const laptops: Laptop[] = [];

let teams = 0;

/** Two BRMs of a team of their own, so what one test shares does not show in the next. */
async function colleagues(): Promise<[Laptop, Laptop]> {
  teams += 1;
  const { teamId } = await setupTeam(cluster.adminUrl, `Team ${teams}`);
  const alice = await addMember(cluster.adminUrl, `Alice ${teams}`, teamId);
  const bob = await addMember(cluster.adminUrl, `Bob ${teams}`, teamId);
  return [await laptop(alice.url), await laptop(bob.url)];
}

async function laptop(url: string, dir = tempDir('brm-team-')): Promise<Laptop> {
  const wb = open(dir, { teamBackground: false });
  const made = { wb, sync: wb.team! };
  await made.sync.connect(url);
  laptops.push(made);
  return made;
}

afterEach(async () => {
  for (const { wb, sync } of laptops.splice(0)) {
    await sync.close();
    wb.close();
  }
});

/** Both laptops sync until each holds what the other sent (A, B, A: B's rebased changes reach A). */
async function converge(a: Laptop, b: Laptop): Promise<void> {
  await a.sync.syncNow();
  await b.sync.syncNow();
  await a.sync.syncNow();
}

const outcomeFields = {
  outcome: 'Orders delivered faster',
  measure: 'Order lead time',
  baseline: '10 days',
  baselineDate: '2026-01-01',
  target: '5 days',
  targetDate: '2026-12-31',
  ownerContactId: null,
  projectIds: [],
  requirementIds: [],
};

const plan = {
  kind: 'annual' as const,
  templateId: null,
  date: '2026-11-02',
  time: '09:00',
  location: '',
  periodStart: null,
  periodEnd: null,
  trigger: '',
  chair: '',
  minuteTaker: '',
  invitees: [],
};

const directory = (l: Laptop) => call(l.wb, 'getDirectory');

describe('the team shares engagement, outcomes and the decision register', () => {
  it('an outcome value and an informal contact recorded offline on both laptops converge with both entries', async () => {
    const [a, b] = await colleagues();
    const unit = await createUnit(a.wb, 'Retail Banking');
    const customer = await call(a.wb, 'createContact', {
      unitId: unit.id,
      fields: contactFields('Maria Jansen', 'customer'),
    });
    const outcome = await call(a.wb, 'saveOutcome', {
      unitId: unit.id,
      id: null,
      fields: outcomeFields,
    });
    await converge(a, b);
    expect((await call(b.wb, 'listOutcomes', { unitId: unit.id }))[0]?.outcome).toBe(
      'Orders delivered faster',
    );

    cluster.stop();
    try {
      await call(a.wb, 'recordOutcomeValue', {
        outcomeId: outcome.id,
        date: '2026-06-01',
        value: '8 days',
        note: 'measured by Alice',
      });
      await call(a.wb, 'logContact', { contactId: customer.id, date: '2026-06-02', note: 'Corridor, A' });
      await call(b.wb, 'recordOutcomeValue', {
        outcomeId: outcome.id,
        date: '2026-06-03',
        value: '7 days',
        note: 'measured by Bob',
      });
      await call(b.wb, 'logContact', { contactId: customer.id, date: '2026-06-04', note: 'Coffee, B' });
      await expect(a.sync.syncNow()).rejects.toThrow(/cannot be reached/);
    } finally {
      cluster.start();
    }
    await converge(a, b);

    for (const l of [a, b]) {
      const [shared] = await call(l.wb, 'listOutcomes', { unitId: unit.id });
      expect(shared!.values.map((v) => `${v.date} ${v.value} ${v.note}`).sort()).toEqual([
        '2026-06-01 8 days measured by Alice',
        '2026-06-03 7 days measured by Bob',
      ]);
      const log = await call(l.wb, 'listContactLog', { contactId: customer.id });
      expect(log.map((i) => i.note)).toEqual(['Coffee, B', 'Corridor, A']);
      expect(l.sync.status()).toMatchObject({ outbox: 0, conflicts: 0 });
    }
    // Both laptops agree on who was met last: the engagement view reads the shared log.
    const rows = await call(b.wb, 'listEngagement', { unitId: unit.id });
    expect(rows[0]?.lastMet).toBe('2026-06-04');
  });

  it("a decision's status changed on both laptops goes to the conflict inbox; keeping one reaches both", async () => {
    const [a, b] = await colleagues();
    const unit = await createUnit(a.wb, 'Group Finance');
    const meeting = await call(a.wb, 'planMeeting', { unitId: unit.id, fields: plan });
    const item = (await call(a.wb, 'addAgendaItem', { meetingId: meeting.id, title: 'SLA' })).meeting
      .agenda[0]!;
    for (const text of ['Hosting moves to the new provider', 'Hosting stays for another year'])
      await call(a.wb, 'addDecision', {
        meetingId: meeting.id,
        itemId: item.id,
        text: plainTextToRichText(text),
      });
    const decisions = await call(a.wb, 'listDecisions', { unitId: unit.id });
    const moved = decisions.find((d) => d.text.startsWith('Hosting moves'))!;
    const stays = decisions.find((d) => d.text.startsWith('Hosting stays'))!;
    await call(a.wb, 'setDecisionStatus', { decisionId: moved.id, status: 'in-force', supersededById: null });
    await converge(a, b);

    await call(a.wb, 'setDecisionStatus', { decisionId: moved.id, status: 'reversed', supersededById: null });
    await call(b.wb, 'setDecisionStatus', {
      decisionId: moved.id,
      status: 'superseded',
      supersededById: stays.id,
    });
    await converge(a, b);

    const [conflict, ...more] = b.sync.conflicts();
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      kind: 'decision',
      recordName: 'Hosting moves to the new provider',
      label: 'status',
      mine: 'superseded',
      theirs: 'reversed',
    });
    b.sync.resolve(conflict!.id, { take: 'mine' });
    await b.sync.syncNow();
    await a.sync.syncNow();
    for (const l of [a, b]) {
      const row = (await call(l.wb, 'listDecisions', { unitId: unit.id })).find((d) => d.id === moved.id);
      expect(row).toMatchObject({ status: 'superseded', supersededBy: { id: stays.id } });
    }
  });
});

describe('a workbook shared before a kind of record was shared', () => {
  it('sends the records of the new kinds on its first sync, once', async () => {
    const { teamId } = await setupTeam(cluster.adminUrl, 'Upgraded team');
    const aliceUrl = (await addMember(cluster.adminUrl, 'Alice U', teamId)).url;
    const bobUrl = (await addMember(cluster.adminUrl, 'Bob U', teamId)).url;
    const a = await laptop(aliceUrl);
    const b = await laptop(bobUrl);
    const dir = a.wb.store.dataDir;
    const unit = await createUnit(a.wb, 'Retail Banking');
    await converge(a, b);
    await a.sync.close();
    a.wb.close();
    laptops.splice(laptops.indexOf(a), 1);

    // An outcome recorded by a version that did not share outcomes: never captured, and its state file
    // lists no kinds.
    const config = path.join(dir, 'team', 'connection.json');
    fs.renameSync(config, `${config}.away`);
    const older = open(dir, { teamBackground: false });
    await call(older, 'saveOutcome', { unitId: unit.id, id: null, fields: outcomeFields });
    older.close();
    fs.renameSync(`${config}.away`, config);
    const stateFile = path.join(dir, 'team', 'state.json');
    const { kinds: _kinds, ...legacy } = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as Record<
      string,
      unknown
    >;
    fs.writeFileSync(stateFile, JSON.stringify(legacy));

    const upgraded = await laptop(aliceUrl, dir);
    await upgraded.sync.syncNow();
    await b.sync.syncNow();
    const outcomes = await call(b.wb, 'listOutcomes', { unitId: unit.id });
    expect(outcomes.map((o) => o.outcome)).toEqual(['Orders delivered faster']);
    expect(upgraded.sync.status()).toMatchObject({ outbox: 0, conflicts: 0 });
    // Noted as shared: the next start does not send them again.
    expect((JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { kinds?: string[] }).kinds).toContain(
      'outcome',
    );
  });
});

describe('a restore or an import reaches colleagues', () => {
  it('records brought back by a restore are sent; records colleagues added since are kept, not deleted', async () => {
    const [a, b] = await colleagues();
    const unit = await createUnit(a.wb, 'Wealth Management');
    const ann = await call(a.wb, 'createContact', {
      unitId: unit.id,
      fields: contactFields('Ann Customer', 'customer'),
    });
    await converge(a, b);
    const stamp = a.wb.store.backupNow('periodic')!;

    await call(a.wb, 'deleteContact', { id: ann.id });
    await createUnit(b.wb, 'Insurance');
    await converge(a, b);
    expect((await directory(b)).contacts).toEqual([]);

    await call(a.wb, 'restoreBackup', { stamp });
    const told = a.wb.store.notices.map((n) => n.message).join('\n');
    expect(told).toMatch(
      /1 record the restored or imported workbook changed is being sent to your team\. 1 record your team shares that it did not hold was kept/,
    );
    await converge(a, b);
    for (const l of [a, b]) {
      const dir = await directory(l);
      expect(dir.contacts.map((c) => c.name)).toEqual(['Ann Customer']);
      expect(dir.units.map((u) => u.name).sort()).toEqual(['Insurance', 'Wealth Management']);
      expect(l.sync.status()).toMatchObject({ outbox: 0, conflicts: 0 });
    }
  });

  it('records of an imported workbook file are sent to colleagues', async () => {
    const [a, b] = await colleagues();
    await createUnit(a.wb, 'Retail Banking');
    await converge(a, b);

    // The BRM's old laptop, never shared: its workbook file is imported on the team laptop.
    const old = open(tempDir('brm-old-'));
    const legacy = await createUnit(old, 'Legacy Unit');
    await call(old, 'createContact', { unitId: legacy.id, fields: contactFields('Lee Purchaser') });
    const content = encodeWorkbook(old.store.exportFiles(), old.store.kinds, new Date());
    old.close();

    await call(a.wb, 'importWorkbook', { content });
    await converge(a, b);
    for (const l of [a, b]) {
      const dir = await directory(l);
      expect(dir.units.map((u) => u.name).sort()).toEqual(['Legacy Unit', 'Retail Banking']);
      expect(dir.contacts.map((c) => c.name)).toEqual(['Lee Purchaser']);
    }
  });
});
