import type { Page } from '@playwright/test';
import type { MeetingPlanFields } from '../../shared/domain/meetings';
import { allText, readDocx } from '../fixtures/document-readers';
import { createHostingSla } from './agreements';
import { call, expect, keepDocument, test, type WorkbookFixture } from './fixtures';

/**
 * Issues 13 and 18 as a new user tries them: the locale setting drives the meeting page and the Word
 * documents alike; a comment being typed on the review pack survives leaving the page and a renderer crash,
 * and finalising names it; a cadence that makes no sense is refused with a message and changes nothing.
 */
test.describe.configure({ timeout: 180_000 });

async function retail(workbook: WorkbookFixture) {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: {
      name: 'Retail',
      kind: 'division',
      itContact: '',
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
      title: '',
      email: '',
      phone: '',
      notes: '',
      itContact: '',
    },
  });
  return { unit, customer };
}

const plan = (over: Partial<MeetingPlanFields>): MeetingPlanFields => ({
  kind: 'periodic',
  templateId: 'builtin-periodic',
  date: '2026-12-09',
  time: '14:00',
  location: '',
  periodStart: null,
  periodEnd: null,
  trigger: '',
  chair: '',
  minuteTaker: '',
  invitees: [],
  ...over,
});

/** Exports from the meeting page's Export menu and reads the Word file back with python-docx. */
async function exportFromMenu(page: Page, workbook: WorkbookFixture, item: string) {
  const before = new Set(await listDocx(workbook));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await download;
  const file = (await listDocx(workbook)).find((f) => !before.has(f))!;
  keepDocument(file);
  return readDocx([file])[file]!;
}

async function listDocx(workbook: WorkbookFixture): Promise<string[]> {
  const fs = await import('node:fs');
  const path = await import('node:path');
  if (!fs.existsSync(workbook.host.exportsDir)) return [];
  return fs
    .readdirSync(workbook.host.exportsDir)
    .filter((f) => f.endsWith('.docx'))
    .map((f) => path.join(workbook.host.exportsDir, f));
}

test('with the locale set to de-DE the meeting page and the Word minutes and pre-read say "9. Dezember 2026"', async ({
  page,
  workbook,
}) => {
  const { unit } = await retail(workbook);
  const meeting = await call(workbook, 'planMeeting', { unitId: unit.id, fields: plan({}) });

  await workbook.open('/settings');
  await page.getByLabel('Date format locale').fill('de-DE');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(async () => (await call(workbook, 'getSettings', {})).locale).toBe('de-DE');

  await page.goto(`${workbook.host.url}#/meetings/${meeting.id}`);
  const main = page.getByRole('main');
  await expect(main).toContainText('9. Dezember 2026');
  await expect(main).not.toContainText('9 Dec 2026');
  await expect(main).not.toContainText('December');

  const minutes = await exportFromMenu(page, workbook, 'Minutes (Word)');
  expect(minutes.language).toBe('de-DE');
  expect(allText(minutes)).toContain('9. Dezember 2026');
  const agenda = await exportFromMenu(page, workbook, 'Agenda pre-read (Word)');
  expect(agenda.language).toBe('de-DE');
  expect(allText(agenda)).toContain('9. Dezember 2026');
});

/** The texts of the form drafts in the page's journal (IndexedDB), as the app wrote them. */
const draftTexts = (page: Page) =>
  page.evaluate<string[]>(`new Promise((resolve) => {
    const open = indexedDB.open('brm-workbook-form-drafts');
    open.onsuccess = () => {
      const all = open.result.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => resolve(all.result.flatMap((d) => Object.values(d.values)));
      all.onerror = () => resolve([]);
    };
    open.onerror = () => resolve([]);
  })`);

