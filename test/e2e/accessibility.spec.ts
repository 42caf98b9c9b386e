import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { contactFields, planFields, unitFields } from '../unit/workbook-helpers';
import { call, expect, test } from './fixtures';

test.describe.configure({ timeout: 240_000 });

/**
 * axe-core over every main view with some data in it, failing on serious and critical violations. What is
 * reported names the rule and the elements, so a failure says what to fix.
 */
async function expectAccessible(page: Page, view: string): Promise<void> {
  // Fluent's focus manager (tabster) puts focusable aria-hidden sentinels around tab lists and dialogs: its
  // own design, not our markup.
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${view}: ${v.id} (${v.impact}) on ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
}

const VIEWS = [
  ['/', 'Dashboard'],
  ['/units', 'Business units'],
  ['/meetings', 'Meetings'],
  ['/actions', 'Actions'],
  ['/review-pack', 'Review pack'],
  ['/agreements', 'Agreements'],
  ['/feedback', 'Complaints & compliments'],
  ['/satisfaction', 'Satisfaction'],
  ['/technology-watch', 'Technology watch'],
  ['/reports', 'Reports'],
  ['/maturity', 'Relationship maturity'],
  ['/time', 'My time'],
  ['/templates', 'Agenda templates'],
  ['/backups', 'Backups'],
  ['/settings', 'Settings'],
] as const;

test('every main view, a unit page, a running meeting and the planner pass axe without serious violations', async ({
  page,
  workbook,
}) => {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: unitFields('Retail division'),
  });
  await call(workbook, 'createContact', {
    unitId: unit.id,
    fields: contactFields('Carla Mendes', 'customer'),
  });
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: planFields('2026-11-25', { time: '14:00' }),
  });
  await call(workbook, 'addAction', {
    meetingId: meeting.id,
    agendaItemId: null,
    fields: { title: 'Send the capacity plan', owner: 'Carla Mendes', dueDate: '2026-12-23' },
  });

  await workbook.open();
  // The first Tab stop skips the sidebar.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [path, label] of VIEWS) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`#${path === '/' ? '/?$' : path}`));
    await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible();
    await expectAccessible(page, label);
  }

  await workbook.open(`/units/${unit.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Retail division' })).toBeVisible();
  await expectAccessible(page, 'Unit page');

  await workbook.open(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { name: '1. Actions from previous meetings' })).toBeVisible();
  await expectAccessible(page, 'Meeting, carried actions');
  await page.keyboard.press('Alt+Digit2');
  await expect(page.getByRole('textbox', { name: 'Minutes' })).toBeFocused();
  await expectAccessible(page, 'Meeting, agenda item');

  // A toast is announced from a labelled region.
  await page.getByRole('button', { name: 'Mark as held' }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Marked as held');

  await page.getByRole('button', { name: 'Edit plan' }).click();
  await expect(page.getByRole('dialog', { name: 'Edit meeting plan' })).toBeVisible();
  await expectAccessible(page, 'Planner');
});
