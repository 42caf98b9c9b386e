import type { Page } from '@playwright/test';
import { planFields, type PlanFields } from '../unit/workbook-helpers';
import { call, expect, test } from './fixtures';
import { retailDivision } from './retail-division';

/** The forms of the meeting page and the planner: nothing typed vanishes, defaults a BRM expects. */
// Meeting journeys on a busy two-core machine.
test.describe.configure({ timeout: 150_000 });

const agendaItem = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name });

/** A periodic review on 9 December 2026 at 14:00, unless `over` says otherwise. */
const planned = (over: Partial<PlanFields>) => planFields('2026-12-09', { time: '14:00', ...over });

test('an action, a decision and an update being typed survive moving between items, a reload, and finalising warns', async ({
  page,
  workbook,
}) => {
  test.setTimeout(120_000);
  const unit = await retailDivision(workbook);
  const earlier = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: planned({ date: '2026-11-11' }),
  });
  await call(workbook, 'addAction', {
    meetingId: earlier.id,
    agendaItemId: null,
    fields: { title: 'Send the capacity plan', owner: 'Tom Visser', dueDate: '2026-11-25' },
  });
  const meeting = await call(workbook, 'planMeeting', { unitId: unit.id, fields: planned({}) });
  await workbook.open(`/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { name: '1. Actions from previous meetings' })).toBeVisible();

  // An update on the carried action, half typed.
  const card = page.getByRole('list', { name: 'Carried actions' }).getByRole('listitem', {
    name: 'Send the capacity plan',
  });
  await card.getByLabel('New status').selectOption({ label: 'In progress' });
  await card.getByLabel('Update', { exact: true }).fill('Draft sent to finance');

  // Alt+3, then Alt+A: a new action, title and owner typed, and a decision begun.
  await page.keyboard.press('Alt+Digit3');
  await expect(page.getByRole('heading', { name: /^3\. / })).toBeVisible();
  await page.keyboard.press('Alt+KeyA');
  await expect(page.getByRole('textbox', { name: 'Action' })).toBeFocused();
  await page.keyboard.type('Review the incident backlog');
  await page.getByLabel('Owner').fill('Kees Bakker');
  await page.getByRole('textbox', { name: 'New decision' }).fill('Weekly incident call');

  // Owners are offered from every contact of the unit and the IT side, and any name may be typed.
  const offered = await page
    .locator('datalist option')
    .evaluateAll((options) => options.map((o) => o.getAttribute('value')));
  expect(offered).toEqual(
    expect.arrayContaining(['Carla Mendes', 'Piet de Vries', 'Kees Bakker', 'Tom Visser', 'Ivo Jansen']),
  );

  const expectStillFilled = async () => {
    await expect(page.getByRole('heading', { name: /^3\. / })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Action' })).toHaveValue('Review the incident backlog');
    await expect(page.getByLabel('Owner')).toHaveValue('Kees Bakker');
    await expect(page.getByRole('textbox', { name: 'New decision' })).toHaveText('Weekly incident call');
  };
  await page.keyboard.press('Alt+Digit8');
  await expect(page.getByRole('heading', { name: /^8\. / })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Action' })).toHaveValue('');
  await page.keyboard.press('Alt+Digit3');
  await expectStillFilled();

  // The renderer goes away (a crash, a reload): the forms come back from the journal.
  await page.reload();
  await expect(page.getByRole('heading', { name: '1. Actions from previous meetings' })).toBeVisible();
  await expect(card.getByLabel('Update', { exact: true })).toHaveValue('Draft sent to finance');
  await expect(card.getByLabel('New status')).toHaveValue('in-progress');
  await page.keyboard.press('Alt+Digit3');
  await expectStillFilled();

  // Finalising names what is typed but not saved.
  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Finalise the minutes?' });
  const unsaved = confirm.getByRole('list', { name: 'Not saved' });
  await expect(unsaved).toContainText('Update on “Send the capacity plan”');
  await expect(unsaved).toContainText(/New action under 3\./);
  await expect(unsaved).toContainText(/New decision under 3\./);
  await workbook.screenshot('finalise-warns-unsaved');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // Saved forms are no longer drafts: the action is added and the warning names only the rest.
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('list', { name: 'Actions raised' })).toContainText(
    'Review the incident backlog',
  );
  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  await expect(unsaved).not.toContainText('New action');
  await expect(unsaved).toContainText('New decision');
});

test('"Plan next meeting" proposes the series weekday and warns about a meeting a few days away', async ({
  page,
  workbook,
}) => {
  const unit = await retailDivision(workbook);
  // Wed 9 Dec 2026 is the second Wednesday; the annual review is on Tue 12 Jan 2027.
  const december = await call(workbook, 'planMeeting', { unitId: unit.id, fields: planned({}) });
  await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: planned({ kind: 'annual', templateId: 'builtin-annual', date: '2027-01-12' }),
  });
  await workbook.open(`/meetings/${december.id}`);
  const opener = page.getByRole('button', { name: 'Plan next meeting…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Plan the next meeting' });
  await expect(dialog.getByLabel('Date')).toHaveValue('13/01/2027'); // the second Wednesday, not Sat 9 Jan
  await expect(dialog).toContainText('Another meeting of this unit is within 7 days');
  await expect(dialog).toContainText(/Annual service review on Tue,? 12 Jan 2027/);
  await workbook.screenshot('plan-next-meeting');

  // Moving it away from the annual review clears the warning; nothing is planned until confirmed.
  await dialog.getByLabel('Date').fill('2027-01-27');
  await expect(dialog).not.toContainText('Another meeting of this unit');
  await dialog.getByLabel('Time').press('Escape');
  await page
    .getByRole('alertdialog', { name: 'Discard your changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  expect(await call(workbook, 'listMeetings', { unitId: unit.id })).toHaveLength(2);

  await opener.click();
  await dialog.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByText(/Wednesday,? 13 January 2027 at 14:00/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Previous meeting' })).toBeVisible();
});

test('planning ticks who a review is for: customer and purchasers for an annual review, last attendees for a periodic one', async ({
  page,
  workbook,
}) => {
  const unit = await retailDivision(workbook);
  await workbook.open(`/units/${unit.id}`);
  const section = page.getByRole('region', { name: 'Service review meetings' });
  await section.getByRole('button', { name: 'Plan meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan a service review' });
  await dialog.getByLabel('Kind of review').selectOption({ label: 'Annual' });
  for (const name of ['Carla Mendes', 'Piet de Vries', 'Paula Smit']) {
    await expect(dialog.getByRole('checkbox', { name: new RegExp(name) })).toBeChecked();
  }
  await expect(dialog.getByRole('checkbox', { name: /Kees Bakker/ })).not.toBeChecked();
  await dialog.getByLabel('Date').fill('2027-01-12');
  await dialog.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByRole('radiogroup', { name: 'Attendance of Carla Mendes' })).toBeVisible();
  await page.getByRole('radiogroup', { name: 'Attendance of Carla Mendes' }).getByLabel('Present').check();
  await page.getByRole('radiogroup', { name: 'Attendance of Piet de Vries' }).getByLabel('Present').check();
  await page.getByRole('radiogroup', { name: 'Attendance of Paula Smit' }).getByLabel('Absent').check();
  await expect(
    page.getByRole('radiogroup', { name: 'Attendance of Paula Smit' }).getByLabel('Absent'),
  ).toBeChecked();

  await workbook.open(`/units/${unit.id}`);
  await section.getByRole('button', { name: 'Plan meeting' }).click();
  await dialog.getByLabel('Date').fill('2027-02-10');
  await expect(dialog.getByRole('checkbox', { name: /Carla Mendes/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Piet de Vries/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Paula Smit/ })).not.toBeChecked();
});

test('Escape asks before a filled-in dialog is discarded, and focus returns to the opener', async ({
  page,
  workbook,
}) => {
  await workbook.open('/units');
  const opener = page.getByRole('button', { name: 'New business unit' });
  // Untouched: Escape closes at once.
  await opener.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();

  await opener.click();
  await page.getByRole('dialog').getByLabel('Unit name').fill('Retail division');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByRole('dialog').getByLabel('Unit name')).toHaveValue('Retail division');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(opener).toBeFocused();
});

test('agenda items are reordered by keyboard and buttons, kept after a reload; Alt+M on carried actions says where to type', async ({
  page,
  workbook,
}) => {
  const unit = await retailDivision(workbook);
  const meeting = await call(workbook, 'planMeeting', { unitId: unit.id, fields: planned({}) });
  const [first, second, third] = meeting.agenda.map((i) => i.title);
  await workbook.open(`/meetings/${meeting.id}`);
  const nav = page.getByRole('navigation', { name: 'Agenda' });

  await page.keyboard.press('Alt+KeyM');
  await expect(page.getByRole('status').filter({ hasText: 'This item has no minutes box' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Action' })).toBeFocused(); // no carried actions: a new one

  await agendaItem(page, third!).click();
  await page.keyboard.press('Alt+Shift+ArrowUp');
  await expect(nav.getByRole('listitem').nth(2)).toContainText(third!);
  await expect(page.getByRole('heading', { name: `3. ${third}` })).toBeVisible();
  await nav.getByRole('button', { name: `Move up: ${third}` }).click();
  await expect(nav.getByRole('listitem').nth(1)).toContainText(third!);
  // The carried actions stay first.
  await expect(nav.getByRole('button', { name: `Move up: ${third}` })).toBeDisabled();
  await workbook.screenshot('agenda-reordered');

  await page.reload();
  await expect(nav.getByRole('listitem').nth(1)).toContainText(third!);
  await expect(nav.getByRole('listitem').nth(2)).toContainText(first!);
  await expect(nav.getByRole('listitem').nth(3)).toContainText(second!);
  const stored = await call(workbook, 'getMeeting', { id: meeting.id });
  expect(stored.meeting.agenda.slice(0, 3).map((i) => i.title)).toEqual([third, first, second]);
});

test('an agenda item dragged onto another takes its place, and the order is kept after a reload', async ({
  page,
  workbook,
}) => {
  const unit = await retailDivision(workbook);
  const meeting = await call(workbook, 'planMeeting', { unitId: unit.id, fields: planned({}) });
  const [first, second, third] = meeting.agenda.map((i) => i.title);
  await workbook.open(`/meetings/${meeting.id}`);
  const items = page.getByRole('navigation', { name: 'Agenda' }).getByRole('listitem');
  await expect(items.nth(1)).toContainText(first!);

  // Index 0 is "Actions from previous meetings", which stays first; drag the third item onto the first.
  await items.nth(3).dragTo(items.nth(1));
  await expect(items.nth(1)).toContainText(third!);
  await expect(items.nth(2)).toContainText(first!);
  await expect(items.nth(3)).toContainText(second!);

  await page.reload();
  await expect(items.nth(1)).toContainText(third!);
  const stored = await call(workbook, 'getMeeting', { id: meeting.id });
  expect(stored.meeting.agenda.slice(0, 3).map((i) => i.title)).toEqual([third, first, second]);
});

test('at 1366 × 768 every field of the planner fits inside the dialog', async ({ page, workbook }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const unit = await retailDivision(workbook);
  await workbook.open(`/units/${unit.id}`);
  await page
    .getByRole('region', { name: 'Service review meetings' })
    .getByRole('button', { name: 'Plan meeting' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Plan a service review' });
  await expect(dialog.getByLabel('Location or online link')).toBeVisible();
  await workbook.screenshot('plan-meeting-1366');
  // The fields' column ends where the dialog's buttons end.
  const submit = await dialog.getByRole('button', { name: 'Plan meeting' }).boundingBox();
  if (!submit) throw new Error('The planner has no submit button');
  for (const label of [/^Date/, 'Time', 'Location or online link', 'Chair', 'Minute-taker']) {
    const field = await dialog.getByLabel(label).boundingBox();
    expect(field, String(label)).not.toBeNull();
    expect(field!.x + field!.width, `${String(label)} ends inside the dialog`).toBeLessThanOrEqual(
      submit.x + submit.width,
    );
  }
});
