import fs from 'node:fs';
import path from 'node:path';
import { format } from 'date-fns';
import { allText, collapse, convertToPdf, pdfText, readDocx } from '../fixtures/document-readers';
import { unitFields } from '../unit/workbook-helpers';
import { call, expect, keepDocument, test } from './fixtures';

test('minutes exported from the meeting page open in LibreOffice and python-docx with what was typed', async ({
  page,
  workbook,
}) => {
  // Two documents, each converted by LibreOffice and read by python-docx: on a loaded machine (a load
  // average of 8) this passed 60 s.
  test.setTimeout(180_000);
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: { ...unitFields('Claims & Payments'), itContact: 'Lena Vos' },
  });
  const templates = await call(workbook, 'listTemplates', {});
  const periodic = templates.find((t) => t.kind === 'periodic');
  const today = format(new Date(), 'yyyy-MM-dd');
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: {
      kind: 'periodic',
      templateId: periodic?.id ?? null,
      date: today,
      time: '10:00',
      location: 'Room 4.12',
      periodStart: null,
      periodEnd: null,
      trigger: '',
      chair: 'Hugo Maes',
      minuteTaker: 'Lena Vos',
      invitees: [
        { id: 'inviteehugo01', contactId: null, name: 'Hugo Maes', side: 'business', role: 'Head of Claims' },
        { id: 'inviteelena01', contactId: null, name: 'Lena Vos', side: 'it', role: 'BRM' },
      ],
    },
  });

  await workbook.open(`/meetings/${meeting.id}`);
  const firstItem = meeting.agenda[0]!;
  await page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: new RegExp(firstItem.title) })
    .click();
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.fill('Availability was 99.7 % against 99.5 %.\n- No major incidents\n- Two changes');
  await minutes.blur();
  await expect(page.getByRole('status', { name: 'Save status' })).not.toContainText('Not saved');
  await call(workbook, 'addDecision', {
    meetingId: meeting.id,
    itemId: firstItem.id,
    text: 'Keep the monthly cadence',
  });
  await call(workbook, 'addAction', {
    meetingId: meeting.id,
    agendaItemId: firstItem.id,
    fields: { title: 'Send the incident report', owner: 'Lena Vos', dueDate: today },
  });
  await page.reload();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Minutes (Word)' }).click();
  await download;

  const files = fs.readdirSync(workbook.host.exportsDir).filter((f) => f.endsWith('.docx'));
  expect(files).toEqual([`${today} Claims & Payments periodic review draft minutes.docx`]);
  const file = keepDocument(path.join(workbook.host.exportsDir, files[0]!));
  const pdf = convertToPdf([file], path.join(workbook.dataDir, 'pdf')).get(file)!;
  const text = collapse(pdfText(pdf));
  for (const expected of [
    'Claims & Payments',
    'Hugo Maes',
    'Lena Vos',
    'Availability was 99.7 %',
    'Keep the monthly cadence',
    'Send the incident report',
  ]) {
    expect(text).toContain(expected);
  }
  const docx = readDocx([file])[file]!;
  expect(collapse(allText(docx))).toContain('No major incidents');
  const actionRow = docx.tables
    .flatMap((t) => t.rows)
    .find((r) => r.cells.some((c) => c.includes('Send the incident report')));
  expect(actionRow?.cells).toEqual(expect.arrayContaining(['Lena Vos']));

  // The agenda pre-read from the keyboard: File → Export Agenda Pre-read (Ctrl+Shift+E) in the app; in
  // the browser the same keys reach the page.
  const agendaDownload = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+E');
  await agendaDownload;
  await expect
    .poll(() =>
      fs
        .readdirSync(workbook.host.exportsDir)
        .filter((f) => f.endsWith('.docx'))
        .sort(),
    )
    .toEqual([
      `${today} Claims & Payments periodic review agenda.docx`,
      `${today} Claims & Payments periodic review draft minutes.docx`,
    ]);

  // Away from a meeting the command says what it needs instead of doing nothing.
  await workbook.open('/');
  await page.keyboard.press('Control+E');
  // The toast (a screen reader hears it through the live region too).
  await expect(page.getByRole('listitem', { name: 'Open a meeting to export its minutes.' })).toBeVisible();
});
