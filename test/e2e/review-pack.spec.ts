import type { Page } from '@playwright/test';
import type { ArgOf, MethodName, ResultOf } from '../../shared/contract';
import { expect, fillField, test, type WorkbookFixture } from './fixtures';

/** Sets up what the review pack builds on (units, agreements) straight through the service layer. */
async function call<K extends MethodName>(
  workbook: WorkbookFixture,
  method: K,
  arg: ArgOf<K>,
): Promise<ResultOf<K>> {
  const sender = { url: `${workbook.host.origin}/`, isMainFrame: true };
  const result = await workbook.host.workbook.dispatch(sender, method, arg);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ResultOf<K>;
}

async function seedRetail(workbook: WorkbookFixture) {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: {
      name: 'Retail Banking',
      kind: 'division',
      itContact: 'Bram Visser',
      plans: '',
      drivers: '',
      plansReviewedOn: null,
    },
  });
  const customer = await call(workbook, 'createContact', {
    unitId: unit.id,
    fields: {
      role: 'customer',
      name: 'Maria Jansen',
      title: 'Director Retail',
      email: '',
      phone: '',
      notes: '',
      itContact: 'Bram Visser',
    },
  });
  await call(workbook, 'createAgreement', {
    unitId: unit.id,
    fields: {
      type: 'sla',
      title: 'Retail SLA 2026',
      services: [
        {
          id: 'service-online',
          name: 'Online banking',
          levels: [
            {
              id: 'level-availability',
              metric: 'Availability',
              target: 99.5,
              unit: '%',
              direction: 'at-least',
            },
            { id: 'level-p1', metric: 'P1 resolution time', target: 8, unit: 'h', direction: 'at-most' },
          ],
        },
        {
          id: 'service-desk',
          name: 'Service desk',
          levels: [
            {
              id: 'level-answer',
              metric: 'Calls answered in 30 s',
              target: 85,
              unit: '%',
              direction: 'at-least',
            },
          ],
        },
      ],
      financing: { amount: 250000, currency: 'EUR', period: 'yearly', costCentre: 'RB-100' },
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      reviewDate: '2026-12-01',
      status: 'active',
      customerContactId: customer.id,
      itSignatories: ['Bram Visser'],
      complaintDefinition: '',
      reference: '',
    },
  });
  return { unit, customer };
}

export const csvFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text, 'utf8'),
});

async function openPack(page: Page, workbook: WorkbookFixture, unitId: string, tab = 'performance') {
  await workbook.open(`/review-pack/${unitId}?tab=${tab}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Review pack' })).toBeVisible();
}

test('views for screenshots', async ({ page, workbook }) => {
  test.setTimeout(180_000);
  const { unit } = await seedRetail(workbook);
  for (const [month, a, p, d] of [
    ['2026-05', 99.9, 6, 88],
    ['2026-06', 99.7, 7.5, 86],
    ['2026-07', 99.2, 9, 84],
    ['2026-08', 99.8, 5, 87],
    ['2026-09', 99.9, 6.5, 90],
  ] as const) {
    await call(workbook, 'importServiceResults', {
      unitId: unit.id,
      csv: `Service,Metric,Month,Achieved\nOnline banking,Availability,${month},${a}\nOnline banking,P1 resolution time,${month},${p}\nService desk,Calls answered in 30 s,${month},${d}\n`,
      mapping: {},
    });
  }
  await openPack(page, workbook, unit.id);
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile(
        'october.csv',
        'Service;KPI;Period;Actual;Comment\nOnline banking;Availability;2026-10;98,9;Storage outage\nOnline banking;P1 resolution time;2026-10;x;\nPayroll;Availability;2026-10;99;\n',
      ),
    );
  await expect(page.getByRole('dialog')).toContainText('Row 3: "x" is not a number.');
  await workbook.screenshot('review-pack-import-errors');
  await page
    .getByLabel('CSV file')
    .setInputFiles(
      csvFile(
        'october.csv',
        'Service;KPI;Period;Actual;Comment\nOnline banking;Availability;2026-10;98,9;Storage outage\nOnline banking;P1 resolution time;2026-10;7;\nService desk;Calls answered in 30 s;Oct 2026;86 %;\n',
      ),
    );
  await expect(page.getByRole('button', { name: 'Import 3 results' })).toBeEnabled();
  await workbook.screenshot('review-pack-import-preview');
  await page.getByRole('button', { name: 'Import 3 results' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('review-pack-performance');

  await page.getByRole('tab', { name: 'Projects' }).click();
  await page.getByRole('button', { name: 'Add project' }).click();
  await fillField(page, 'Project name', 'Branch tablets');
  await page.getByRole('dialog').getByLabel('Planned end').fill('2026-12-31');
  await page.getByRole('dialog').getByLabel('Forecast end').fill('2027-02-15');
  await page.getByRole('dialog').getByLabel('RAG status').selectOption('amber');
  await page
    .getByRole('dialog')
    .getByLabel('Why this status')
    .fill('Supplier delivers the tablets six weeks late.');
  await page.getByRole('dialog').getByRole('button', { name: 'Add project' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Update RAG' }).click();
  await page.getByRole('dialog').getByLabel('RAG status').selectOption('red');
  await page.getByRole('dialog').getByLabel('Why this status').fill('Budget overrun of 20 %.');
  await page.getByRole('dialog').getByRole('button', { name: 'Record RAG' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('review-pack-projects');

  await page.getByRole('tab', { name: 'Requirements and proposals' }).click();
  await page.getByRole('button', { name: 'Record requirement' }).click();
  await fillField(page, 'Title', 'Self-service password reset');
  await page
    .getByRole('dialog')
    .getByLabel('Raised by', { exact: true })
    .selectOption({ label: 'Maria Jansen (Director Retail)' });
  await page.getByRole('dialog').getByRole('button', { name: 'Add requirement' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Propose improvement' }).click();
  await fillField(page, 'Title', 'Passkeys for branch staff');
  await page.getByRole('dialog').getByLabel('A purchaser can order it').check();
  await page.getByRole('dialog').getByRole('button', { name: 'Add proposal' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('button', { name: 'Change status' }).first().click();
  await workbook.screenshot('review-pack-requirement-status');
  await page.getByRole('dialog').getByRole('button', { name: 'Record status' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('review-pack-requirements');

  await page.getByRole('tab', { name: 'Major incidents' }).click();
  await page.getByRole('button', { name: 'Record major incident' }).click();
  await page.getByRole('dialog').getByLabel('Date').fill('2026-10-12');
  await fillField(page, 'Service', 'Online banking');
  await fillField(page, 'Incident', 'Storage outage');
  await fillField(page, 'Impact on the business', 'Customers could not log in for 4 hours.');
  await page.getByRole('dialog').getByRole('button', { name: 'Record incident' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('review-pack-incidents');

  await workbook.open('/technology-watch');
  await page.getByRole('button', { name: 'Add note' }).click();
  await fillField(page, 'Title', 'Passkeys instead of passwords');
  await fillField(page, 'What it could do for the business', 'Fewer password resets at the branches.');
  await fillField(page, 'Link', 'https://example.com/passkeys');
  await page.getByRole('dialog').getByRole('checkbox', { name: 'Retail Banking' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('review-pack-watch');
});
