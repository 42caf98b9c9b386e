import type { Page } from '@playwright/test';
import type { Meeting, MeetingPlanFields } from '../../shared/domain/meetings';
import { addDays, format } from 'date-fns';
import { planFields, unitFields } from '../unit/workbook-helpers';
import { call, expect, fillField, test, type WorkbookFixture } from './fixtures';

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

/** A unit and a meeting planned for it through the service, for journeys that start in the meeting. */
async function unitWithPlannedMeeting(
  workbook: WorkbookFixture,
  unitName: string,
  plan: Pick<MeetingPlanFields, 'kind' | 'templateId' | 'date' | 'periodStart' | 'periodEnd' | 'trigger'>,
) {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: unitFields(unitName),
  });
  return call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: { ...plan, time: '', location: '', chair: '', minuteTaker: '', invitees: [] },
  });
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
  await expect(plan.getByLabel('Period under review from')).toHaveValue('01/02/2026');
  await expect(plan.getByLabel('Period under review to')).toHaveValue('28/02/2026');
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
  await expect(page.getByText(/Tuesday,? 31 March 2026 at 10:00/)).toBeVisible();
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
  await expect(page.getByText('The due date is before the meeting (Tue, 31 Mar 2026)')).toBeVisible();
  await page.getByLabel('Due date').fill('2026-04-14');
  await page.getByLabel('Owner').fill('Sam Lee');
  await page.getByLabel('Owner').press('Enter');
  await expect(actionTitle).toHaveValue('');
  await expect(actionTitle).toBeFocused();
  await expect(page.getByLabel('Due date')).toHaveValue('14/04/2026'); // meeting date + 14 days
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
  await expect(minutes).toHaveAttribute('aria-readonly', 'true');
  await expect(minutes).toHaveAttribute('contenteditable', 'false');
  await expect(minutes).toHaveText(/Availability 99.8%/);

  // Plan the next meeting: the planner proposes the same weekday pattern (31 March, a fifth Tuesday: April's
  // last Tuesday) and invites who was present; both actions are carried.
  await page.getByRole('button', { name: 'Plan next meeting…' }).click();
  const next = page.getByRole('dialog', { name: 'Plan the next meeting' });
  await expect(next.getByLabel('Date')).toHaveValue('28/04/2026');
  await expect(next.getByLabel('Period under review from')).toHaveValue('01/03/2026');
  await expect(next.getByRole('checkbox', { name: /Maria Jansen/ })).toBeChecked();
  await expect(next.getByRole('textbox', { name: 'IT attendee 1 name' })).toHaveCount(0); // sent apologies
  await next.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByText(/Tuesday,? 28 April 2026 at 10:00/)).toBeVisible();
  await expect(page.getByText('Period under review: 1 Mar 2026 – 31 Mar 2026')).toBeVisible();
  // Just planned: the first item's minutes have the focus, ready to type.
  await expect(
    page.getByRole('heading', { name: '2. Service delivery performance against targets' }),
  ).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Minutes' })).toBeFocused();
  await agendaItem(page, /Actions from previous meetings/).click();
  await expect(page.getByRole('heading', { name: '1. Actions from previous meetings' })).toBeVisible();
  const carried = page.getByRole('list', { name: 'Carried actions' });
  await expect(carried.getByRole('listitem')).toHaveCount(2);
  await expect(carried).toContainText('Send the major incident report');
  await expect(carried).toContainText('Book a capacity review');
  await expect(page.getByRole('radiogroup', { name: 'Attendance of Maria Jansen' })).toBeVisible();

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
  // Exact: until the register has replaced the meeting page, its "New status" selects match too.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'All statuses' });
  const rows = page.getByRole('list', { name: 'Actions' });
  await expect(rows.getByRole('listitem')).toHaveCount(2);
  await rows.getByRole('button', { name: 'Show trail of Send the major incident report' }).click();
  const trail = page.getByRole('list', { name: 'Trail of Send the major incident report' });
  await expect(trail.getByRole('listitem').nth(0)).toContainText(
    'Raised in Periodic review, Tue, 31 Mar 2026',
  );
  await expect(trail.getByRole('listitem').nth(1)).toContainText(
    'Closed in Periodic review, Tue, 28 Apr 2026',
  );
  await expect(trail.getByRole('listitem').nth(1)).toContainText('Done — Sent to Maria on 20 April');
  await workbook.screenshot('action-register');

  await page.getByRole('link', { name: 'Periodic review, Tue, 31 Mar 2026' }).first().click();
  await expect(page.getByText(/Tuesday,? 31 March 2026 at 10:00/)).toBeVisible();

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
    fields: unitFields('Operations'),
  });
  const meeting: Meeting = await handlers.planMeeting({
    unitId: unit.id,
    fields: planFields('2026-03-10'),
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
  await expect(reopened.getByRole('textbox', { name: 'Minutes' })).toHaveText(
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
  // The editor shows each line as its own paragraph: compare line by line.
  for (const line of typed.split('\n')) {
    await expect(later.getByRole('textbox', { name: 'Minutes' })).toContainText(line);
  }
  expect(await storedMinutes()).toEqual([
    'Availability was 99.8% in February.',
    typed,
    ...meeting.agenda.slice(2).map(() => ''),
  ]);
});

test('a long action register is fetched as it scrolls: the last action is reached both ways', async ({
  page,
  workbook,
}) => {
  test.setTimeout(120_000);
  const meeting = await unitWithPlannedMeeting(workbook, 'Operations', {
    kind: 'periodic',
    templateId: 'builtin-periodic',
    date: '2026-01-15',
    periodStart: '2025-12-01',
    periodEnd: '2025-12-31',
    trigger: '',
  });
  // More actions than three pages of the register, due one day apart (zero-padded titles sort as due).
  const COUNT = 450;
  for (let n = 1; n <= COUNT; n++) {
    await call(workbook, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: null,
      fields: {
        title: `Follow-up ${String(n).padStart(3, '0')}`,
        owner: 'Kim Berg',
        dueDate: format(addDays(new Date(2026, 0, 16), n), 'yyyy-MM-dd'),
      },
    });
  }
  await workbook.open('/actions');
  await expect(page.getByRole('status').filter({ hasText: 'actions' })).toHaveText(
    `${COUNT} of ${COUNT} actions`,
  );
  const list = page.getByRole('list', { name: 'Actions' });
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName('Follow-up 001');

  // To the end of the list: its page is fetched when it comes into view.
  await list.evaluate((element) => element.parentElement!.scrollTo({ top: element.scrollHeight }));
  await expect(list.getByRole('listitem', { name: `Follow-up ${COUNT}` })).toBeVisible();

  await page.getByRole('combobox', { name: 'Due date' }).selectOption({ label: 'Latest due first' });
  await expect(list.getByRole('listitem').first()).toHaveAccessibleName(`Follow-up ${COUNT}`);
  await list.getByRole('button', { name: `Show trail of Follow-up ${COUNT}` }).click();
  await expect(page.getByRole('complementary', { name: 'Action trail' })).toContainText('Raised in');
});

