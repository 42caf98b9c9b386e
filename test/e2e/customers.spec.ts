import { expect, fillField, test } from './fixtures';
import type { Page } from '@playwright/test';

async function createUnit(page: Page, name: string, level: string) {
  await page.getByRole('dialog').getByLabel('Unit name').fill(name);
  await page.getByRole('dialog').getByLabel('Level').selectOption({ label: level });
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function addContact(page: Page, button: string, name: string, email: string) {
  await page.getByRole('button', { name: button }).click();
  await fillField(page, 'Name', name);
  await fillField(page, 'Email', email);
  // The dialog's button: the unit page behind it has an 'Add contact' button too, which a page still
  // rendering may show to assistive technology until the dialog hides it.
  await page.getByRole('dialog').getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

test('a new BRM builds the customer structure and finds it after a restart', async ({ page, workbook }) => {
  await workbook.open();
  await page.getByRole('button', { name: 'New business unit' }).click();
  await createUnit(page, 'Retail Banking', 'Division');
  await addContact(page, 'Add customer', 'Maria Jansen', 'maria.jansen@example.com');

  for (const [dept, purchaser] of [
    ['Mortgages', 'Peter de Vries'],
    ['Savings', 'Anna Bakker'],
  ] as const) {
    await page.getByRole('tree', { name: 'Business units' }).getByText('Retail Banking').click();
    await page.getByRole('button', { name: 'Add sub-unit' }).click();
    await createUnit(page, dept, 'Department');
    await addContact(
      page,
      'Add purchaser',
      purchaser,
      `${purchaser.split(' ')[0]!.toLowerCase()}@example.com`,
    );
  }
  await workbook.screenshot('customers-unit');

  await workbook.restart();
  // The app opens on the dashboard; the customer structure is one step away.
  await workbook.open('/units');
  const tree = page.getByRole('tree', { name: 'Business units' });
  await expect(tree.getByText('Mortgages')).toBeVisible();
  await tree.getByText('Retail Banking').click();
  await expect(page.getByRole('region', { name: 'Customer' })).toContainText('Maria Jansen');
  await tree.getByText('Savings').click();
  await expect(page.getByRole('table', { name: 'Purchasers' })).toContainText('Anna Bakker');
  await tree.getByText('Mortgages').click();
  await expect(page.getByRole('table', { name: 'Purchasers' })).toContainText('Peter de Vries');
});

test('an invalid email shows a message and nothing wrong is saved', async ({ page, workbook }) => {
  await workbook.open();
  await page.getByRole('button', { name: 'New business unit' }).click();
  await createUnit(page, 'Operations', 'Division');
  await page.getByRole('button', { name: 'Add purchaser' }).click();
  await fillField(page, 'Name', 'Jan Smit');
  await fillField(page, 'Email', 'jan.smit-at-example');
  await page.getByRole('button', { name: 'Add contact' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Enter an email address like name@example.com.')).toBeVisible();
  // What was typed stays, and can be corrected.
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Jan Smit');
  await workbook.screenshot('customers-invalid-email');
  await fillField(page, 'Email', 'jan.smit@example.com');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await expect(dialog).toBeHidden();

  await workbook.restart();
  // The app opens on the dashboard; the customer structure is one step away.
  await workbook.open('/units');
  await page.getByRole('tree', { name: 'Business units' }).getByText('Operations').click();
  const purchasers = page.getByRole('table', { name: 'Purchasers' });
  await expect(purchasers).toContainText('jan.smit@example.com');
  await expect(purchasers).not.toContainText('jan.smit-at-example');
});

test('a second customer for the same unit is refused with a clear reason', async ({ page, workbook }) => {
  await workbook.open();
  await page.getByRole('button', { name: 'New business unit' }).click();
  await createUnit(page, 'Finance', 'Division');
  await addContact(page, 'Add customer', 'Sofie Peeters', 'sofie@example.com');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('dialog').getByLabel('Role').selectOption({ label: 'Customer' });
  await fillField(page, 'Name', 'Tom Claes');
  await page.getByRole('dialog').getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('dialog')).toContainText('already has a customer');
  await expect(page.getByRole('dialog').getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(
    'Tom Claes',
  );
});
