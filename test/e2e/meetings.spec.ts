import type { Page } from '@playwright/test';
import type { Meeting } from '../../shared/domain/meetings';
import { expect, fillField, test } from './fixtures';

async function createUnitWithCustomer(page: Page, unit: string, customer: string) {
  await page.getByRole('button', { name: 'New business unit' }).click();
  await page.getByRole('dialog').getByLabel('Unit name').fill(unit);
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: unit })).toBeVisible();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await fillField(page, 'Name', customer);
  await page.getByRole('dialog').getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

const agendaItem = (page: Page, name: string | RegExp) =>
  page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name });

test('a periodic review from planning to the next meeting, with actions carried and closed', async ({
  page,
  workbook,
}) => {
  // The whole flow of two meetings, as a user would click and type it.
  test.setTimeout(180_000);
  await workbook.open();
  await createUnitWithCustomer(page, 'Retail Banking', 'Maria Jansen');

  // Plan a periodic review from the unit's page.
  const meetingsSection = page.getByRole('region', { name: 'Service review meetings' });
  await meetingsSection.getByRole('button', { name: 'Plan meeting' }).click();
  const plan = page.getByRole('dialog');
  await plan.getByLabel('Date').fill('2026-03-31');
  await expect(plan.getByLabel('Period under review from')).toHaveValue('2026-02-01');
  await expect(plan.getByLabel('Period under review to')).toHaveValue('2026-02-28');
  await plan.getByLabel('Time').fill('10:00');
  await fillField(page, 'Location or online link', 'Head office, room 4.12');
  await plan.getByRole('checkbox', { name: /Maria Jansen/ }).check();
  await plan.getByRole('button', { name: 'Add IT attendee' }).click();
  await fillField(page, 'IT attendee 1 name', 'Sam Lee');
  await plan.getByLabel('IT attendee 1 role').fill('Service level manager');
  await plan.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Periodic service review · Retail Banking' }),
  ).toBeVisible();
  await expect(page.getByText('Tue 31 Mar 2026 at 10:00')).toBeVisible();
  await workbook.screenshot('meeting-planned');

  // Attendance.
  await page.getByRole('radiogroup', { name: 'Attendance of Maria Jansen' }).getByLabel('Present').check();
  await page.getByRole('radiogroup', { name: 'Attendance of Sam Lee' }).getByLabel('Apologies').check();
  await expect(
    page.getByRole('radiogroup', { name: 'Attendance of Sam Lee' }).getByLabel('Apologies'),
  ).toBeChecked();

  // Minutes, a decision and two actions, from the keyboard.
  await agendaItem(page, /Actions from previous meetings/).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(
    page.getByRole('heading', { name: '2. Service delivery performance against targets' }),
  ).toBeVisible();
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await expect(minutes).toBeFocused();
  await page.keyboard.type('Availability 99.8% against a 99.5% target.\nOne major incident on 12 February.');
  await page.keyboard.press('Alt+KeyD');
  await expect(page.getByRole('textbox', { name: 'New decision' })).toBeFocused();
  await page.keyboard.type('Keep the monthly report format');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Decisions' })).toContainText('Keep the monthly report format');
  await expect(minutes).toBeFocused();

  await page.keyboard.press('Alt+KeyA');
  const actionTitle = page.getByRole('textbox', { name: 'Action' });
  await expect(actionTitle).toBeFocused();
  // Bad input: an empty title and a due date before the meeting are refused with clear messages.
  await page.keyboard.press('Enter');
  await expect(page.getByText('An action needs a title.')).toBeVisible();
  await page.keyboard.type('Send the major incident report');
  await page.getByLabel('Due date').fill('2026-03-30');
  await expect(page.getByText('The due date is before the meeting (Tue 31 Mar 2026)')).toBeVisible();
  await page.getByLabel('Due date').fill('2026-04-14');
  await page.getByLabel('Owner').fill('Sam Lee');
  await page.getByLabel('Owner').press('Enter');
  await expect(actionTitle).toHaveValue('');
  await expect(actionTitle).toBeFocused();
  await expect(page.getByLabel('Due date')).toHaveValue('2026-04-14'); // meeting date + 14 days
  await page.keyboard.type('Book a capacity review');
  await page.keyboard.press('Enter');
  const raised = page.getByRole('list', { name: 'Actions raised' });
  await expect(raised).toContainText('Send the major incident report');
  await expect(raised).toContainText('Book a capacity review');
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('All changes saved');
  await workbook.screenshot('meeting-running');

  // Finalise: the minutes become read-only.
  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Finalise minutes' }).click();
  await expect(page.getByText('These minutes are finalised and read-only.')).toBeVisible();
  await expect(minutes).toHaveAttribute('readonly', '');
  await expect(minutes).toHaveValue(/Availability 99.8%/);

  // Plan the next meeting: a month later, both actions carried.
  await page.getByRole('button', { name: 'Plan next meeting' }).click();
  await expect(page.getByText('Thu 30 Apr 2026 at 10:00')).toBeVisible();
  await expect(page.getByText('Period under review: 1 Mar – 31 Mar 2026')).toBeVisible();
  await expect(page.getByRole('heading', { name: '1. Actions from previous meetings' })).toBeVisible();
  const carried = page.getByRole('list', { name: 'Carried actions' });
  await expect(carried.getByRole('listitem')).toHaveCount(2);
  await expect(carried).toContainText('Send the major incident report');
  await expect(carried).toContainText('Book a capacity review');
  await expect(page.getByRole('radiogroup', { name: 'Attendance of Sam Lee' })).toBeVisible();

  // Mark one done, with an update recorded in this meeting.
  const report = carried.getByRole('listitem', { name: 'Send the major incident report' });
  await report.getByLabel('New status').selectOption({ label: 'Done' });
  await report.getByLabel('Update', { exact: true }).fill('Sent to Maria on 20 April');
  await report.getByRole('button', { name: 'Record update' }).click();
  await expect(report.getByRole('status')).toHaveText(
    'Recorded in this meeting: Done — Sent to Maria on 20 April',
  );

  // The register shows the trail: raised in the first meeting, closed in the second.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
  await page.getByLabel('Status').selectOption({ label: 'All statuses' });
  const rows = page.getByRole('list', { name: 'Actions' });
  await expect(rows.getByRole('listitem')).toHaveCount(2);
  await rows.getByRole('button', { name: 'Show trail of Send the major incident report' }).click();
  const trail = page.getByRole('list', { name: 'Trail of Send the major incident report' });
  await expect(trail.getByRole('listitem').nth(0)).toContainText(
    'Raised in Periodic review, Tue 31 Mar 2026',
  );
  await expect(trail.getByRole('listitem').nth(1)).toContainText(
    'Closed in Periodic review, Thu 30 Apr 2026',
  );
  await expect(trail.getByRole('listitem').nth(1)).toContainText('Done — Sent to Maria on 20 April');
  await workbook.screenshot('action-register');

  await page.getByRole('link', { name: 'Periodic review, Tue 31 Mar 2026' }).first().click();
  await expect(page.getByText('Tue 31 Mar 2026 at 10:00')).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Agenda templates' })
    .click();
  await page.getByRole('button', { name: /Periodic service review/ }).click();
  await expect(page.getByRole('textbox', { name: 'Item 1 title' })).toHaveValue(
    'Service delivery performance against targets',
  );
  await workbook.screenshot('agenda-templates');
});

