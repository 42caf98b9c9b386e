import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function createTopLevelUnit(page: Page, name: string) {
  const tree = page.getByRole('tree', { name: 'Business units' });
  const button = (await tree.count())
    ? page.getByRole('button', { name: 'New top-level unit' })
    : page.getByRole('button', { name: 'New business unit' });
  await button.click();
  await page.getByRole('dialog').getByLabel('Unit name').fill(name);
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

const units = (page: Page) => page.getByRole('tree', { name: 'Business units' });
const openView = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

test('restoring an earlier backup brings back that state and can be undone', async ({ page, workbook }) => {
  // A restart and two restores, each reloading the app.
  test.slow();
  await workbook.open('/units');
  await createTopLevelUnit(page, 'Retail Banking');
  // Starting again takes a snapshot: the state to come back to.
  await workbook.restart();
  await workbook.open('/units');
  await createTopLevelUnit(page, 'Operations');

  await openView(page, 'Backups');
  const snapshots = page.getByRole('table', { name: 'Snapshots' });
  // One a moment after the first change, one when the app started again.
  await expect(snapshots.getByRole('row')).toHaveCount(3);
  const started = snapshots.getByRole('row').filter({ hasText: 'App started' });
  await expect(started).toContainText('1 file');
  await workbook.screenshot('backups');
  await started.getByRole('button', { name: /^Restore the backup of / }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('kept as a safety backup');
  await dialog.getByRole('button', { name: 'Restore' }).click();

  // The app starts afresh on the restored data and says what happened.
  await expect(
    page.getByText(/The workbook was restored from the backup of .* so this can be undone\./),
  ).toBeVisible();
  await expect(snapshots).toContainText('Safety backup before a restore');
  await openView(page, 'Business units');
  await expect(units(page).getByText('Retail Banking')).toBeVisible();
  await expect(units(page).getByText('Operations')).toHaveCount(0);

  // Undo: the safety backup holds Operations.
  await openView(page, 'Backups');
  const safety = snapshots.getByRole('row').filter({ hasText: 'Safety backup before a restore' });
  await safety.getByRole('button', { name: /^Restore the backup of / }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  await expect(snapshots).toContainText('Safety backup before a restore');
  await openView(page, 'Business units');
  await expect(units(page).getByText('Operations')).toBeVisible();
});

test('a workbook exported and imported again comes back as it was; a bad file changes nothing', async ({
  page,
  workbook,
}) => {
  // An import that reloads the app, and a restart.
  test.slow();
  await workbook.open('/units');
  await createTopLevelUnit(page, 'Retail Banking');
  await openView(page, 'Backups');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export workbook' }).click();
  const exported = path.join(workbook.dataDir, 'exported.json');
  await (await download).saveAs(exported);
  expect(JSON.parse(fs.readFileSync(exported, 'utf8'))).toMatchObject({
    format: 'brm-workbook',
    formatVersion: 1,
  });

  await openView(page, 'Business units');
  await createTopLevelUnit(page, 'Operations');

  // A file that is not an export: refused with a clear message, nothing changes.
  await openView(page, 'Backups');
  let chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import workbook…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'minutes.json', mimeType: 'application/json', buffer: Buffer.from('{"agenda":[]}') });
  const dialog = page.getByRole('dialog', { name: 'Replace the workbook with this file?' });
  await expect(dialog).toContainText('minutes.json');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toContainText('This file is not a BRM Workbook export');
  await expect(dialog).toContainText('Nothing was changed.');
  await workbook.screenshot('backups-bad-import');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await openView(page, 'Business units');
  await expect(units(page).getByText('Operations')).toBeVisible();

  // The exported file: the workbook is exactly as it was when exported.
  await openView(page, 'Backups');
  chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import workbook…' }).click();
  await (await chooser).setFiles(exported);
  await page.getByRole('dialog').getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByText('The workbook was replaced by the imported file.', { exact: false }),
  ).toBeVisible();
  await openView(page, 'Business units');
  await expect(units(page).getByText('Retail Banking')).toBeVisible();
  await expect(units(page).getByText('Operations')).toHaveCount(0);

  await workbook.restart();
  await workbook.open('/units');
  await expect(units(page).getByText('Retail Banking')).toBeVisible();
  await expect(units(page).getByText('Operations')).toHaveCount(0);
});

test('a workbook from a newer version is refused with a clear message and left as it is', async ({
  page,
  workbook,
}) => {
  const file = path.join(workbook.dataDir, 'directory.json');
  const newer = JSON.stringify({ schemaVersion: 99, data: { units: [], contacts: [], teams: [] } });
  fs.writeFileSync(file, newer);
  await workbook.restart();
  await page.goto(workbook.host.url);
  await expect(page.getByText('BRM Workbook could not open your workbook')).toBeVisible();
  await expect(
    page.getByText(/saved by a newer version of BRM Workbook .* Update BRM Workbook to open this workbook/),
  ).toBeVisible();
  await workbook.screenshot('backups-newer-version');
  expect(fs.readFileSync(file, 'utf8')).toBe(newer);
  // Nothing but the running host's folder lock was added. The session before the refused one may have
  // saved its search index (a derived file) on closing, if it had built it: how soon depends on the machine.
  const added = fs.readdirSync(workbook.dataDir).filter((name) => !name.startsWith('workbook.lock'));
  expect(added.filter((name) => name !== 'meetings')).toEqual(['directory.json']);
  if (added.includes('meetings')) {
    expect(fs.readdirSync(path.join(workbook.dataDir, 'meetings'))).toEqual(['.search-index']);
  }
});
