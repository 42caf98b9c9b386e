import fs from 'node:fs';
import path from 'node:path';
import { allText, readDocx } from '../fixtures/document-readers';
import { call, expect, exportedFiles, keepDocument, test } from './fixtures';
import { retailDivision } from './retail-division';

/** Seed 004 from end to end: a Retail division's reviews planned, held, carried on, and their documents. */
test('seed 004: plan, hold, finalise, plan next, update the carried action, export minutes and pre-read in en-GB', async ({
  page,
  workbook,
}) => {
  test.setTimeout(240_000);
  await call(workbook, 'updateSettings', {
    fields: { organisationName: '', brmName: 'Ivo Jansen', brmEmail: '', locale: 'en-GB', theme: 'system' },
  });
  const unit = await retailDivision(workbook, 'Retail');

  // The annual review, planned from the unit's page.
  await workbook.open(`/units/${unit.id}`);
  const section = page.getByRole('region', { name: 'Service review meetings' });
  const planner = page.getByRole('dialog', { name: 'Plan a service review' });
  await section.getByRole('button', { name: 'Plan meeting' }).click();
  await planner.getByLabel('Kind of review').selectOption({ label: 'Annual' });
  await planner.getByLabel('Date').fill('2027-01-12');
  await planner.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Attendance of Carla Mendes' })).toBeVisible();

  // The periodic review, with the key user and the IT stakeholder invited too; held a week ago.
  await workbook.open(`/units/${unit.id}`);
  await section.getByRole('button', { name: 'Plan meeting' }).click();
  await planner.getByLabel('Kind of review').selectOption({ label: 'Periodic' });
  await planner.getByLabel('Date').fill('2026-11-25');
  for (const name of ['Carla Mendes', 'Kees Bakker', 'Tom Visser']) {
    const box = planner.getByRole('checkbox', { name: new RegExp(name) });
    if (!(await box.isChecked())) await box.check();
  }
  await planner.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Attendance of Tom Visser' })).toBeVisible();
  for (const name of ['Carla Mendes', 'Kees Bakker', 'Tom Visser']) {
    await page
      .getByRole('radiogroup', { name: `Attendance of ${name}` })
      .getByLabel('Present')
      .check();
  }

  // Held: minutes, a decision and an action under the first item after the carried actions.
  await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button').nth(1).click();
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.click();
  await page.keyboard.type('Availability 99.8% against a 99.5% target.');
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByRole('textbox', { name: 'New decision' })).toBeFocused();
  await page.keyboard.type('Keep the monthly report format');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Decisions' })).toContainText('Keep the monthly report format');
  await page.keyboard.press('Alt+KeyA');
  await expect(page.getByRole('textbox', { name: 'Action' })).toBeFocused();
  await page.keyboard.type('Send the capacity plan');
  await page.getByLabel('Due date').fill('2026-12-09');
  await page.getByLabel('Owner').fill('Tom Visser');
  await page.getByLabel('Owner').press('Enter');
  await expect(page.getByRole('list', { name: 'Actions raised' })).toContainText('Send the capacity plan');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('All changes saved');
  const heldUrl = page.url();

  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Finalise minutes' }).click();
  await expect(page.getByText('These minutes are finalised and read-only.')).toBeVisible();

  // Plan next meeting…: a dialog with a proposed date, confirmed as it is.
  await page.getByRole('button', { name: 'Plan next meeting…' }).click();
  const next = page.getByRole('dialog', { name: 'Plan the next meeting' });
  await expect(next.getByLabel('Date')).not.toHaveValue('');
  await next.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(next).toBeHidden();
  await expect(page.getByRole('link', { name: 'Previous meeting' })).toBeVisible();

  // The carried action gets its update in the next meeting.
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: /Actions from previous meetings/ })
    .click();
  const card = page.getByRole('list', { name: 'Carried actions' }).getByRole('listitem', {
    name: 'Send the capacity plan',
  });
  await card.getByLabel('New status').selectOption({ label: 'In progress' });
  await card.getByLabel('Update', { exact: true }).fill('Draft sent to finance for review');
  await card.getByRole('button', { name: 'Record update' }).click();
  await expect(card.getByRole('status')).toContainText('Draft sent to finance for review');

  const exportAs = async (menu: string) => {
    const exported = () => exportedFiles(workbook);
    const before = new Set(exported());
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: menu }).click();
    await download;
    const added = fs
      .readdirSync(workbook.host.exportsDir)
      .filter((f) => f.endsWith('.docx') && !before.has(f));
    expect(added).toHaveLength(1);
    return keepDocument(path.join(workbook.host.exportsDir, added[0]!));
  };
  const preRead = await exportAs('Agenda pre-read (Word)');
  await page.goto(heldUrl);
  await expect(page.getByText('These minutes are finalised and read-only.')).toBeVisible();
  const minutesFile = await exportAs('Minutes (Word)');

  const docs = readDocx([minutesFile, preRead]);
  const minutesDoc = docs[minutesFile]!;
  const minutesText = allText(minutesDoc);
  // British dates: day before month, long in the heading and the next meeting, short for the due date.
  expect(minutesText).toContain('Minutes of the meeting of Wednesday, 25 November 2026');
  expect(minutesText).toMatch(/The next meeting is planned for \w+day, \d{1,2} (December|January) 202[67]\./);
  expect(minutesText).toContain('Send the capacity plan Tom Visser 9 Dec 2026');
  expect(minutesText).toContain('Keep the monthly report format');
  // The IT stakeholder sits on the IT side of the attendance table.
  const attendance = minutesDoc.tables.find((t) =>
    t.rows.some((r) => r.cells.some((c) => c.includes('Tom Visser'))),
  );
  const tomRow = attendance?.rows.find((r) => r.cells.some((c) => c.includes('Tom Visser')));
  expect(tomRow?.cells.slice(0, 3)).toEqual(['Tom Visser', 'IT', 'IT stakeholder']);
  const carlaRow = attendance?.rows.find((r) => r.cells.some((c) => c.includes('Carla Mendes')));
  expect(carlaRow?.cells.slice(0, 3)).toEqual(['Carla Mendes', 'Business', 'Customer']);

  const preReadText = allText(docs[preRead]!);
  expect(preReadText).toContain('Send the capacity plan');
  expect(preReadText).toContain('Draft sent to finance for review');
  expect(preReadText).toMatch(/\d{1,2} (December|January) 202[67]/);
});