test('minutes typed are there after the page is closed, and recovered when the main process could not save them', async ({
  page,
  context,
  workbook,
}) => {
  test.setTimeout(90_000);
  const { handlers } = workbook.host.workbook;
  const unit = await handlers.createUnit({
    parentId: null,
    fields: {
      name: 'Operations',
      kind: 'division',
      itContact: '',
      plans: '',
      drivers: '',
      plansReviewedOn: null,
    },
  });
  const meeting: Meeting = await handlers.planMeeting({
    unitId: unit.id,
    fields: {
      kind: 'periodic',
      templateId: 'builtin-periodic',
      date: '2026-03-10',
      time: '',
      location: '',
      periodStart: null,
      periodEnd: null,
      trigger: '',
      chair: '',
      minuteTaker: '',
      invitees: [],
    },
  });
  const [first, second] = meeting.agenda;
  const meetingUrl = `${workbook.host.url}#/meetings/${meeting.id}`;
  const storedMinutes = async () =>
    (await handlers.getMeeting({ id: meeting.id })).meeting.agenda.map((i) => i.minutes);

  // Type, and close the page straight away without leaving the field.
  await workbook.open(`/meetings/${meeting.id}`);
  await agendaItem(page, first!.title).click();
  await page.getByRole('textbox', { name: 'Minutes' }).fill('Availability was 99.8% in February.');
  await page.close();
  const reopened = await context.newPage();
  await reopened.goto(meetingUrl);
  await agendaItem(reopened, first!.title).click();
  await expect(reopened.getByRole('textbox', { name: 'Minutes' })).toHaveValue(
    'Availability was 99.8% in February.',
  );

  // Now the main process cannot save (say the disk is full) while minutes are typed, and the page is closed.
  const saveMinutes = handlers.saveMinutes;
  let refused = 0;
  handlers.saveMinutes = () => {
    refused++;
    throw new Error('Simulated disk failure');
  };
  await agendaItem(reopened, second!.title).click();
  const typed = 'Two major incidents in the period.\nThe Major Incident Manager will present the review.';
  await reopened.getByRole('textbox', { name: 'Minutes' }).fill(typed);
  await expect(reopened.getByRole('status', { name: 'Save status' })).toContainText('Not saved yet');
  await reopened.close();
  // Let the save attempted as the page went away reach the (still failing) main process.
  await expect.poll(() => refused).toBeGreaterThan(0);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect((await storedMinutes())[1]).toBe('');

  // The disk has room again; the app is opened: the journal puts the text back and says so.
  handlers.saveMinutes = saveMinutes;
  const later = await context.newPage();
  await later.goto(`${workbook.host.url}#/meetings`);
  await expect(
    later.getByText('Recovered minutes typed before BRM Workbook last closed, in 1 meeting.').first(),
  ).toBeVisible({
    timeout: 20_000,
  });
  await later.getByRole('link', { name: 'Periodic service review' }).click();
  await expect(later.getByText('Recovered minutes', { exact: true })).toBeVisible();
  await expect(later.getByText(`under: ${second!.title}`)).toBeVisible();
  await agendaItem(later, second!.title).click();
  await expect(later.getByRole('textbox', { name: 'Minutes' })).toHaveValue(typed);
  expect(await storedMinutes()).toEqual([
    'Availability was 99.8% in February.',
    typed,
    ...meeting.agenda.slice(2).map(() => ''),
  ]);
});
