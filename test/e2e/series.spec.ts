import fs from 'node:fs';
import path from 'node:path';
import { readMailOrCalendar } from '../fixtures/document-readers';
import type { Page } from '@playwright/test';
import { call, expect, test, type WorkbookFixture } from './fixtures';

interface Ics {
  method: string;
  events: {
    uid: string;
    sequence: number;
    recurrenceId: string | null;
    exdates: string[];
    occurrences: string[] | null;
  }[];
}

/** A unit with two contacts who have an address, and the BRM's address in Settings (the organiser). */
async function unitWithInvitees(workbook: WorkbookFixture) {
  await call(workbook, 'updateSettings', {
    fields: {
      organisationName: 'Northwind',
      brmName: 'Alex Morgan',
      brmEmail: 'alex@northwind.example',
      locale: 'en-GB',
      theme: 'system',
    },
  });
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: {
      name: 'Claims',
      kind: 'division',
      itContact: '',
      plans: '',
      drivers: '',
      plansReviewedOn: null,
    },
  });
  const contacts = [];
  for (const [name, email] of [
    ['Hugo Maes', 'hugo@claims.example'],
    ['Ines Dubois', 'ines@claims.example'],
  ] as const) {
    contacts.push(
      await call(workbook, 'createContact', {
        unitId: unit.id,
        fields: { role: 'purchaser', name, title: '', email, phone: '', notes: '', itContact: '' },
      }),
    );
  }
  return { unit, contacts };
}

/** The .ics files written so far, newest last, read by Python's icalendar. */
function calendars(workbook: WorkbookFixture): Ics[] {
  const dir = workbook.host.exportsDir;
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ics'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .map((file) => readMailOrCalendar<Ics>('ics', file));
}

async function download(page: Page, click: () => Promise<void>) {
  const done = page.waitForEvent('download');
  await click();
  // The browser has the whole file before the test reads it.
  await (await done).path();
}

test('deleting a planned meeting whose invitation went out offers the cancellation in the dialog itself', async ({
  page,
  workbook,
}) => {
  test.slow();
  const { unit, contacts } = await unitWithInvitees(workbook);
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: {
      kind: 'adhoc',
      templateId: null,
      date: '2027-03-10',
      time: '10:00',
      location: 'Room 4.12',
      periodStart: null,
      periodEnd: null,
      trigger: 'A serious complaint about claims handling',
      chair: '',
      minuteTaker: '',
      invitees: contacts.map((c, i) => ({
        id: `invitee0${i}x`,
        contactId: c.id,
        name: c.name,
        side: 'business',
        role: '',
      })),
    },
  });
  await workbook.open(`/meetings/${meeting.id}`);
  await page.getByRole('button', { name: 'Calendar invitation' }).click();
  await download(page, () => page.getByRole('menuitem', { name: 'Invitation (.ics)' }).click());

  await page.getByRole('button', { name: 'Delete meeting…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this planned meeting' });
  const offer = dialog.getByRole('checkbox', { name: /cancellation for the 2 invitees/ });
  await expect(offer).toBeChecked();
  await download(page, () => dialog.getByRole('button', { name: 'Delete meeting' }).click());
  await expect(page).toHaveURL(/#\/meetings$/);

  const [invitation, cancellation] = calendars(workbook);
  expect(invitation!.method).toBe('REQUEST');
  expect(cancellation!.method).toBe('CANCEL');
  expect(cancellation!.events[0]!.uid).toBe(`${meeting.id}@brm-workbook`);
  expect(cancellation!.events[0]!.uid).toBe(invitation!.events[0]!.uid);
  expect(cancellation!.events[0]!.sequence).toBeGreaterThan(invitation!.events[0]!.sequence);
  expect(await call(workbook, 'listMeetings', { unitId: unit.id })).toEqual([]);
});

test('a monthly series planned in the planner reaches calendars as one invitation; a skipped meeting is cancelled and excluded', async ({
  page,
  workbook,
}) => {
  test.slow();
  const { unit } = await unitWithInvitees(workbook);
  await workbook.open(`/units/${unit.id}`);
  await page
    .getByRole('region', { name: 'Service review meetings' })
    .getByRole('button', { name: 'Plan meeting' })
    .click();
  const plan = page.getByRole('dialog');
  await plan.getByLabel('Date').fill('2027-01-13');
  await plan.getByLabel('Time').fill('14:00');
  await plan.getByRole('checkbox', { name: /Hugo Maes/ }).check();
  await plan.getByRole('checkbox', { name: /Ines Dubois/ }).check();
  await plan.getByRole('checkbox', { name: /Repeat as a series/ }).check();
  await expect(plan.getByRole('combobox', { name: 'Repeats' })).toContainText('Monthly on the 2nd Wednesday');
  await plan.getByRole('textbox', { name: 'Number of meetings' }).fill('4');
  await expect(plan.getByRole('status')).toContainText('4 meetings');
  await plan.getByRole('button', { name: 'Plan series' }).click();
  await expect(page.getByLabel('Series', { exact: true })).toContainText(
    'Monthly on the 2nd Wednesday, 4 meetings',
  );
  const planned = await call(workbook, 'listMeetings', { unitId: unit.id });
  expect(planned.map((m) => m.date)).toEqual(['2027-01-13', '2027-02-10', '2027-03-10', '2027-04-14']);

  await page.getByRole('button', { name: 'Calendar invitation' }).click();
  await download(page, () =>
    page.getByRole('menuitem', { name: 'Series invitation, every meeting (.ics)' }).click(),
  );
  const [series] = calendars(workbook);
  expect(series!.events).toHaveLength(1);
  expect(series!.events[0]!.occurrences!.map((o) => o.slice(0, 10))).toEqual(planned.map((m) => m.date));

  // Skip the first meeting: the dialog writes its cancellation (this date only), then deletes it.
  await page.getByRole('button', { name: 'Delete meeting…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Skip this meeting of the series' });
  await download(page, () => dialog.getByRole('button', { name: 'Delete meeting' }).click());
  await expect(page).toHaveURL(new RegExp(`#/meetings/${planned[1]!.id}$`));
  const cancellation = calendars(workbook)[1]!;
  expect(cancellation.method).toBe('CANCEL');
  expect(cancellation.events[0]!.uid).toBe(series!.events[0]!.uid);
  expect(cancellation.events[0]!.recurrenceId!.slice(0, 16)).toBe('2027-01-13T14:00');

  await expect(page.getByLabel('Series', { exact: true })).toContainText('(1 skipped)');
  await page.getByRole('button', { name: 'Calendar invitation' }).click();
  await download(page, () =>
    page.getByRole('menuitem', { name: 'Series invitation, every meeting (.ics)' }).click(),
  );
  const after = calendars(workbook)[2]!.events[0]!;
  expect(after.uid).toBe(series!.events[0]!.uid);
  expect(after.sequence).toBe(1);
  expect(after.exdates.map((d) => d.slice(0, 10))).toEqual(['2027-01-13']);
  expect(after.occurrences!.map((o) => o.slice(0, 10))).toEqual(planned.slice(1).map((m) => m.date));
});