test('a pack comment being typed survives leaving the page and a renderer crash, and finalising names it', async ({
  page,
  context,
  workbook,
}) => {
  const { unit } = await retail(workbook);
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: plan({ date: '2026-11-05' }),
  });
  const { handlers } = workbook.host.workbook;
  // The main process does not take the comment: only the draft journal has it.
  const setPackComment = handlers.setPackComment;
  handlers.setPackComment = () => {
    throw new Error('Simulated: the comment has not reached the store');
  };
  const typed = 'Availability missed: the storage outage of 12 October';

  await workbook.open(`/meetings/${meeting.id}`);
  const openItem = (p: Page) =>
    p
      .getByRole('navigation', { name: 'Agenda' })
      .getByRole('button', { name: /Service delivery performance against targets/ })
      .click({ timeout: 30_000 });
  await openItem(page);
  const comment = (p: Page) =>
    p
      .getByRole('region', { name: /^Review pack: Service performance/ })
      .getByRole('textbox', { name: 'Your comment' });
  await comment(page).click();
  await page.keyboard.type(typed);
  await expect.poll(() => draftTexts(page)).toContain(typed);

  // Leaving the page for the dashboard and coming back: the comment is there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.goBack();
  await openItem(page);
  await expect(comment(page)).toHaveText(typed);

  // The page goes away at once, as in a renderer crash: no blur, no unload handlers.
  await page.close({ runBeforeUnload: false });
  const later = await context.newPage();
  await later.goto(`${workbook.host.url}#/meetings/${meeting.id}`);
  await openItem(later);
  await expect(comment(later)).toHaveText(typed);

  await later.getByRole('button', { name: 'Finalise minutes' }).click();
  const confirm = later.getByRole('dialog', { name: 'Finalise the minutes?' });
  await expect(confirm.getByRole('list', { name: 'Not saved' })).toContainText(
    'Comment on Service performance',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // Once the store takes it, it is saved and no longer a draft.
  handlers.setPackComment = setPackComment;
  await comment(later).click();
  await later.keyboard.press('End');
  await later.keyboard.type('.');
  await later.getByRole('textbox', { name: 'Minutes' }).click();
  await expect
    .poll(async () => (await call(workbook, 'getReviewPack', { meetingId: meeting.id })).sections[0]?.comment)
    .toBe(`${typed}.`);
});

test('a negative or fractional cadence is refused with a clear message, and the saved cadence stays', async ({
  page,
  workbook,
}) => {
  await workbook.open('/settings');
  const customer = page.getByLabel('Customer (months)');
  await expect(customer).toHaveValue('3');
  await customer.fill('-3');
  await page.getByRole('button', { name: 'Save cadences' }).click();
  await expect(page.getByText('A cadence is at least one month (leave it empty for none).')).toBeVisible();
  await customer.fill('1.5');
  await page.getByRole('button', { name: 'Save cadences' }).click();
  await expect(page.getByText('Enter the cadence as a whole number of months.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Customer (months)')).toHaveValue('3');
  expect((await call(workbook, 'getRoleCadence', {})).customer).toBe(3);
});

test('every date the review pack brings to an annual review follows the locale: no ISO dates on the meeting page', async ({
  page,
  workbook,
}) => {
  const { unit, customer } = await retail(workbook);
  await call(workbook, 'updateSettings', {
    fields: { organisationName: '', brmName: '', locale: 'de-DE', theme: 'system' },
  });
  await createHostingSla(workbook, unit.id, { startDate: '2026-01-01', reviewDate: '2027-01-15' });
  const outcome = await call(workbook, 'saveOutcome', {
    unitId: unit.id,
    id: null,
    fields: {
      outcome: 'Faster order handling',
      measure: 'Order lead time',
      baseline: '10 days',
      baselineDate: '2026-01-01',
      target: '5 days',
      targetDate: '2027-06-30',
      ownerContactId: customer.id,
      projectIds: [],
      requirementIds: [],
    },
  });
  await call(workbook, 'recordOutcomeValue', {
    outcomeId: outcome.id,
    date: '2026-11-02',
    value: '9 days',
    note: '',
  });
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: plan({ kind: 'annual', templateId: 'builtin-annual' }),
  });

  await workbook.open(`/meetings/${meeting.id}`);
  const main = page.getByRole('main');
  await expect(main).toContainText('Business outcomes due or off track', { timeout: 30_000 });
  const seen: string[] = [await main.innerText()];
  // Every agenda item in turn: the pack's parts sit under the items they belong to.
  for (const item of meeting.agenda) {
    await page.getByRole('navigation', { name: 'Agenda' }).getByRole('button', { name: item.title }).click();
    await expect(page.getByRole('heading', { name: new RegExp(`^\\d+\\. ${item.title}$`) })).toBeVisible();
    seen.push(await main.innerText());
  }
  // The parts whose dates were written as ISO, each waited for: the pack is fetched when an item opens.
  await expect(main).toContainText('Target 5 days by 30. Juni 2027 · latest 9 days (2. Nov. 2026)');
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: 'Service level agreements and targets' })
    .click();
  await expect(main).toContainText('Hosting SLA · review 15. Jan. 2027');
  seen.push(await main.innerText());
  expect(seen.join('\n').match(/\b\d{4}-\d{2}-\d{2}\b/g)).toBeNull();
});

