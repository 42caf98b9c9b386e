import { generateWorkbook, writeWorkbook } from '../../bench/generate';
import { expect, fillField, test } from './fixtures';

test('Ctrl+K finds a unit and a contact from anywhere, and Enter opens the unit', async ({
  page,
  workbook,
}) => {
  await workbook.open('/units');
  await page.getByRole('button', { name: 'New business unit' }).click();
  await page.getByRole('dialog').getByLabel('Unit name').fill('Retail Banking');
  await page.getByRole('dialog').getByLabel('Level').selectOption({ label: 'Division' });
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retail Banking' })).toBeVisible();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await fillField(page, 'Name', 'Maria Jansen');
  await fillField(page, 'Email', 'maria.jansen@example.com');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('link', { name: 'Business units' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Business units' })).toBeVisible();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the workbook' });
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox');
  await expect(input).toBeFocused();
  // Before typing: the views to jump to.
  await expect(palette.getByRole('group', { name: 'Go to' }).getByRole('option')).toContainText([
    'Go to Business units',
  ]);

  await input.fill('jansen');
  await expect(palette.getByRole('group', { name: 'Contacts' }).getByRole('option')).toHaveText(
    /Maria Jansen.*Retail Banking · Customer/,
  );
  await input.fill('retail');
  const units = palette.getByRole('group', { name: /Business units/ });
  await expect(units.getByRole('option', { name: /Retail Banking/ })).toBeVisible();
  // The contact belongs to Retail Banking, so it is found by the unit's name too, in its own group.
  await expect(palette.getByRole('group', { name: 'Contacts' })).toContainText('Maria Jansen');
  await expect(units.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await workbook.screenshot('search-palette-units');

  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/units\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Retail Banking' })).toBeVisible();

  // Escape closes without going anywhere.
  await page.keyboard.press('Control+k');
  await expect(palette).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Retail Banking' })).toBeVisible();
});

test('minutes, decisions and actions of years of meetings are found, grouped, and open their meeting', async ({
  page,
  workbook,
}) => {
  writeWorkbook(workbook.dataDir, generateWorkbook({ seed: 11, units: 4, years: 2, until: '2026-11-30' }));
  await workbook.restart();
  await workbook.open();

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Search the workbook' });
  await palette.getByRole('combobox').fill('expired certificate');
  // The best five, and how many there are in all.
  const minutes = palette.getByRole('group', { name: /^Minutes \d+ matches$/ });
  await expect(minutes.getByRole('option')).toHaveCount(5);
  await expect(minutes.getByRole('option').first().locator('mark')).toContainText(['expired', 'certificate']);
  await palette.getByRole('combobox').fill('pilot');
  await expect(
    palette
      .getByRole('group', { name: /^Decisions/ })
      .getByRole('option')
      .first(),
  ).toBeVisible();
  await palette.getByRole('combobox').fill('capacity plan');
  await expect(
    palette
      .getByRole('group', { name: /^Actions/ })
      .getByRole('option')
      .first(),
  ).toBeVisible();
  await workbook.screenshot('search-palette-records');

  // Arrow keys move through the hits; Enter opens the meeting that raised the chosen action.
  const options = palette.getByRole('option');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/#\/meetings\/[A-Za-z0-9_-]+$/);
});
