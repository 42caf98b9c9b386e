import { describe, expect, it } from 'vitest';
import {
  agreementDue,
  compareComplaints,
  comparisonPeriods,
  describeDue,
  dueAgreements,
  nextTwelveMonths,
  quarterlySatisfaction,
  relationshipShareOf,
  serviceLines,
  surveyAverage,
  timePeriodRange,
  timeSplit,
  unitSatisfaction,
  yearsOf,
} from './register-rules';
import {
  agreementFieldsSchema,
  emptyAgreementFields,
  emptyFeedbackFields,
  feedbackFieldsSchema,
  normaliseFeedback,
  referenceLink,
  surveyFieldsSchema,
  type Survey,
} from './registers';
import { DEFAULT_IDEAL_SPLIT, idealSplitSchema, timeEntryFieldsSchema } from './time-log';
import { fieldErrorsOf } from '../contract/define';

const survey = (date: string, scores: Record<string, number>, unitId = 'unit-aaaaaa'): Survey => ({
  id: `s-${date}-${Object.values(scores).join('')}`.padEnd(8, 'x'),
  createdAt: `${date}T10:00:00.000Z`,
  updatedAt: `${date}T10:00:00.000Z`,
  unitId,
  date,
  respondentContactId: null,
  respondentName: 'Maria',
  scores,
  comment: '',
});

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrorsOf(result.error as Parameters<typeof fieldErrorsOf>[0]);

describe('agreement rules', () => {
  const active = { status: 'active' as const, reviewDate: null, endDate: null };

  it('is due when its review falls within 90 days, and says so', () => {
    const due = agreementDue({ ...active, reviewDate: '2026-03-31' }, '2026-01-01');
    expect(due).toEqual({ reason: 'review', date: '2026-03-31', days: 89 });
    expect(describeDue(due!)).toBe('Review in 89 days');
    expect(agreementDue({ ...active, reviewDate: '2026-04-02' }, '2026-01-01')).toBeNull();
  });

  it('takes the earlier of review and end, and flags a passed review as overdue', () => {
    expect(
      agreementDue({ ...active, reviewDate: '2026-06-01', endDate: '2026-02-01' }, '2026-01-01')?.reason,
    ).toBe('end');
    const overdue = agreementDue({ ...active, reviewDate: '2025-12-25' }, '2026-01-01')!;
    expect(overdue.days).toBe(-7);
    expect(describeDue(overdue)).toBe('Review overdue by 7 days');
  });

  it('never flags drafts or expired agreements', () => {
    expect(
      agreementDue({ status: 'draft', reviewDate: '2026-01-10', endDate: null }, '2026-01-01'),
    ).toBeNull();
    expect(
      agreementDue({ status: 'expired', reviewDate: null, endDate: '2026-01-10' }, '2026-01-01'),
    ).toBeNull();
  });

  it('counts calendar days, whatever daylight saving does', () => {
    // 29 March 2026 is the spring-forward night in Europe; a day is still a day.
    expect(agreementDue({ ...active, reviewDate: '2026-03-30' }, '2026-03-28')?.days).toBe(2);
  });

  it('sorts the due ones, most urgent first', () => {
    const list = [
      { id: 'b', ...active, reviewDate: '2026-02-10' },
      { id: 'a', ...active, reviewDate: '2025-12-01' },
      { id: 'c', ...active, reviewDate: '2027-01-01' },
    ];
    expect(dueAgreements(list, '2026-01-01').map((x) => x.agreement.id)).toEqual(['a', 'b']);
  });

  it('refuses an end before the start, a negative amount and a non-https link, with clear messages', () => {
    const fields = {
      ...emptyAgreementFields(),
      title: 'Email and calendar',
      startDate: '2026-05-01',
      endDate: '2026-04-30',
      financing: { amount: -5, currency: 'EUR', period: 'yearly' as const, costCentre: '' },
      reference: 'javascript:alert(1)',
    };
    expect(errorsOf(agreementFieldsSchema.safeParse(fields))).toEqual({
      endDate: 'The end date is before the start date.',
      'financing.amount': 'The amount cannot be negative.',
      reference: 'Use an https:// link, or a plain reference such as a document number.',
    });
  });

  it('describes services and their levels in one line each', () => {
    const services = [
      {
        id: 'svc-email',
        name: 'Email',
        levels: [
          { id: 'lvl-a1', metric: 'Availability', target: 99.5, unit: '%', direction: 'at-least' as const },
          { id: 'lvl-a2', metric: 'Restore time', target: 4, unit: 'h', direction: 'at-most' as const },
        ],
      },
      { id: 'svc-print', name: 'Printing', levels: [] },
    ];
    expect(serviceLines({ services })).toEqual([
      'Email: Availability ≥ 99.5 %, Restore time ≤ 4 h',
      'Printing',
    ]);
  });

  it('accepts an https link or plain reference text', () => {
    const ok = (reference: string) =>
      agreementFieldsSchema.safeParse({ ...emptyAgreementFields(), title: 'X', reference }).success;
    expect(ok('https://intranet.example.com/sla/42')).toBe(true);
    expect(ok('Ref: CT-2026-014, signed copy in the contract archive')).toBe(true);
    expect(ok('http://example.com/sla')).toBe(false);
    expect(ok('file:///etc/passwd')).toBe(false);
    expect(referenceLink('CT-2026-014')).toBeNull();
    expect(referenceLink('https://example.com/a b')).toBe('https://example.com/a%20b');
  });
});

