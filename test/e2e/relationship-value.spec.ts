import fs from 'node:fs';
import path from 'node:path';
import { addMonths, format, subMonths } from 'date-fns';
import { allText, readDocx } from '../fixtures/document-readers';
import { contactFields, unitFields } from '../unit/workbook-helpers';
import { createHostingSla } from './agreements';
import { call, expect, exportedFiles, keepDocument, test, type WorkbookFixture } from './fixtures';

const HOSTILE = '=HYPERLINK("http://x")<img src=x onerror=alert(1)> & “quotes”';

async function unitWithCustomer(workbook: WorkbookFixture, unitName: string, customer: string) {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: unitFields(unitName),
  });
  const contact = await call(workbook, 'createContact', {
    unitId: unit.id,
    fields: { ...contactFields(customer, 'customer'), title: 'Director', itContact: 'Ivo de Vries' },
  });
  return { unit, contact };
}

/** A meeting on `date` with the contact invited and recorded present. */
async function meetingAttendedBy(
  workbook: WorkbookFixture,
  unitId: string,
  contact: { id: string; name: string },
  date: string,
  kind: 'periodic' | 'annual' = 'periodic',
) {
  const meeting = await call(workbook, 'planMeeting', {
    unitId,
    fields: {
      kind,
      templateId: null,
      date,
      time: '',
      location: '',
      periodStart: null,
      periodEnd: null,
      trigger: '',
      chair: '',
      minuteTaker: '',
      invitees: [
        { id: 'invitee0001', contactId: contact.id, name: contact.name, side: 'business', role: 'Customer' },
      ],
    },
  });
  await call(workbook, 'setAttendance', {
    meetingId: meeting.id,
    attendeeId: meeting.attendees[0]!.id,
    attendance: 'present',
  });
  return meeting;
}

test('an overdue customer is on the dashboard and suggested when planning the next meeting', async ({
  page,
  workbook,
}) => {
  test.setTimeout(180_000);
  const { unit, contact } = await unitWithCustomer(workbook, 'Retail Banking', 'Maria Jansen');
  // Last met five months ago: the customer's three-month cadence has lapsed.
  const lastMet = format(subMonths(new Date(), 5), 'yyyy-MM-dd');
  await meetingAttendedBy(workbook, unit.id, contact, lastMet);

  await workbook.open();
  const overdue = page.getByRole('list', { name: 'Overdue relationships' });
  await expect(overdue).toContainText('Maria Jansen');
  await expect(overdue).toContainText(/\d+ days overdue/);
  await workbook.screenshot('engagement-dashboard');

  // The unit's stakeholder map shows her with the IT buddy beside her.
  await overdue.getByRole('link', { name: 'Maria Jansen' }).click();
  const map = page.getByRole('table', { name: 'Stakeholder map' });
  await expect(map.getByRole('row', { name: /Maria Jansen/ })).toContainText('Ivo de Vries');
  await expect(map.getByRole('row', { name: /Maria Jansen/ })).toContainText('days overdue');

  // Planning the next meeting suggests her; one click invites her.
  await page
    .getByRole('region', { name: 'Service review meetings' })
    .getByRole('button', { name: 'Plan meeting' })
    .click();
  const plan = page.getByRole('dialog');
  // The planner invites the customer by default: untick her to see the suggestion.
  const invited = plan.getByRole('checkbox', { name: /Maria Jansen/ });
  await expect(invited).toBeChecked();
  await invited.uncheck();
  await expect(invited).not.toBeChecked();
  const suggestion = plan.getByLabel('Overdue contacts to invite');
  await expect(suggestion).toContainText('Maria Jansen');
  await suggestion.getByRole('button', { name: 'Invite Maria Jansen' }).click();
  await expect(plan.getByRole('checkbox', { name: /Maria Jansen/ })).toBeChecked();
  await expect(suggestion).toBeHidden();

  // Logging a corridor conversation today brings her back in time, and survives a restart.
  await plan.getByRole('button', { name: 'Cancel' }).click();
  // The planner was changed (she was invited): it asks before the changes are dropped.
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard changes' }).click();
  await map.getByRole('button', { name: 'Met Maria Jansen informally' }).click();
  await page.getByRole('dialog').getByLabel('What was it about').fill(HOSTILE);
  await page.getByRole('dialog').getByRole('button', { name: 'Log contact' }).click();
  await expect(map.getByRole('row', { name: /Maria Jansen/ })).toContainText('(informally)');
  await workbook.restart();
  await workbook.open();
  await expect(page.getByText('Everyone with a target cadence has been met in time.')).toBeVisible();
  const log = await call(workbook, 'listContactLog', { contactId: contact.id });
  expect(log[0]?.note).toBe(HOSTILE);
});

