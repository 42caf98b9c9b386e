import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { allText, collapse, readDocx } from '../fixtures/document-readers';
import { contactFields, unitFields } from '../unit/workbook-helpers';
import { call, expect, exportedFiles, fillField, keepDocument, test, type WorkbookFixture } from './fixtures';

async function seedRetail(workbook: WorkbookFixture) {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: { ...unitFields('Retail Banking'), itContact: 'Bram Visser' },
  });
  const customer = await call(workbook, 'createContact', {
    unitId: unit.id,
    fields: {
      ...contactFields('Maria Jansen', 'customer'),
      title: 'Director Retail',
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

const BAD_OCTOBER = [
  'Service;KPI;Period;Actual;Comment',
  'Online banking;Availability;2026-10;98,9;Storage outage on the 12th',
  'Online banking;P1 resolution time;2026-10;seven;',
  'Payroll;Availability;2026-10;99;',
].join('\n');
const OCTOBER = [
  'Service;KPI;Period;Actual;Comment',
  'Online banking;Availability;2026-10;98,9;Storage outage on the 12th',
  'Online banking;P1 resolution time;2026-10;7;',
  'Service desk;Calls answered in 30 s;Oct 2026;86 %;',
].join('\n');

test('a month of service results imported from CSV is on the next periodic review and in its minutes', async ({
  page,
  workbook,
}) => {
  test.setTimeout(180_000);
  const { unit } = await seedRetail(workbook);
  await workbook.open();

  // Import October from the service-management tool's CSV: a bad file is refused row by row.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review pack' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review pack' })).toBeVisible();
  await page.getByRole('button', { name: 'Import from CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import service results' });
  await dialog.getByLabel('CSV file').setInputFiles(csvFile('october.csv', BAD_OCTOBER));
  await expect(dialog).toContainText(
    '2 rows cannot be imported. Nothing will be imported until the file is corrected.',
  );
  await expect(dialog).toContainText('Row 3: "seven" is not a number.');
  await expect(dialog).toContainText(
    'Row 4: no agreement of this unit has the service level "Payroll / Availability".',
  );
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await workbook.screenshot('review-pack-import-errors');

  // The corrected file: the columns it mapped and every row, judged, before anything is stored.
  await dialog.getByLabel('CSV file').setInputFiles(csvFile('october.csv', OCTOBER));
  await expect(dialog.getByLabel('Achieved value')).toHaveValue('Actual');
  await expect(dialog.getByLabel('Service level (metric)')).toHaveValue('KPI');
  const preview = dialog.getByRole('table', { name: 'Rows to import' });
  await expect(preview.getByRole('row')).toHaveCount(4);
  await expect(preview.getByRole('row', { name: /Availability/ })).toContainText('98.9 %');
  await expect(preview.getByRole('row', { name: /Availability/ })).toContainText('Missed');
  await workbook.screenshot('review-pack-import-preview');
  await dialog.getByRole('button', { name: 'Import 3 results' }).click();
  await expect(dialog).toBeHidden();
  const performance = page.getByRole('table', { name: 'Service performance: Retail SLA 2026' });
  await expect(performance.getByRole('row', { name: /Availability/ })).toContainText('98.9 %Missed');
  await expect(performance.getByRole('row', { name: /P1 resolution time/ })).toContainText('7 hMet');
  await workbook.screenshot('review-pack-performance');

  // Plan the November review of October from the unit's page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Business units' }).click();
  await page.getByRole('tree', { name: 'Business units' }).getByText('Retail Banking').click();
  await page
    .getByRole('region', { name: 'Service review meetings' })
    .getByRole('button', { name: 'Plan meeting' })
    .click();
  const plan = page.getByRole('dialog');
  await plan.getByLabel('Date').fill('2026-11-05');
  await expect(plan.getByLabel('Period under review from')).toHaveValue('01/10/2026');
  await expect(plan.getByLabel('Period under review to')).toHaveValue('31/10/2026');
  await plan.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Periodic service review · Retail Banking' }),
  ).toBeVisible();

  // On the agenda: October's performance under its item, read-only, with room for the BRM's comment.
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: /Service delivery performance against targets/ })
    .click();
  const pack = page.getByRole('region', { name: 'Review pack: Service performance against targets' });
  await expect(pack).toContainText('2 met, 1 missed');
  await expect(pack.getByRole('row', { name: /Availability/ })).toContainText('98.9 %Missed');
  await expect(pack.getByRole('row', { name: /Availability/ })).toContainText('≥ 99.5 %');
  const comment = pack.getByRole('textbox', { name: 'Your comment' });
  await comment.fill('Availability missed: the storage outage of 12 October. The fix is in place.');
  await page.getByRole('textbox', { name: 'Minutes' }).click();
  await workbook.screenshot('review-pack-on-agenda');
  await expect
    .poll(
      async () =>
        (await call(workbook, 'getReviewPack', { meetingId: meetingIdOf(page) })).sections[0]?.comment,
    )
    .toContain('storage outage');

  // In the exported minutes: the same table, met and missed, and the comment.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Minutes (Word)' }).click();
  await download;
  const [name] = fs.readdirSync(workbook.host.exportsDir).filter((f) => f.endsWith('.docx'));
  expect(name).toBe('2026-11-05 Retail Banking periodic review draft minutes.docx');
  const file = keepDocument(path.join(workbook.host.exportsDir, name!));
  const docx = readDocx([file])[file]!;
  const table = docx.tables.find((t) => t.rows[0]?.cells[0] === 'Service level');
  expect(table?.rows.map((r) => r.cells.map(collapse))).toEqual([
    ['Service level', 'Target', 'Oct 2026'],
    ['Online banking — Availability', '≥ 99.5 %', '98.9 % Missed'],
    ['Online banking — P1 resolution time', '≤ 8 h', '7 h Met'],
    ['Service desk — Calls answered in 30 s', '≥ 85 %', '86 % Met'],
  ]);
  expect(collapse(allText(docx))).toContain(
    'Availability missed: the storage outage of 12 October. The fix is in place.',
  );
  expect(unit.name).toBe('Retail Banking');
});