describe('feedback rules', () => {
  it('asks for a resolution before a complaint is marked resolved', () => {
    const fields = {
      ...emptyFeedbackFields('complaint', '2026-02-03'),
      fromName: 'Maria',
      aboutName: 'Service desk',
      description: 'Tickets left unanswered for a week.',
      status: 'resolved' as const,
    };
    expect(errorsOf(feedbackFieldsSchema.safeParse(fields))).toEqual({
      resolution: 'Describe how the complaint was resolved before marking it resolved.',
    });
  });

  it('refuses a compliment passed on before it was received', () => {
    const fields = {
      ...emptyFeedbackFields('compliment', '2026-02-03'),
      fromName: 'Maria',
      aboutName: 'Jan, service desk',
      description: 'Fixed it in minutes.',
      passedOnTo: 'Jan',
      passedOnDate: '2026-02-01',
    };
    expect(errorsOf(feedbackFieldsSchema.safeParse(fields))).toEqual({
      passedOnDate: 'A compliment cannot be passed on before it was received.',
    });
  });

  it('keeps only the fields of its kind', () => {
    const compliment = normaliseFeedback({
      ...emptyFeedbackFields('compliment', '2026-02-03'),
      severity: 'serious',
      status: 'open',
      resolution: 'x',
    });
    expect(compliment).toMatchObject({ severity: null, status: null, resolution: '' });
  });
});

describe('survey and time rules', () => {
  it('refuses a score outside 1 to 5', () => {
    const result = surveyFieldsSchema.safeParse({
      date: '2026-01-10',
      respondentContactId: null,
      respondentName: 'Maria',
      scores: { overall: 6, reliability: 0 },
      comment: '',
    });
    expect(errorsOf(result)).toEqual({
      'scores.overall': 'Scores run from 1 to 5.',
      'scores.reliability': 'Scores run from 1 to 5.',
    });
  });

  it('needs at least one score', () => {
    const result = surveyFieldsSchema.safeParse({
      date: '2026-01-10',
      respondentContactId: null,
      respondentName: 'Maria',
      scores: {},
      comment: '',
    });
    expect(errorsOf(result)).toEqual({ scores: 'Give at least one score.' });
  });

  it('refuses zero hours and an ideal split that does not add up', () => {
    expect(
      errorsOf(
        timeEntryFieldsSchema.safeParse({
          date: '2026-01-10',
          activity: 'communication',
          hours: 0,
          note: '',
        }),
      ),
    ).toEqual({ hours: 'Enter more than 0 hours.' });
    expect(errorsOf(idealSplitSchema.safeParse({ ...DEFAULT_IDEAL_SPLIT, communication: 13 }))).toEqual({
      _: 'The shares must add up to 100 % (now 95 %).',
    });
    expect(idealSplitSchema.safeParse(DEFAULT_IDEAL_SPLIT).success).toBe(true);
  });
});

