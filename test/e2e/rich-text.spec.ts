import type { Page } from '@playwright/test';
import type { Meeting } from '../../shared/domain/meetings';
import { readDocx } from '../fixtures/document-readers';
import { expect, keepDocument, test, type WorkbookFixture } from './fixtures';

async function planMeeting(workbook: WorkbookFixture): Promise<Meeting> {
  const { handlers } = workbook.host.workbook;
  const unit = await handlers.createUnit({
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
  return handlers.planMeeting({
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
}

const openItem = async (page: Page, title: string) =>
  page
    .getByRole('navigation', { name: 'Agenda' })
    .getByRole('button', { name: new RegExp(title) })
    // A first rich-text editor takes a while to mount on a busy two-core CI machine.
    .click({ timeout: 30_000 });

/** The drafts in the page's journal (IndexedDB), as the app wrote them. */
const journaledTexts = (page: Page) =>
  page.evaluate<string[]>(`new Promise((resolve) => {
    const open = indexedDB.open('brm-workbook-minutes-journal');
    open.onsuccess = () => {
      const all = open.result.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => resolve(all.result.map((d) => d.text));
      all.onerror = () => resolve([]);
    };
    open.onerror = () => resolve([]);
  })`);

const TYPED_MINUTES =
  'Budget **agreed** by all\n\n- first point\n- second point\n\n1. numbered one\n2. numbered two';

test('minutes typed with a list and bold survive a renderer crash before autosave, and export as Word numbering and bold', async ({
  page,
  context,
  workbook,
}) => {
  test.setTimeout(180_000);
  const { handlers } = workbook.host.workbook;
  const meeting = await planMeeting(workbook);
  const item = meeting.agenda[1]!;
  // The main process does not get the minutes before the crash: only the journal has them.
  const saveMinutes = handlers.saveMinutes;
  handlers.saveMinutes = () => {
    throw new Error('Simulated: the autosave has not run yet');
  };

  await workbook.open(`/meetings/${meeting.id}`);
  await openItem(page, item.title);
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.click();
  await page.keyboard.type('Budget ');
  await page.keyboard.press('Control+B');
  await page.keyboard.type('agreed');
  await page.keyboard.press('Control+B');
  await page.keyboard.type(' by all');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- first point');
  await page.keyboard.press('Enter');
  await page.keyboard.type('second point');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('1. numbered one');
  await page.keyboard.press('Enter');
  await page.keyboard.type('numbered two');
  await expect(minutes.locator('strong')).toHaveText('agreed');
  await expect(minutes.locator('ul > li')).toHaveText(['first point', 'second point']);
  await expect(minutes.locator('ol > li')).toHaveText(['numbered one', 'numbered two']);
  await expect.poll(() => journaledTexts(page)).toContain(TYPED_MINUTES);

  // The page goes away at once, as in a renderer crash: no blur, no unload handlers.
  await page.close({ runBeforeUnload: false });
  expect((await handlers.getMeeting({ id: meeting.id })).meeting.agenda[1]!.minutes).toBe('');

  handlers.saveMinutes = saveMinutes;
  const later = await context.newPage();
  await later.goto(`${workbook.host.url}#/meetings/${meeting.id}`);
  await openItem(later, item.title);
  const restored = later.getByRole('textbox', { name: 'Minutes' });
  await expect(restored.locator('strong')).toHaveText('agreed');
  await expect(restored.locator('ol > li')).toHaveText(['numbered one', 'numbered two']);
  await expect
    .poll(async () => (await handlers.getMeeting({ id: meeting.id })).meeting.agenda[1]!.minutes)
    .toBe(TYPED_MINUTES);

  const { savedTo } = await handlers.exportMinutes({ meetingId: meeting.id });
  const file = keepDocument(savedTo!);
  const doc = readDocx([file])[file]!;
  const para = (text: string) => doc.paragraphs.find((p) => p.text === text);
  expect(para('Budget agreed by all')?.bold).toEqual(['agreed']);
  for (const text of ['first point', 'second point', 'numbered one', 'numbered two']) {
    expect(para(text)?.numPr, text).not.toBeNull();
  }
  expect(doc.numFormats[para('first point')!.numPr!.numId]).toBe('bullet');
  expect(doc.numFormats[para('numbered one')!.numPr!.numId]).toBe('decimal');
});

test('pasted rich text keeps bold, italic, lists and https links only: no script, image, style or javascript link', async ({
  page,
  workbook,
}) => {
  const { handlers } = workbook.host.workbook;
  const meeting = await planMeeting(workbook);
  const item = meeting.agenda[1]!;
  await workbook.open(`/meetings/${meeting.id}`);
  await openItem(page, item.title);
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.click();
  // A paste as Word or a browser hands it over: HTML with styles, a script, an image and links.
  await page.evaluate(`(() => {
    const html =
      '<p style="text-align:center;margin-left:40px">Plain <b>bold</b> <i>it</i> ' +
      '<span style="color:red;font-size:30px;font-family:Comic Sans MS">styled</span> <u>under</u></p>' +
      '<script>window.pwned = 1</scr' + 'ipt><img src="x" onerror="window.pwned = 2">' +
      '<ul><li>one</li><li>two</li></ul>' +
      '<p><a href="javascript:window.pwned=3">bad</a> and <a href="https://example.com/ok">good</a></p>';
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Plain bold it styled under');
    document.activeElement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  })()`);
  await expect(minutes.locator('strong')).toHaveText('bold');
  await expect(minutes.locator('ul > li')).toHaveText(['one', 'two']);
  await expect(minutes.getByRole('link', { name: 'good' })).toHaveAttribute('href', 'https://example.com/ok');
  await expect(minutes).toContainText('bad and');
  await expect(minutes.locator('img, script, a[href^="javascript"]')).toHaveCount(0);
  // No style the paste brought: Lexical's own root is styled through the CSSOM, its content not at all.
  expect(await minutes.locator('[style]').count()).toBe(0);
  expect(await page.evaluate<unknown>('window.pwned')).toBeUndefined();

  await minutes.blur();
  await expect
    .poll(async () => (await handlers.getMeeting({ id: meeting.id })).meeting.agenda[1]!.minutes)
    .toBe('Plain **bold** *it* styled under\n\n- one\n- two\n\nbad and [good](https://example.com/ok)');
});

test('Ctrl+K links the selected words to an https address, refuses other addresses, and does not open the search', async ({
  page,
  workbook,
}) => {
  const { handlers } = workbook.host.workbook;
  const meeting = await planMeeting(workbook);
  const item = meeting.agenda[1]!;
  await workbook.open(`/meetings/${meeting.id}`);
  await openItem(page, item.title);
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.click();
  await page.keyboard.type('See the plan');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Control+K');
  const address = page.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await expect(page.getByRole('combobox', { name: /search/i })).toHaveCount(0);
  await address.fill('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Only https: web addresses and mailto: e-mail links can be kept.'),
  ).toBeVisible();
  await address.fill('https://intranet.example.com/plan');
  await page.keyboard.press('Enter');
  await expect(minutes.getByRole('link', { name: 'plan', exact: true })).toHaveAttribute(
    'href',
    'https://intranet.example.com/plan',
  );
  await minutes.blur();
  await expect
    .poll(async () => (await handlers.getMeeting({ id: meeting.id })).meeting.agenda[1]!.minutes)
    .toBe('See the [plan](https://intranet.example.com/plan)');
});

/** Minutes of the first real agenda item, with `text` typed in and the caret at its end. */
async function minutesWith(page: Page, workbook: WorkbookFixture, text: string) {
  const meeting = await planMeeting(workbook);
  await workbook.open(`/meetings/${meeting.id}`);
  await openItem(page, meeting.agenda[1]!.title);
  const minutes = page.getByRole('textbox', { name: 'Minutes' });
  await minutes.click();
  await page.keyboard.type(text);
  const stored = async () =>
    (await workbook.host.workbook.handlers.getMeeting({ id: meeting.id })).meeting.agenda[1]!.minutes;
  return { minutes, stored };
}

test('Ctrl+K pressed before the browser has reported a just-made selection still links the selected word', async ({
  page,
  workbook,
}) => {
  const { minutes, stored } = await minutesWith(page, workbook, 'See the plan');
  // The selection and Ctrl+K in one task: the browser's selectionchange comes only after the key, as it
  // does on a busy machine or for a fast hand.
  await page.evaluate(`(() => {
    const editor = document.activeElement;
    const text = editor.querySelector('span').firstChild;
    window.getSelection().setBaseAndExtent(text, 8, text, 12);
    editor.dispatchEvent(new KeyboardEvent('keydown', { key: 'k', code: 'KeyK', ctrlKey: true, bubbles: true, cancelable: true }));
  })()`);
  const address = page.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await address.fill('https://intranet.example.com/plan');
  await page.keyboard.press('Enter');
  await expect(minutes.getByRole('link', { name: 'plan', exact: true })).toHaveAttribute(
    'href',
    'https://intranet.example.com/plan',
  );
  await expect(minutes).toBeFocused();
  await minutes.blur();
  await expect.poll(stored).toBe('See the [plan](https://intranet.example.com/plan)');
});

test('Ctrl+K with nothing selected inserts the address as the text of its own link at the caret', async ({
  page,
  workbook,
}) => {
  const { minutes, stored } = await minutesWith(page, workbook, 'Details: ');
  await page.keyboard.press('Control+K');
  const address = page.getByRole('textbox', { name: 'Link address' });
  await expect(address).toBeFocused();
  await address.fill('mailto:key.user@example.com');
  await page.keyboard.press('Enter');
  await expect(minutes.getByRole('link', { name: 'mailto:key.user@example.com' })).toHaveAttribute(
    'href',
    'mailto:key.user@example.com',
  );
  // The caret is back after the link: typing goes on there.
  await expect(minutes).toBeFocused();
  await page.keyboard.type(' today');
  await minutes.blur();
  await expect.poll(stored).toBe('Details: [mailto:key.user@example.com](mailto:key.user@example.com) today');
});