test('a decision linked to a service level shows on the agreement and in the register export', async ({
  page,
  workbook,
}) => {
  test.setTimeout(180_000);
  const { unit, contact } = await unitWithCustomer(workbook, 'Retail Banking', 'Maria Jansen');
  await createHostingSla(workbook, unit.id);
  const meeting = await meetingAttendedBy(workbook, unit.id, contact, '2026-03-10', 'annual');
  const withItem = await call(workbook, 'addAgendaItem', { meetingId: meeting.id, title: 'Service levels' });
  const itemId = withItem.meeting.agenda.at(-1)!.id;
  const decisionText = `Raise availability to 99.9 % ${HOSTILE}`;
  await call(workbook, 'addDecision', { meetingId: meeting.id, itemId, text: decisionText });
  await call(workbook, 'addDecision', { meetingId: meeting.id, itemId, text: 'Keep the weekend window' });

  await workbook.open('/decisions');
  await page.getByRole('searchbox', { name: 'Search decisions' }).fill('availability');
  const table = page.getByRole('table', { name: 'Decisions' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('button', { name: /^Link decision: Raise availability/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('It changed').selectOption('service-level');
  await dialog
    .getByLabel('Service level')
    .selectOption({ label: 'Hosting SLA › Hosting › Availability ≥ 99.5 %' });
  await dialog.getByRole('button', { name: 'Link' }).click();
  await expect(table).toContainText('Service level: Hosting SLA › Hosting › Availability ≥ 99.5 %');
  await workbook.screenshot('decision-register');

  // The agreement, opened, shows the decision that changed it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agreements' }).click();
  await page.getByRole('button', { name: 'Edit Hosting SLA' }).click();
  const changed = page.getByRole('list', { name: 'Decisions that changed this agreement' });
  await expect(changed).toContainText(decisionText);
  await expect(changed).not.toContainText('Keep the weekend window');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

  // The register as CSV: the link named, the hostile text kept but never run as a formula.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Decisions' }).click();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await expect
    .poll(() => exportedFiles(workbook).filter((f) => f.endsWith('.csv')))
    .toEqual([expect.stringMatching(/ All units decisions\.csv$/)]);
  const csvName = fs.readdirSync(workbook.host.exportsDir).find((f) => f.endsWith('.csv'))!;
  const csv = fs.readFileSync(path.join(workbook.host.exportsDir, csvName), 'utf8');
  expect(csv).toContain('Service level: Hosting SLA › Hosting › Availability ≥ 99.5 %');
  expect(csv).toContain(`"${decisionText.replaceAll('"', '""')}"`);
  expect(csv).toContain('Keep the weekend window');

  // And in Word, read back with python-docx: the decision with the service level it changed.
  await page.getByRole('button', { name: 'Export to Word' }).click();
  await expect
    .poll(() => exportedFiles(workbook).filter((f) => f.endsWith('.docx')))
    .toEqual([expect.stringMatching(/Decision register All units\.docx$/)]);
  const docxName = fs.readdirSync(workbook.host.exportsDir).find((f) => f.endsWith('.docx'))!;
  const docx = keepDocument(path.join(workbook.host.exportsDir, docxName));
  const register = readDocx([docx])[docx]!;
  const cells = register.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).join('\n');
  expect(cells).toContain(decisionText);
  expect(cells).toContain('Service level: Hosting SLA › Hosting › Availability ≥ 99.5 %');
});

test('an outcome value recorded in a meeting shows on its chart and in the annual agenda', async ({
  page,
  workbook,
}) => {
  test.setTimeout(180_000);
  const { unit, contact } = await unitWithCustomer(workbook, 'Retail Banking', 'Maria Jansen');
  const today = new Date();
  const iso = (d: Date) => format(d, 'yyyy-MM-dd');
  await call(workbook, 'saveOutcome', {
    unitId: unit.id,
    id: null,
    fields: {
      outcome: 'Faster order handling',
      measure: 'Order lead time',
      baseline: '10 days',
      baselineDate: iso(subMonths(today, 6)),
      target: '5 days',
      targetDate: iso(addMonths(today, 6)),
      ownerContactId: contact.id,
      projectIds: [],
      requirementIds: [],
    },
  });
  const meeting = await meetingAttendedBy(workbook, unit.id, contact, iso(today), 'annual');

  await workbook.open(`/meetings/${meeting.id}`);
  const card = page.getByRole('article', { name: 'Outcome: Faster order handling' });
  // Due within the year, the outcome is on the annual review's pack before anything is measured.
  const pack = page.getByRole('list', { name: 'Business outcomes in the pack' });
  await expect(pack).toContainText('Not measured yet', { timeout: 30_000 });
  await card.getByRole('button', { name: 'Record a value for Faster order handling' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Value').fill('9 days');
  await dialog.getByLabel('Note').fill(HOSTILE);
  await dialog.getByRole('button', { name: 'Record value' }).click();
  await expect(dialog).toBeHidden();

  // The chart has the new point, and the table says it was reported in this meeting.
  await expect(card.locator('svg title', { hasText: 'Measured 9 days' })).toHaveCount(1);
  const values = card.getByRole('table', { name: 'Measured values of Faster order handling' });
  await expect(values).toContainText('annual review');
  await expect(values).toContainText(HOSTILE);

  // Behind the target's straight line: the annual review's pack lists it as off track.
  await page.reload();
  await expect(pack).toContainText('Faster order handling', { timeout: 30_000 });
  await expect(pack).toContainText('Off track');
  await expect(pack).toContainText('latest 9 days');
  await workbook.screenshot('outcomes-in-meeting');

  // The annual agenda pre-read lists it, off track with the value reported.
  const { savedTo } = await workbook.host.workbook.handlers.exportAgenda({ meetingId: meeting.id });
  const agendaText = allText(readDocx([keepDocument(savedTo!)])[savedTo!]!);
  expect(agendaText).toContain('Faster order handling');
  expect(agendaText).toContain('Off track');
  expect(agendaText).toContain('9 days');

  // The value realisation view charts the same.
  await workbook.open(`/outcomes?unitId=${unit.id}`);
  await expect(
    page
      .getByRole('article', { name: 'Outcome: Faster order handling' })
      .locator('svg title', { hasText: 'Measured 9 days' }),
  ).toHaveCount(1);
});