describe('satisfaction', () => {
  it('averages the scores given, ignoring unanswered questions', () => {
    expect(surveyAverage({ scores: { a: 4, b: 5, c: 3 } })).toBe(4);
    expect(surveyAverage({ scores: { a: 4, b: 5 } })).toBe(4.5);
  });

  it("gives a unit's latest result and its change against the previous one", () => {
    const summary = unitSatisfaction([
      survey('2026-06-01', { a: 4, b: 4 }),
      survey('2025-12-01', { a: 3, b: 4 }),
      survey('2025-06-01', { a: 2 }),
    ]);
    expect(summary.points.map((p) => p.average)).toEqual([2, 3.5, 4]);
    expect(summary.latest?.date).toBe('2026-06-01');
    expect(summary.change).toBe(0.5);
  });

  it('groups all units by calendar quarter', () => {
    const summary = quarterlySatisfaction([
      survey('2026-01-15', { a: 4 }, 'unit-a'),
      survey('2026-03-31', { a: 2 }, 'unit-b'),
      survey('2026-04-01', { a: 5 }, 'unit-a'),
    ]);
    expect(summary.points).toEqual([
      { date: '2026-01-01', label: 'Q1 2026', average: 3, count: 2 },
      { date: '2026-04-01', label: 'Q2 2026', average: 5, count: 1 },
    ]);
    expect(summary.change).toBe(2);
  });

  it('has no change with a single result', () => {
    expect(unitSatisfaction([survey('2026-01-01', { a: 3 })]).change).toBeNull();
    expect(quarterlySatisfaction([]).latest).toBeNull();
  });
});

describe('complaints this period against the previous', () => {
  it('compares the last three months with the three before', () => {
    expect(comparisonPeriods('2026-05-31', 3)).toEqual({
      current: { from: '2026-03-01', to: '2026-05-31' },
      previous: { from: '2025-12-01', to: '2026-02-28' },
    });
    const feedback = [
      { kind: 'complaint' as const, date: '2026-05-31' },
      { kind: 'complaint' as const, date: '2026-03-01' },
      { kind: 'compliment' as const, date: '2026-04-01' },
      { kind: 'complaint' as const, date: '2026-02-28' },
      { kind: 'complaint' as const, date: '2025-11-30' },
    ];
    const result = compareComplaints(feedback, '2026-05-31');
    expect(result.current).toMatchObject({ complaints: 2, compliments: 1 });
    expect(result.previous).toMatchObject({ complaints: 1, compliments: 0 });
  });
});

describe("the BRM's time", () => {
  it('splits logged hours over the activities and calls out the relationship-centric share', () => {
    const split = timeSplit([
      { activity: 'demand-shaping', hours: 3 },
      { activity: 'communication', hours: 1 },
      { activity: 'business-support', hours: 4 },
    ]);
    expect(split.totalHours).toBe(8);
    expect(split.share['business-support']).toBe(50);
    expect(split.share['demand-shaping']).toBe(37.5);
    expect(split.relationshipShare).toBe(50);
    expect(relationshipShareOf(DEFAULT_IDEAL_SPLIT)).toBe(66);
  });

  it('is all zero when nothing is logged', () => {
    const split = timeSplit([]);
    expect(split.totalHours).toBe(0);
    expect(split.relationshipShare).toBe(0);
  });

  it('knows the periods and the year files they touch', () => {
    expect(timePeriodRange('month', '2026-03-17')).toEqual({ from: '2026-03-01', to: '2026-03-17' });
    expect(timePeriodRange('three-months', '2026-03-17')).toEqual({ from: '2025-12-18', to: '2026-03-17' });
    expect(timePeriodRange('year', '2026-03-17')).toEqual({ from: '2026-01-01', to: '2026-03-17' });
    expect(yearsOf({ from: '2025-12-18', to: '2026-03-17' })).toEqual(['2025', '2026']);
  });

  it('gives the annual window as twelve months from the meeting, leap day included', () => {
    expect(nextTwelveMonths('2026-03-10')).toEqual({ from: '2026-03-10', to: '2027-03-09' });
    expect(nextTwelveMonths('2028-02-29')).toEqual({ from: '2028-02-29', to: '2029-02-28' });
  });
});