test('an agenda item is added to one meeting and an empty one removed; the template keeps its items', async ({
  page,
  workbook,
}) => {
  test.setTimeout(120_000);
  const meeting = await unitWithPlannedMeeting(workbook, 'Treasury', {
    kind: 'adhoc',
    templateId: 'builtin-adhoc',
    date: '2026-12-02',
    periodStart: null,
    periodEnd: null,
    trigger: 'Payment run failed twice',
  });
  await workbook.open(`/meetings/${meeting.id}`);
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  // The template's items plus "Actions from previous meetings", once the agenda has rendered.
  const before = meeting.agenda.length + 1;
  await expect(agenda.getByRole('listitem')).toHaveCount(before);

  // An empty title is refused with a message; the dialog stays open.
  await agenda.getByRole('button', { name: 'Add agenda item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an agenda item' });
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog.getByText('Item title is required.')).toBeVisible();
  await fillField(page, 'Item title', 'Root cause of the failed payment runs');
  await dialog.getByRole('button', { name: 'Add item' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByRole('heading', { name: `${before + 1}. Root cause of the failed payment runs` }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Minutes' }).fill('The bank file was sent twice by the scheduler.');
  // An item with minutes cannot be removed: the button is not offered.
  await expect(page.getByRole('button', { name: 'Remove item' })).toBeHidden();

  // An empty template item is removed from this meeting.
  await agendaItem(page, /^2\./).click();
  const removed = (await page.getByRole('heading', { level: 2, name: /^2\. / }).textContent())!.slice(3);
  await page.getByRole('button', { name: 'Remove item' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove item' }).click();
  await expect(agenda.getByRole('listitem')).toHaveCount(before);
  await expect(agenda).not.toContainText(removed);
  await workbook.screenshot('meeting-agenda-item-added');

  // After a restart: the added item and its minutes are there, the removed one is gone.
  await workbook.restart();
  await workbook.open(`/meetings/${meeting.id}`);
  await agendaItem(page, /Root cause of the failed payment runs/).click();
  await expect(page.getByRole('textbox', { name: 'Minutes' })).toHaveText(
    'The bank file was sent twice by the scheduler.',
  );
  await expect(agenda).not.toContainText(removed);
  const templates = await call(workbook, 'listTemplates', {});
  expect(templates.find((t) => t.id === 'builtin-adhoc')?.items.map((i) => i.title)).toContain(removed);
});