test('changes to an action raised in the meeting survive moving between items and a reload, and finalising names them', async ({
  page,
  workbook,
}) => {
  const { unit } = await retail(workbook);
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: plan({ date: '2026-11-05' }),
  });
  const item = meeting.agenda[1]!;
  await call(workbook, 'addAction', {
    meetingId: meeting.id,
    agendaItemId: item.id,
    fields: { title: 'Send the capacity plan', owner: 'Maria Jansen', dueDate: '2026-11-30' },
  });
  const agenda = page.getByRole('navigation', { name: 'Agenda' });
  const openItem = (title: string) => agenda.getByRole('button', { name: title }).click();

  await workbook.open(`/meetings/${meeting.id}`);
  await openItem(item.title);
  await page.getByRole('button', { name: 'Edit action: Send the capacity plan' }).click();
  const actions = page.getByRole('list', { name: 'Actions raised' });
  await actions.getByRole('textbox', { name: 'Action' }).fill('Send the capacity plan to finance');

  // Another item and back: the change is still being made.
  await openItem(meeting.agenda[0]!.title);
  await openItem(item.title);
  await expect(actions.getByRole('textbox', { name: 'Action' })).toHaveValue(
    'Send the capacity plan to finance',
  );

  // A reload (a renderer crash): the same.
  await page.reload();
  await openItem(item.title);
  await expect(actions.getByRole('textbox', { name: 'Action' })).toHaveValue(
    'Send the capacity plan to finance',
  );

  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  const confirm = page.getByRole('dialog', { name: 'Finalise the minutes?' });
  await expect(confirm.getByRole('list', { name: 'Not saved' })).toContainText(
    'Changes to the action “Send the capacity plan”',
  );
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // Saved, it is no longer a draft: finalising has nothing to warn about.
  await actions.getByRole('button', { name: 'Save action' }).click();
  await expect(actions).toContainText('Send the capacity plan to finance');
  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('list', { name: 'Not saved' })).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await openItem(item.title);
  await expect(actions.getByRole('textbox', { name: 'Action' })).toHaveCount(0);
});

test('a meeting dated next week is marked held or finalised only after the BRM confirms the date', async ({
  page,
  workbook,
}) => {
  const { unit } = await retail(workbook);
  const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const meeting = await call(workbook, 'planMeeting', { unitId: unit.id, fields: plan({ date: nextWeek }) });
  await workbook.open(`/meetings/${meeting.id}`);

  await page.getByRole('button', { name: 'Mark as held' }).click();
  const early = page.getByRole('dialog', { name: 'Mark a future meeting as held?' });
  await expect(early).toContainText('after today. Check the date');
  await early.getByRole('button', { name: 'Cancel' }).click();
  expect((await call(workbook, 'getMeeting', { id: meeting.id })).meeting.status).toBe('planned');

  await page.getByRole('button', { name: 'Finalise minutes' }).click();
  const finalise = page.getByRole('dialog', { name: 'Finalise the minutes?' });
  await expect(finalise).toContainText('after today. Check the date');
  await finalise.getByRole('button', { name: 'Cancel' }).click();
  expect((await call(workbook, 'getMeeting', { id: meeting.id })).meeting.status).toBe('planned');
});
