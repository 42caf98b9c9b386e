import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArgOf } from '../../../shared/contract';
import {
  emptyAgreementFields,
  emptyFeedbackFields,
  type AgreementFields,
} from '../../../shared/domain/registers';
import { DEFAULT_IDEAL_SPLIT } from '../../../shared/domain/time-log';
import { meeting } from '../../../test/fixtures/registers';
import { meetingShard } from '../store/shards';
import { call, contactFields, open, refusal, tempDir, unitFields } from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';

// "Today" for every test: 20 May 2026, mid-morning local time.
const now = () => new Date(2026, 4, 20, 10, 0, 0);
let dir: string;

/** The workbook on this test's folder (a second one reads what the first wrote, as after a restart). */
const openDir = (): Workbook => open(dir, { now });

async function unitWithCustomer(wb: Workbook, name: string, itContact = '') {
  const unit = await call(wb, 'createUnit', {
    parentId: null,
    fields: unitFields(name),
  });
  const customer = await call(wb, 'createContact', {
    unitId: unit.id,
    fields: { ...contactFields(`${name} customer`, 'customer'), itContact },
  });
  return { unitId: unit.id, customerId: customer.id };
}

const agreementFields = (overrides: Partial<AgreementFields> = {}): AgreementFields => ({
  ...emptyAgreementFields(),
  title: 'Workplace services SLA',
  status: 'active',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  reviewDate: '2026-06-15',
  services: [
    {
      id: 'service-email',
      name: 'Email',
      levels: [{ id: 'level-avail', metric: 'Availability', target: 99.5, unit: '%', direction: 'at-least' }],
    },
  ],
  financing: { amount: 120000, currency: 'EUR', period: 'yearly', costCentre: 'CC-4100' },
  itSignatories: ['Ben Visser'],
  reference: 'https://intranet.example.com/sla/42',
  ...overrides,
});