/** The meeting open in the page, from its address (#/meetings/<id>). */
const meetingIdOf = (page: Page): string =>
  decodeURIComponent(page.url().split('/meetings/')[1]?.split(/[?#]/)[0] ?? '');

test('projects, requirements, incidents and watch notes are kept, and the reports export', async ({
  page,
  workbook,
}) => {
  test.setTimeout(180_000);
  const { unit } = await seedRetail(workbook);
  await openPack(page, workbook, unit.id, 'projects');

  await page.getByRole('button', { name: 'Add project' }).click();
  await fillField(page, 'Project name', 'Branch tablets');
  await page.getByRole('dialog').getByLabel('Planned end').fill('2026-12-31');
  await page.getByRole('dialog').getByLabel('Forecast end').fill('2027-02-15');
  // A RAG status needs its reason.
  await page.getByRole('dialog').getByRole('button', { name: 'Add project' }).click();
  await expect(page.getByRole('dialog')).toContainText('Say why the project has this status.');
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
  const requirements = page.getByRole('table', { name: 'Requirements and proposals' });
  await requirements
    .getByRole('row', { name: /Self-service password reset/ })
    .getByRole('button', { name: 'Change status' })
    .click();
  await page.getByRole('dialog').getByLabel('New status').selectOption({ label: 'Delivered' });
  await page.getByRole('dialog').getByRole('button', { name: 'Record status' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  // Delivered ones leave the open list; the proposal stays, raised by the BRM.
  await expect(requirements).not.toContainText('Self-service password reset');
  await expect(requirements.getByRole('row', { name: /Passkeys for branch staff/ })).toContainText('BRM');
  await workbook.screenshot('review-pack-requirements');

  await page.getByRole('tab', { name: 'Major incidents' }).click();
  await page.getByRole('button', { name: 'Record major incident' }).click();
  await page.getByRole('dialog').getByLabel('Date').fill('2026-10-12');
  await fillField(page, 'Service', 'Online banking');
  await fillField(page, 'Incident', 'Storage outage');
  await fillField(page, 'Impact on the business', 'Customers could not log in for 4 hours.');
  await page.getByRole('dialog').getByRole('button', { name: 'Record incident' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Technology watch' })
    .click();
  await page.getByRole('button', { name: 'Add note' }).click();
  await fillField(page, 'Title', 'Passkeys instead of passwords');
  await fillField(page, 'What it could do for the business', 'Fewer password resets at the branches.');
  await fillField(page, 'Link', 'https://example.com/passkeys');
  await page.getByRole('dialog').getByRole('checkbox', { name: 'Retail Banking' }).check();
  await page.getByRole('dialog').getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await workbook.screenshot('review-pack-watch');

  // Everything is still there after quitting and reopening.
  await workbook.restart();
  await openPack(page, workbook, unit.id, 'projects');
  const project = page.getByRole('article', { name: 'Project Branch tablets' });
  await expect(
    project.getByRole('table', { name: 'RAG history of Branch tablets' }).getByRole('row'),
  ).toHaveCount(3);
  await expect(project).toContainText('Budget overrun of 20 %.');
  await expect(project).toContainText('46 days late');
  await page.getByRole('tab', { name: 'Major incidents' }).click();
  await expect(page.getByRole('table', { name: 'Major incidents' })).toContainText('Storage outage');
  await page.getByRole('tab', { name: 'Requirements and proposals' }).click();
  await page.getByRole('switch', { name: /Show delivered and closed/ }).check();
  await expect(page.getByRole('table', { name: 'Requirements and proposals' })).toContainText('Delivered');
  await workbook.open('/technology-watch');
  await expect(page.getByRole('article', { name: 'Note Passkeys instead of passwords' })).toContainText(
    'Retail Banking',
  );

  // The unit's page shows the pack at a glance.
  await workbook.open(`/units/${unit.id}`);
  const glance = page.getByRole('region', { name: 'Review pack' });
  await expect(glance).toContainText('1 project');
  await expect(glance).toContainText('1 open');
  await glance.scrollIntoViewIfNeeded();
  await workbook.screenshot('review-pack-unit-page');

  // Reports: the customer structure in Word, the projects as CSV.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page
    .getByRole('article', { name: 'Customer structure' })
    .getByRole('button', { name: 'Export to Word' })
    .click();
  await page
    .getByRole('region', { name: 'Registers as CSV' })
    .getByRole('button', { name: 'Projects' })
    .click();
  await workbook.screenshot('review-pack-reports');
  await expect
    .poll(() => exportedFiles(workbook))
    .toEqual([
      expect.stringMatching(/ All units projects\.csv$/),
      expect.stringMatching(/ Customer structure\.docx$/),
    ]);
  const csv = fs.readFileSync(
    path.join(
      workbook.host.exportsDir,
      fs.readdirSync(workbook.host.exportsDir).find((f) => f.endsWith('.csv'))!,
    ),
    'utf8',
  );
  expect(csv).toContain('Retail Banking,Branch tablets,Maria Jansen,Initiation,Red');
  const report = fs.readdirSync(workbook.host.exportsDir).find((f) => f.endsWith('.docx'))!;
  keepDocument(path.join(workbook.host.exportsDir, report));
});
