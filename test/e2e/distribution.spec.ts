import fs from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { readMailOrCalendar } from '../fixtures/document-readers';
import { unitFields } from '../unit/workbook-helpers';
import { call, expect, test } from './fixtures';

test('the BRM sends the minutes from the meeting page: a mail draft to every invitee, the Word minutes attached', async ({
  page,
  workbook,
}) => {
  // Two documents are built (Word inside the mail) and the page is opened twice: slow on a busy machine.
  test.slow();
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: { ...unitFields('Claims'), itContact: 'Lena Vos' },
  });
  const contact = (name: string, email: string) =>
    call(workbook, 'createContact', {
      unitId: unit.id,
      fields: { role: 'purchaser', name, title: '', email, phone: '', notes: '', itContact: '' },
    });
  const hugo = await contact('Hugo Maes', 'hugo@claims.example');
  const ines = await contact('Ines Dubois', 'ines@claims.example');
  const piet = await contact('Piet Smit', '');
  const today = format(new Date(), 'yyyy-MM-dd');
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: {
      kind: 'periodic',
      templateId: null,
      date: today,
      time: '10:00',
      location: 'Room 4.12',
      periodStart: null,
      periodEnd: null,
      trigger: '',
      chair: 'Hugo Maes',
      minuteTaker: 'Lena Vos',
      invitees: [hugo, ines, piet].map((c, i) => ({
        id: `invitee0${i}x`,
        contactId: c.id,
        name: c.name,
        side: 'business',
        role: '',
      })),
    },
  });
  await call(workbook, 'markMeetingHeld', { id: meeting.id });

  await workbook.open(`/meetings/${meeting.id}`);
  await expect(page.getByRole('table', { name: 'Attendance' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Send minutes…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send the minutes' });
  // The invitee with no address is shown before anything is written, not dropped.
  await expect(dialog).toContainText('No e-mail address on file for: Piet Smit');
  await expect(dialog).toContainText('Hugo Maes <hugo@claims.example>');
  await dialog.getByRole('textbox', { name: 'Cc' }).fill('lena@it.example');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Write mail draft' }).click();
  // The browser has the whole file before the page is opened again.
  await (await download).path();
  await expect(page.getByLabel('Distribution')).toContainText('Draft minutes sent to 3 people');

  const files = fs.readdirSync(workbook.host.exportsDir).filter((f) => f.endsWith('.eml'));
  expect(files).toHaveLength(1);
  const mail = readMailOrCalendar<{
    to: string[];
    cc: string[];
    unsent: string;
    subject: string;
    attachments: { filename: string }[];
  }>('eml', path.join(workbook.host.exportsDir, files[0]!));
  expect(mail.to.sort()).toEqual(['hugo@claims.example', 'ines@claims.example']);
  expect(mail.cc).toEqual(['lena@it.example']);
  expect(mail.unsent).toBe('1');
  expect(mail.subject).toBe(`DRAFT minutes: Claims periodic review, ${today}`);
  expect(mail.attachments.map((a) => a.filename)).toEqual([
    `${today} Claims periodic review draft minutes.docx`,
  ]);

  // The record survives a reload: it is the meeting's own.
  await page.goto('about:blank');
  await workbook.open(`/meetings/${meeting.id}`);
  await expect(page.getByRole('table', { name: 'Attendance' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Distribution')).toContainText('Draft minutes sent to 3 people');
});