beforeEach(() => {
  dir = tempDir('brm-registers-');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('agreements register', () => {
  it('keeps an agreement with its services, levels and financing across a restart', async () => {
    const wb = openDir();
    const { unitId, customerId } = await unitWithCustomer(wb, 'Retail');
    const created = await call(wb, 'createAgreement', {
      unitId,
      fields: agreementFields({ customerContactId: customerId }),
    });
    await call(wb, 'updateAgreement', {
      unitId,
      id: created.id,
      fields: agreementFields({ customerContactId: customerId, status: 'under-review' }),
    });
    const [stored] = await call(openDir(), 'listAgreements', { unitId: null });
    expect(stored).toMatchObject({
      title: 'Workplace services SLA',
      status: 'under-review',
      customerContactId: customerId,
      financing: { amount: 120000, currency: 'EUR' },
    });
    expect(stored?.services[0]?.levels[0]).toMatchObject({ metric: 'Availability', target: 99.5 });
    expect(fs.existsSync(path.join(dir, 'units', `${unitId}.json`))).toBe(true);
  });

  it('refuses an end before the start and a negative amount, with messages per field', async () => {
    const wb = openDir();
    const { unitId } = await unitWithCustomer(wb, 'Retail');
    const error = await refusal(wb, 'createAgreement', {
      unitId,
      fields: agreementFields({
        endDate: '2025-12-31',
        financing: { amount: -1, currency: 'EUR', period: 'yearly', costCentre: '' },
      }),
    });
    expect(error.code).toBe('invalid-input');
    expect(error.fieldErrors).toEqual({
      'fields.endDate': 'The end date is before the start date.',
      'fields.financing.amount': 'The amount cannot be negative.',
    });
    expect(await call(wb, 'listAgreements', { unitId })).toEqual([]);
  });

  it("refuses a signatory who is not one of the unit's contacts", async () => {
    const wb = openDir();
    const retail = await unitWithCustomer(wb, 'Retail');
    const finance = await unitWithCustomer(wb, 'Finance');
    const error = await refusal(wb, 'createAgreement', {
      unitId: retail.unitId,
      fields: agreementFields({ customerContactId: finance.customerId }),
    });
    expect(error.fieldErrors?.customerContactId).toMatch(/not one of Retail's contacts/);
  });

  it('still opens a unit file written before the registers existed', async () => {
    fs.mkdirSync(path.join(dir, 'units'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'units', 'unit-before-registers.json'),
      JSON.stringify({ schemaVersion: 1, data: { actions: [] } }),
    );
    const wb = openDir();
    expect(await call(wb, 'listAgreements', { unitId: 'unit-before-registers' })).toEqual([]);
    expect(wb.store.notices).toEqual([]);
  });
});

describe('complaints and compliments register', () => {
  it('keeps a complaint and a compliment, each with only its own fields', async () => {
    const wb = openDir();
    const { unitId, customerId } = await unitWithCustomer(wb, 'Retail');
    await call(wb, 'createFeedback', {
      unitId,
      fields: {
        ...emptyFeedbackFields('complaint', '2026-05-02'),
        fromContactId: customerId,
        fromName: 'Retail customer',
        aboutName: 'Service desk',
        description: 'Tickets left unanswered for a week.',
        severity: 'serious',
        passedOnTo: 'should be dropped',
      },
    });
    await call(wb, 'createFeedback', {
      unitId,
      fields: {
        ...emptyFeedbackFields('compliment', '2026-05-05'),
        fromName: 'A user',
        aboutKind: 'person',
        aboutName: 'Jan de Boer',
        description: 'Fixed my laptop in minutes.',
        passedOnTo: 'Jan de Boer',
        passedOnDate: '2026-05-06',
        severity: 'serious',
      },
    });
    const list = await call(openDir(), 'listFeedback', { unitId });
    expect(list.map((f) => [f.kind, f.severity, f.status, f.passedOnTo])).toEqual([
      ['complaint', 'serious', 'open', ''],
      ['compliment', null, null, 'Jan de Boer'],
    ]);
  });

  it('asks for the resolution before a complaint is resolved', async () => {
    const wb = openDir();
    const { unitId } = await unitWithCustomer(wb, 'Retail');
    const error = await refusal(wb, 'createFeedback', {
      unitId,
      fields: {
        ...emptyFeedbackFields('complaint', '2026-05-02'),
        fromName: 'Maria',
        aboutName: 'Email',
        description: 'Outage',
        status: 'resolved',
      },
    });
    expect(error.message).toBe(
      'Not saved: Describe how the complaint was resolved before marking it resolved.',
    );
  });

  it('refuses a complaint received in the future, and stores nothing', async () => {
    const wb = openDir();
    await call(wb, 'updateSettings', {
      fields: { organisationName: '', brmName: '', locale: 'en-GB', theme: 'system' },
    });
    const { unitId } = await unitWithCustomer(wb, 'Retail');
    const fields = {
      ...emptyFeedbackFields('complaint', '2026-05-21'),
      fromName: 'Maria',
      aboutName: 'Email',
      description: 'Outage',
    };
    const error = await refusal(wb, 'createFeedback', { unitId, fields });
    expect(error.fieldErrors?.['fields.date']).toBe(
      'A complaint cannot be received in the future: Thu, 21 May 2026 is after today. Give the date it was received.',
    );
    expect(await call(wb, 'listFeedback', { unitId })).toEqual([]);
    await call(wb, 'createFeedback', { unitId, fields: { ...fields, date: '2026-05-20' } });
  });
});

describe('satisfaction surveys', () => {
  const surveyFields = (scores: Record<string, number>) => ({
    date: '2026-04-20',
    respondentContactId: null,
    respondentName: 'Maria',
    scores,
    comment: 'Better since the new service desk.',
  });

  it('keeps a survey across a restart and refuses a score outside 1 to 5', async () => {
    const wb = openDir();
    const { unitId } = await unitWithCustomer(wb, 'Retail');
    const error = await refusal(wb, 'createSurvey', { unitId, fields: surveyFields({ overall: 6 }) });
    expect(error.fieldErrors).toEqual({ 'fields.scores.overall': 'Scores run from 1 to 5.' });
    await call(wb, 'createSurvey', { unitId, fields: surveyFields({ overall: 4, reliability: 5 }) });
    const [stored] = await call(openDir(), 'listSurveys', { unitId });
    expect(stored?.scores).toEqual({ overall: 4, reliability: 5 });
  });

  it('keeps answers to a question removed later, and refuses new answers to it', async () => {
    const wb = openDir();
    const { unitId } = await unitWithCustomer(wb, 'Retail');
    const survey = await call(wb, 'createSurvey', {
      unitId,
      fields: surveyFields({ overall: 4, reliability: 5 }),
    });
    const settings = await call(wb, 'getRegisterSettings', {});
    await call(wb, 'updateSurveyQuestions', {
      questions: settings.surveyQuestions.filter((q) => q.id !== 'reliability'),
    });
    await call(wb, 'updateSurvey', {
      unitId,
      id: survey.id,
      fields: surveyFields({ overall: 3, reliability: 5 }),
    });
    const error = await refusal(wb, 'createSurvey', { unitId, fields: surveyFields({ reliability: 2 }) });
    expect(error.message).toMatch(/no longer in the questionnaire/);
    const reopened = await call(openDir(), 'getRegisterSettings', {});
    expect(reopened.surveyQuestions.map((q) => q.id)).not.toContain('reliability');
  });
});

describe("the BRM's time", () => {
  it('logs time in one file per year and lists a period across years', async () => {
    const wb = openDir();
    const entry = (date: string, hours: number): ArgOf<'createTimeEntry'> => ({
      fields: { date, activity: 'demand-shaping', hours, note: '' },
    });
    await call(wb, 'createTimeEntry', entry('2025-12-30', 2));
    const moved = await call(wb, 'createTimeEntry', entry('2026-01-05', 3));
    await call(wb, 'createTimeEntry', entry('2026-02-01', 1.5));
    expect(fs.readdirSync(path.join(dir, 'time')).sort()).toEqual(['2025.json', '2026.json']);

    await call(wb, 'updateTimeEntry', { id: moved.id, fields: { ...entry('2025-12-31', 3).fields } });
    const reopened = openDir();
    const period = await call(reopened, 'listTimeEntries', {
      from: '2025-12-01',
      to: '2026-01-31',
    });
    expect(period.map((e) => [e.date, e.hours])).toEqual([
      ['2025-12-30', 2],
      ['2025-12-31', 3],
    ]);
    expect(await refusal(wb, 'createTimeEntry', entry('2026-02-02', 25))).toMatchObject({
      fieldErrors: { 'fields.hours': 'A day has at most 24 hours.' },
    });
  });

  it('keeps an ideal split that adds up to 100 and refuses one that does not', async () => {
    const wb = openDir();
    const error = await refusal(wb, 'updateIdealSplit', {
      split: { ...DEFAULT_IDEAL_SPLIT, administration: 0 },
    });
    expect(error.message).toBe('Not saved: The shares must add up to 100 % (now 94 %).');
    const split = { ...DEFAULT_IDEAL_SPLIT, administration: 0, 'demand-shaping': 28 };
    await call(wb, 'updateIdealSplit', { split });
    expect((await call(openDir(), 'getRegisterSettings', {})).idealSplit).toEqual(split);
  });
});

describe('dashboard and agenda through the service', () => {
  it('computes the measurements and the attention lists from the stored workbook', async () => {
    const wb = openDir();
    const retail = await unitWithCustomer(wb, 'Retail', 'Ben (IT)');
    const finance = await unitWithCustomer(wb, 'Finance');
    await call(wb, 'createAgreement', { unitId: retail.unitId, fields: agreementFields() });
    await call(wb, 'createFeedback', {
      unitId: finance.unitId,
      fields: {
        ...emptyFeedbackFields('complaint', '2026-05-10'),
        fromName: 'Finance customer',
        aboutName: 'Payroll',
        description: 'Payslips late.',
        severity: 'serious',
      },
    });
    await call(wb, 'createSurvey', {
      unitId: retail.unitId,
      fields: {
        date: '2026-05-01',
        respondentContactId: null,
        respondentName: 'M',
        scores: { overall: 4 },
        comment: '',
      },
    });
    wb.store.put(
      meetingShard,
      'meeting-next-1',
      meeting(retail.unitId, { id: 'meeting-next-1', date: '2026-06-02' }),
    );

    const dashboard = await call(openDir(), 'getDashboard', {});
    expect(dashboard.today).toBe('2026-05-20');
    expect([dashboard.itContacts.count, dashboard.itContacts.of]).toEqual([1, 2]);
    expect([dashboard.writtenAgreements.count, dashboard.writtenAgreements.of]).toEqual([1, 2]);
    expect(dashboard.satisfaction.latest).toMatchObject({ label: 'Q2 2026', average: 4 });
    expect(dashboard.complaints.current.complaints).toBe(1);
    expect(dashboard.agreementsDue.map((a) => [a.title, a.due.days])).toEqual([
      ['Workplace services SLA', 26],
    ]);
    expect(dashboard.openComplaints.map((c) => c.aboutName)).toEqual(['Payroll']);
    expect(dashboard.nextMeetings.map((m) => m.id)).toEqual(['meeting-next-1']);
  });

  it("gives a meeting its unit's register material", async () => {
    const wb = openDir();
    const { unitId } = await unitWithCustomer(wb, 'Retail');
    await call(wb, 'createAgreement', { unitId, fields: agreementFields() });
    wb.store.put(
      meetingShard,
      'meeting-annual',
      meeting(unitId, { id: 'meeting-annual', kind: 'annual', date: '2026-06-01' }),
    );
    const sections = await call(wb, 'getAgendaContext', {
      meetingId: 'meeting-annual',
    });
    expect(sections).toHaveLength(1);
    expect(sections[0]).toMatchObject({
      topic: 'agreements',
      agreements: [{ reasons: [{ reason: 'review' }] }],
    });
    expect((await refusal(wb, 'getAgendaContext', { meetingId: 'meeting-missing' })).code).toBe('not-found');
  });
});
