import type { Locator, Page } from '@playwright/test';
import { unitFields } from '../unit/workbook-helpers';
import { call, expect, test, type WorkbookFixture } from './fixtures';

/** The Claims unit's page with the dates and times of `locale`, and its Plan meeting dialog open. */
async function plannerIn(page: Page, workbook: WorkbookFixture, locale: string) {
  await call(workbook, 'updateSettings', {
    fields: { organisationName: '', brmName: 'Ivo Jansen', brmEmail: '', locale, theme: 'system' },
  });
  const unit = await call(workbook, 'createUnit', { parentId: null, fields: unitFields('Claims') });
  await workbook.open(`/units/${unit.id}`);
  await page
    .getByRole('region', { name: 'Service review meetings' })
    .getByRole('button', { name: 'Plan meeting' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Plan a service review' });
  return { unit, dialog, date: dialog.getByLabel('Date'), time: dialog.getByLabel('Time') };
}

/** Types into a field key by key, as the BRM would, replacing what it held. */
async function typeInto(field: Locator, text: string) {
  await field.fill('');
  await field.pressSequentially(text);
}

test('with the locale set to de-DE a meeting date is typed as 24.12.2026 and a time as 14:30, and an impossible day is refused', async ({
  page,
  workbook,
}) => {
  const { unit, dialog, date, time } = await plannerIn(page, workbook, 'de-DE');
  await expect(date).toHaveAttribute('placeholder', 'DD.MM.YYYY');

  // A day that does not exist is refused with the pattern, and nothing is planned.
  await typeInto(date, '31.02.2026');
  await dialog.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('“31.02.2026” is not a date: type it as DD.MM.YYYY.');
  await expect(dialog).toBeVisible();
  expect(await call(workbook, 'listMeetings', { unitId: unit.id })).toHaveLength(0);

  await typeInto(date, '24.12.2026');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await typeInto(time, '14:30');
  await time.blur();
  await expect(time).toHaveValue('14:30');
  await dialog.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(dialog).toBeHidden();

  const [meeting] = await call(workbook, 'listMeetings', { unitId: unit.id });
  expect(meeting).toMatchObject({ date: '2026-12-24', time: '14:30' });
  await expect(page.getByText(/24\. Dezember 2026/).first()).toBeVisible();
  // The action's due date (the meeting's date + 14 days) reads the German way too.
  await expect(page.getByLabel('Due date')).toHaveValue('07.01.2027');
});

test('with the locale set to en-US date inputs show 12/24/2026 and times a 12-hour clock, stored as ISO and 24 hours', async ({
  page,
  workbook,
}) => {
  const { unit, dialog, date, time } = await plannerIn(page, workbook, 'en-US');
  await expect(date).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  await typeInto(date, '12/24/26');
  await date.blur();
  await expect(date).toHaveValue('12/24/2026');
  await typeInto(time, '2:30 pm');
  await time.blur();
  await expect(time).toHaveValue('2:30 PM');
  await dialog.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(dialog).toBeHidden();

  const [meeting] = await call(workbook, 'listMeetings', { unitId: unit.id });
  expect(meeting).toMatchObject({ date: '2026-12-24', time: '14:30' });
  await expect(page.getByLabel('Due date')).toHaveValue('01/07/2027');
});
