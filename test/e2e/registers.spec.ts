import { addDays, addMonths, format } from 'date-fns';
import type { Page } from '@playwright/test';
import { dateStyleFor } from '../../shared/domain/date-format';
import { expect, fillField, test } from './fixtures';

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

async function createUnitWithCustomer(page: Page, name: string, customer: string) {
  await page.getByRole('link', { name: 'Business units' }).click();
  await page.getByRole('button', { name: 'New business unit' }).click();
  await page.getByRole('dialog').getByLabel('Unit name').fill(name);
  await page.getByRole('button', { name: 'Create unit' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Add customer' }).click();
  await fillField(page, 'Name', customer);
  await page.getByRole('dialog').getByRole('button', { name: 'Add contact' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
}

async function navigate(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label }).click();
}

test('a new BRM records an agreement, a complaint and a survey and sees each on the dashboard', async ({
  page,
  workbook,
}) => {
  // A long journey through four views: give it room on a busy two-core machine.
  test.slow();
  const reviewDate = addMonths(new Date(), 1);
  await workbook.open();
  // The dashboard is the home screen, and says plainly that nothing is recorded yet.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Open complaints' })).toContainText('No open complaints.');
  await createUnitWithCustomer(page, 'Retail Banking', 'Maria Jansen');

  // Agreement, due for review next month. A first try with the end before the start is refused.
  await navigate(page, 'Agreements');
  await page.getByRole('button', { name: 'New agreement' }).click();
  const dialog = page.getByRole('dialog');
  // Without a unit the agreement is refused with a message beside the unit field, and the dialog stays.
  await dialog.getByRole('button', { name: 'Add agreement' }).click();
  await expect(dialog.getByText('Choose the unit this agreement is with.')).toBeVisible();
  await dialog.getByLabel('Business unit').selectOption({ label: 'Retail Banking' });
  await expect(dialog.getByText('Choose the unit this agreement is with.')).toBeHidden();
  await fillField(page, 'Title', 'Workplace services SLA');
  await dialog.getByLabel('Status').selectOption({ label: 'Active' });
  await dialog.getByLabel('Start date').fill(iso(new Date()));
  await dialog.getByLabel('End date').fill(iso(addDays(new Date(), -1)));
  await dialog.getByLabel('Review date').fill(iso(reviewDate));
  await dialog.getByRole('button', { name: 'Add service' }).click();
  await fillField(page, 'Service 1', 'Email and calendar');
  await fillField(page, 'Metric of Email and calendar, level 1', 'Availability');
  await fillField(page, 'Target of Email and calendar, level 1', '99,5');
  await dialog.getByLabel('Amount').fill('-100');
  await dialog.getByLabel('Signed for the business by').selectOption({ label: 'Maria Jansen (customer)' });
  await dialog.getByRole('button', { name: 'Add agreement' }).click();
  await expect(dialog.getByText('The end date is before the start date.')).toBeVisible();
  await expect(dialog.getByText('The amount cannot be negative.')).toBeVisible();
  await workbook.screenshot('registers-agreement-invalid');
  await dialog.getByLabel('End date').fill(iso(addMonths(new Date(), 24)));
  await dialog.getByLabel('Amount').fill('120000');
  await dialog.getByRole('button', { name: 'Add agreement' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: 'Workplace services SLA' });
  await expect(row).toContainText('Email and calendar: Availability ≥ 99.5 %');
  await expect(row).toContainText(/Review in \d+ days/);
  await workbook.screenshot('registers-agreements');

  // A serious complaint, which offers an ad hoc review.
  await navigate(page, 'Complaints & compliments');
  await page.getByRole('button', { name: 'Record complaint' }).click();
  await dialog.getByLabel('Business unit').selectOption({ label: 'Retail Banking' });
  await dialog.getByRole('combobox', { name: 'From' }).pressSequentially('Mar');
  await page.getByRole('option', { name: /Maria Jansen/ }).click();
  await fillField(page, 'About', 'Service desk');
  await fillField(page, 'What was said', 'Tickets about the branch printers stay unanswered for a week.');
  await dialog.getByLabel('Severity').selectOption({ label: 'Serious' });
  await dialog.getByRole('button', { name: 'Record complaint' }).click();
  await expect(dialog).toBeHidden();
  const complaint = page.getByRole('row', { name: /Complaint of .* about Service desk/ });
  await expect(complaint).toContainText('Maria Jansen');
  await expect(complaint.getByRole('button', { name: 'Plan ad hoc review' })).toBeVisible();
  await workbook.screenshot('registers-feedback');

  // A survey.
  await navigate(page, 'Satisfaction');
  await page.getByRole('button', { name: 'Record survey' }).click();
  await dialog.getByLabel('Business unit').selectOption({ label: 'Retail Banking' });
  // Someone who is not a recorded contact: typed in by name.
  await dialog.getByRole('combobox', { name: 'Respondent' }).fill('Peter de Vries');
  await dialog
    .getByRole('radiogroup', { name: 'Overall, how satisfied are you with the IT services you receive?' })
    .getByRole('radio', { name: '4' })
    .check();
  await dialog
    .getByRole('radiogroup', { name: 'The services are reliable and perform as agreed.' })
    .getByRole('radio', { name: '3' })
    .check();
  await fillField(page, 'Comment', 'Better since the new service desk, printers still a pain.');
  await workbook.screenshot('registers-survey-dialog');
  await dialog.getByRole('button', { name: 'Record survey' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /survey of .* by Peter de Vries/ })).toContainText('3.5');
  await expect(page.getByRole('img', { name: 'Satisfaction trend, all units' })).toBeVisible();
  await workbook.screenshot('registers-satisfaction');

  // The dashboard after a restart: each record counts, and stands where it needs attention.
  await workbook.restart();
  await workbook.open();
  await expect(page.getByRole('region', { name: 'Agreements due for review' })).toContainText(
    'Workplace services SLA',
  );
  await expect(page.getByRole('region', { name: 'Agreements due for review' })).toContainText(
    /Review in \d+ days/,
  );
  await expect(page.getByRole('region', { name: 'Open complaints' })).toContainText('Service desk');
  await expect(page.getByRole('region', { name: 'Written agreement' })).toContainText('1 of 1');
  await expect(page.getByRole('region', { name: 'Satisfaction', exact: true })).toContainText('3.5');
  await expect(page.getByRole('region', { name: 'Complaints', exact: true })).toContainText(
    '1 in the last three months',
  );
  await workbook.screenshot('registers-dashboard');

  // "Plan ad hoc review" opens the meeting planner with the complaint as the trigger.
  await page
    .getByRole('region', { name: 'Open complaints' })
    .getByRole('button', { name: 'Plan ad hoc review' })
    .click();
  const url = new URL(page.url());
  const [route, query] = url.hash.slice(1).split('?');
  expect(route).toBe('/meetings/plan');
  const params = new URLSearchParams(query);
  expect(params.get('kind')).toBe('adhoc');
  expect(params.get('unitId')).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(params.get('trigger')).toContain('Serious complaint');
  expect(params.get('trigger')).toContain('Service desk');

  // Charts follow the theme: the trend stays readable in dark mode.
  await page.emulateMedia({ colorScheme: 'dark' });
  await workbook.open('/satisfaction');
  await expect(page.getByRole('img', { name: 'Satisfaction trend, all units' })).toBeVisible();
  await workbook.screenshot('registers-satisfaction-dark');
});

test("the BRM logs time against an ideal split, and sees a unit's maturity as a history", async ({
  page,
  workbook,
}) => {
  await workbook.open();
  await createUnitWithCustomer(page, 'Finance', 'Sofie Peeters');
  const maturity = page.getByRole('region', { name: 'Relationship maturity' });
  for (const [level, date] of [
    ['Order taker', addMonths(new Date(), -14)],
    ['Advisor', addMonths(new Date(), -3)],
  ] as const) {
    await maturity.getByLabel('Maturity level').selectOption({ label: level });
    await maturity.getByLabel('Assessed on').fill(iso(date));
    await maturity.getByRole('button', { name: 'Record assessment' }).click();
    // Shown in the locale of the settings (en-GB here: "2 Sept 2026"), not as typed.
    await expect(maturity.getByRole('table', { name: 'Maturity history' })).toContainText(
      dateStyleFor('en-GB').short(iso(date)),
    );
  }
  await expect(
    maturity.getByRole('img', { name: 'Relationship maturity of Finance over time' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Registers' })).toContainText('0 in force');
  await workbook.screenshot('registers-unit-page');
  await navigate(page, 'Relationship maturity');
  await expect(page.getByRole('group', { name: 'Maturity of Finance' })).toContainText('Advisor');
  await workbook.screenshot('registers-maturity');

  await navigate(page, 'My time');
  const log = page.getByRole('region', { name: 'Log time' });
  for (const [activity, hours] of [
    ['Business support', '6'],
    ['Demand shaping', '3'],
    ['Project support', '1'],
  ] as const) {
    await log.getByLabel('Activity').selectOption({ label: activity });
    await log.getByLabel('Hours').fill(hours);
    await log.getByRole('button', { name: 'Log time' }).click();
    await expect(page.getByRole('table', { name: 'Time entries' })).toContainText(activity);
  }
  await log.getByLabel('Hours').fill('30');
  await log.getByRole('button', { name: 'Log time' }).click();
  await expect(log.getByText('A day has at most 24 hours.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Relationship-centric share' })).toContainText('30 %');
  await expect(page.getByRole('region', { name: 'Relationship-centric share' })).toContainText('ideal 66 %');

  // An ideal split that does not add up is refused, and the dialog keeps what was typed.
  await page.getByRole('button', { name: 'Set ideal split' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Demand shaping (%)').fill('40');
  await dialog.getByRole('button', { name: 'Save ideal split' }).click();
  await expect(dialog.getByText('The shares must add up to 100 % (now 118 %).').first()).toBeVisible();
  await dialog.getByLabel('Business support (%)').fill('0');
  await dialog.getByLabel('Communication (%)').fill('10');
  await dialog.getByRole('button', { name: 'Save ideal split' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Relationship-centric share' })).toContainText('ideal 76 %');
  await expect(page.getByRole('img', { name: /Your time, .* against your ideal split/ })).toBeVisible();
  await page.getByRole('main').evaluate((main) => main.scrollTo(0, 0));
  await workbook.screenshot('registers-time');

  await workbook.restart();
  await page.emulateMedia({ colorScheme: 'dark' });
  await workbook.open('/time');
  await expect(page.getByRole('table', { name: 'Time entries' })).toContainText('Demand shaping');
  await expect(page.getByRole('region', { name: 'Relationship-centric share' })).toContainText('ideal 76 %');
  await workbook.screenshot('registers-time-dark');
});

test('a workbook with a year of records reads well on the dashboard and in the registers', async ({
  page,
  workbook,
}) => {
  // Seeded through the service, as a year of use would leave it; only what the screens show is checked.
  const h = workbook.host.workbook.handlers;
  const today = new Date();
  const day = (months: number, days = 0) => iso(addDays(addMonths(today, months), days));
  const unit = async (name: string, customer: string, itContact: string, purchasers: string[]) => {
    const u = await h.createUnit({
      parentId: null,
      fields: { name, kind: 'division', itContact: '', plans: '', drivers: '', plansReviewedOn: null },
    });
    const contact = (role: 'customer' | 'purchaser', person: string, it: string) =>
      h.createContact({
        unitId: u.id,
        fields: { role, name: person, title: '', email: '', phone: '', notes: '', itContact: it },
      });
    await contact('customer', customer, itContact);
    for (const p of purchasers) await contact('purchaser', p, itContact);
    return u.id;
  };
  const retail = await unit('Retail Banking', 'Maria Jansen', 'Ben Visser', [
    'Peter de Vries',
    'Anna Bakker',
  ]);
  const finance = await unit('Finance', 'Sofie Peeters', '', ['Tom Claes']);
  const hr = await unit('Human Resources', 'Lena Smit', 'Ben Visser', []);
  const agreement = (title: string, reviewDate: string, status: 'active' | 'draft' = 'active') => ({
    type: 'sla' as const,
    title,
    services: [
      {
        id: `svc-${title.length}xxxx`,
        name: 'Workplace',
        levels: [
          {
            id: 'lvl-avail',
            metric: 'Availability',
            target: 99.5,
            unit: '%',
            direction: 'at-least' as const,
          },
        ],
      },
    ],
    financing: { amount: 85000, currency: 'EUR', period: 'yearly' as const, costCentre: 'CC-4100' },
    startDate: day(-10),
    endDate: day(26),
    reviewDate,
    status,
    customerContactId: null,
    itSignatories: ['Ben Visser'],
    complaintDefinition: '',
    reference: 'CT-2026-014',
  });
  await h.createAgreement({ unitId: retail, fields: agreement('Retail workplace SLA', day(0, 20)) });
  await h.createAgreement({ unitId: hr, fields: agreement('HR systems SLA', day(0, -6)) });
  await h.createAgreement({ unitId: finance, fields: agreement('Finance reporting OLA', day(5), 'draft') });
  const complaint = (
    date: string,
    about: string,
    severity: 'minor' | 'moderate' | 'serious',
    status: 'open' | 'resolved',
  ) => ({
    kind: 'complaint' as const,
    date,
    fromContactId: null,
    fromName: 'Peter de Vries',
    aboutKind: 'service' as const,
    aboutName: about,
    description: `${about} was down during the month-end close.`,
    severity,
    status,
    resolution: status === 'resolved' ? 'Capacity added' : '',
    rootCause: '',
    passedOnTo: '',
    passedOnDate: null,
  });
  await h.createFeedback({
    unitId: retail,
    fields: complaint(day(0, -10), 'Payments gateway', 'serious', 'open'),
  });
  await h.createFeedback({
    unitId: finance,
    fields: complaint(day(-2), 'Reporting portal', 'moderate', 'open'),
  });
  await h.createFeedback({
    unitId: finance,
    fields: complaint(day(-4), 'Reporting portal', 'minor', 'resolved'),
  });
  await h.createFeedback({ unitId: hr, fields: complaint(day(-5), 'Payroll', 'minor', 'resolved') });
  for (const [unitId, scores] of [
    [retail, [3, 3.5, 4, 4]],
    [finance, [4, 3.5, 3, 3]],
    [hr, [4, 4, 4.5, 5]],
  ] as const) {
    for (const [i, score] of scores.entries()) {
      await h.createSurvey({
        unitId,
        fields: {
          date: day(-9 + i * 3),
          respondentContactId: null,
          respondentName: 'Respondent',
          scores: { overall: Math.floor(score), reliability: Math.ceil(score) },
          comment: '',
        },
      });
    }
  }

  await workbook.open();
  await expect(page.getByRole('region', { name: 'Designated IT contact' })).toContainText('4 of 6');
  await expect(page.getByRole('region', { name: 'Written agreement' })).toContainText('2 of 3');
  await expect(page.getByRole('img', { name: 'Satisfaction per quarter' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Agreements due for review' })).toContainText(
    'Review overdue by 6 days',
  );
  await workbook.screenshot('registers-dashboard-populated');
  await workbook.open('/satisfaction');
  await expect(page.getByRole('table', { name: 'Latest result per unit' })).toContainText('Human Resources');
  await workbook.screenshot('registers-satisfaction-populated');
  await workbook.open('/agreements');
  await workbook.screenshot('registers-agreements-populated');
});
