/**
 * The team workbook through the window, against a real PostgreSQL: a cluster started in a temporary
 * folder for this file, set up with the same functions `npm run team -- setup / add-member` use.
 */
import pg from 'pg';
import type { Page } from '@playwright/test';
import { addMember, setupTeam } from '../../electron/service/team/admin';
import { startCluster, type TestCluster } from '../unit/team-postgres';
import { call, expect, test } from './fixtures';
import { call as serviceCall, open as openStore, tempDir, unitFields } from '../unit/workbook-helpers';

let cluster: TestCluster;
let aliceUrl: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  cluster = await startCluster();
  await setupTeam(cluster.adminUrl, 'BRM team');
  aliceUrl = (await addMember(cluster.adminUrl, 'Alice Jansen')).url;
});
test.afterAll(() => cluster?.destroy());

const statusBar = (page: Page) => page.getByRole('status', { name: 'Team sync' });
const addressField = (page: Page) => page.getByLabel('Team database address');
const fact = (page: Page, term: string) =>
  page.getByRole('definition').filter({ has: page.locator(`xpath=preceding-sibling::dt[1][.="${term}"]`) });

const operations = (plans: string) => unitFields('Operations', plans);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function serverHasUnit(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: cluster.adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM team_sync.records WHERE json->>'name' = $1", [
      name,
    ]);
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

test('a BRM connects to the team database, sees "Up to date", and a change reaches the server', async ({
  page,
  workbook,
}) => {
  test.slow();
  await workbook.open('/team');
  // Not shared yet: no indicator in the status bar.
  await expect(page.getByRole('heading', { level: 1, name: 'Team' })).toBeVisible();
  await expect(statusBar(page)).toHaveCount(0);

  // Not an address: said at the field.
  await addressField(page).fill('db.example.org/brm');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByText('Paste the postgres://… address you were given.')).toBeVisible();

  // A wrong password: refused at once, with words a BRM can act on.
  const wrong = new URL(aliceUrl);
  wrong.password = 'not-the-password';
  await addressField(page).fill(wrong.toString());
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(
    page.getByText('The team server refused the user name or password.', { exact: false }),
  ).toBeVisible();
  await expect(statusBar(page)).toHaveCount(0);

  await addressField(page).fill(aliceUrl);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(statusBar(page)).toContainText('Up to date');
  await expect(fact(page, 'Login')).toHaveText('brm_alice_jansen');
  await expect(fact(page, 'Server')).toHaveText(/^postgres:\/\/brm_alice_jansen@127\.0\.0\.1:\d+\/postgres$/);
  // The password is never shown again.
  await expect(page.getByRole('main')).not.toContainText(decodeURIComponent(new URL(aliceUrl).password));
  await workbook.screenshot('team-connected');

  // A change made while connected goes out on "Sync now"; nothing waits in the outbox afterwards.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Business units' }).click();
  await page.getByRole('button', { name: 'New business unit' }).click();
  await page.getByRole('dialog').getByLabel('Unit name').fill('Retail Banking');
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retail Banking' })).toBeVisible();
  await page
    .getByRole('status', { name: 'Team sync' })
    .getByRole('link', { name: /Up to date|Syncing|Offline/ })
    .click();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(fact(page, 'Waiting to be sent')).toHaveText('0');
  await expect(fact(page, 'Last sync')).not.toHaveText('Never');
  await expect(statusBar(page)).toContainText('Up to date');
  await expect.poll(() => serverHasUnit('Retail Banking')).toBe(true);
});

test('the same field changed by two BRMs waits in the conflict inbox until one value is kept', async ({
  page,
  workbook,
}) => {
  test.slow();
  const bobUrl = (await addMember(cluster.adminUrl, 'Bob Peeters')).url;
  await call(workbook, 'connectTeam', { url: aliceUrl });
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: operations('First plans'),
  });
  await call(workbook, 'syncTeamNow', {});
  const bob = openStore(tempDir('brm-e2e-bob-'), { teamBackground: false });
  try {
    await bob.team!.connect(bobUrl);
    await bob.team!.syncNow();
    // Alice's laptop loses the server (her login is refused for a while), so she cannot see Bob's edit.
    await admin(`ALTER ROLE brm_alice_jansen NOLOGIN`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'brm_alice_jansen'`);
    await serviceCall(bob, 'updateUnit', { id: unit.id, fields: operations('Plans by Bob') });
    await bob.team!.syncNow();
    await call(workbook, 'updateUnit', { id: unit.id, fields: operations('Plans by Alice') });
    await workbook.open('/team');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(
      page.getByText('The team server refused the user name or password.', { exact: false }),
    ).toBeVisible();
    await expect(statusBar(page)).toContainText('Offline');

    await admin(`ALTER ROLE brm_alice_jansen LOGIN`);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(statusBar(page).getByRole('link', { name: '1 conflict' })).toBeVisible();
    const conflict = page.getByRole('list', { name: 'Conflicts' }).getByRole('listitem');
    await expect(conflict).toHaveCount(1);
    await expect(conflict.getByLabel('Mine', { exact: true })).toHaveText('Plans by Alice');
    await expect(conflict.getByLabel(/^Theirs/)).toHaveText('Plans by Bob');
    await expect(conflict).toContainText('brm_bob_peeters');
    await workbook.screenshot('team-conflict');
    await conflict.getByRole('button', { name: 'Keep theirs' }).click();
    await expect(page.getByText('No conflicts', { exact: false })).toBeVisible();
    await expect(statusBar(page)).not.toContainText('conflict');
    await expect(statusBar(page)).toContainText('Up to date');
  } finally {
    await bob.team?.close();
    bob.close();
  }
});
