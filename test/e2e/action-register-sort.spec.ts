import { unitFields } from '../unit/workbook-helpers';
import { call, expect, test } from './fixtures';

test('the action register sorts by a column header, and again the other way round', async ({
  page,
  workbook,
}) => {
  test.setTimeout(120_000);
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: unitFields('Retail'),
  });
  const meeting = await call(workbook, 'planMeeting', {
    unitId: unit.id,
    fields: {
      kind: 'adhoc',
      templateId: 'builtin-adhoc',
      date: '2026-01-15',
      periodStart: null,
      periodEnd: null,
      trigger: 'Outage',
      time: '',
      location: '',
      chair: '',
      minuteTaker: '',
      invitees: [],
    },
  });
  const raised: [string, string, string][] = [
    ['Action 114', 'Ann Berg', '2026-02-01'],
    ['Action 2', 'Zoe Park', '2026-02-03'],
    ['Action 10', 'Mo Chan', '2026-02-02'],
  ];
  for (const [title, owner, dueDate] of raised) {
    await call(workbook, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: null,
      fields: { title, owner, dueDate },
    });
  }
  await workbook.open('/actions');
  const list = page.getByRole('list', { name: 'Actions' });
  const names = () => list.getByRole('listitem');
  await expect(names()).toHaveText([/Action 114/, /Action 10/, /Action 2/]);

  const header = (name: string) => page.getByRole('columnheader').filter({ hasText: name });
  await expect(header('Due')).toHaveAttribute('aria-sort', 'ascending');
  await page.getByRole('button', { name: 'Title' }).click();
  await expect(header('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Due')).toHaveAttribute('aria-sort', 'none');
  // Natural order: 2 before 10 before 114.
  for (const [i, title] of ['Action 2', 'Action 10', 'Action 114'].entries()) {
    await expect(names().nth(i)).toHaveAccessibleName(title);
  }
  await page.getByRole('button', { name: 'Owner' }).click();
  await page.getByRole('button', { name: /^Owner/ }).click();
  await expect(header('Owner')).toHaveAttribute('aria-sort', 'descending');
  for (const [i, title] of ['Action 2', 'Action 10', 'Action 114'].entries()) {
    await expect(names().nth(i)).toHaveAccessibleName(title);
  }
  await page.getByRole('button', { name: /^Owner/ }).click();
  await expect(header('Owner')).toHaveAttribute('aria-sort', 'ascending');
  await expect(names().first()).toHaveAccessibleName('Action 114');
});
