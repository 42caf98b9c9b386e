import { describe, expect, it } from 'vitest';
import { agendaContext, agendaItemForTopic, meetingPeriod } from '../../shared/domain/agenda-context';
import { agreement, feedback, meeting, survey } from '../fixtures/registers';

const UNIT = 'unit-retail';
const OTHER = 'unit-other';

const records = {
  agreements: [
    agreement(UNIT, {
      title: 'Review in window',
      status: 'active',
      reviewDate: '2026-11-01',
      endDate: '2028-01-01',
    }),
    agreement(UNIT, { title: 'Ends in window', status: 'active', reviewDate: null, endDate: '2027-03-09' }),
    agreement(UNIT, { title: 'Ends the day after', status: 'active', endDate: '2027-03-10' }),
    agreement(UNIT, { title: 'Review overdue', status: 'under-review', reviewDate: '2026-01-15' }),
    agreement(UNIT, { title: 'Expired', status: 'expired', reviewDate: '2026-06-01' }),
    agreement(OTHER, { title: 'Other unit', status: 'active', reviewDate: '2026-06-01' }),
  ],
  feedback: [
    feedback(UNIT, { kind: 'complaint', date: '2026-02-01', severity: 'serious', status: 'open' }),
    feedback(UNIT, { kind: 'compliment', date: '2026-02-28', passedOnTo: 'Jan' }),
    feedback(UNIT, { kind: 'complaint', date: '2026-03-01', severity: 'minor', status: 'open' }),
    feedback(UNIT, {
      kind: 'complaint',
      date: '2026-01-31',
      severity: 'minor',
      status: 'resolved',
      resolution: 'ok',
    }),
    feedback(OTHER, { kind: 'complaint', date: '2026-02-10', severity: 'minor', status: 'open' }),
  ],
  surveys: [
    survey(UNIT, '2025-09-01', { overall: 3 }),
    survey(UNIT, '2026-02-20', { overall: 4, reliability: 5 }),
    survey(UNIT, '2026-03-20', { overall: 1 }),
    survey(OTHER, '2026-03-01', { overall: 5 }),
  ],
};

describe('agenda context', () => {
  it('gives a periodic meeting the feedback of its period and the satisfaction known on the day', () => {
    const m = meeting(UNIT, {
      kind: 'periodic',
      date: '2026-03-10',
      periodStart: '2026-02-01',
      periodEnd: '2026-02-28',
    });
    const [fb, sat] = agendaContext(m, records);
    expect(fb).toMatchObject({ topic: 'feedback', period: { from: '2026-02-01', to: '2026-02-28' } });
    if (fb?.topic !== 'feedback' || sat?.topic !== 'satisfaction') throw new Error('wrong sections');
    expect(fb.complaints.map((f) => f.date)).toEqual(['2026-02-01']);
    expect(fb.compliments.map((f) => f.date)).toEqual(['2026-02-28']);
    // The survey of 20 March came after the meeting: not part of its record.
    expect(sat.latest?.survey.date).toBe('2026-02-20');
    expect(sat.latest?.average).toBe(4.5);
    expect(sat.change).toBe(1.5);
  });

  it('falls back to the calendar month before the meeting when no period was set', () => {
    expect(meetingPeriod(meeting(UNIT, { date: '2026-03-31', periodStart: null, periodEnd: null }))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(meetingPeriod(meeting(UNIT, { date: '2024-03-01' }))).toEqual({
      from: '2024-02-01',
      to: '2024-02-29',
    });
  });

  it('gives an annual meeting the agreements whose review or end falls in the coming twelve months', () => {
    const [section] = agendaContext(meeting(UNIT, { kind: 'annual', date: '2026-03-10' }), records);
    if (section?.topic !== 'agreements') throw new Error('wrong section');
    expect(section.window).toEqual({ from: '2026-03-10', to: '2027-03-09' });
    expect(section.agreements.map((a) => [a.agreement.title, a.reasons.map((r) => r.reason)])).toEqual([
      ['Review overdue', ['review-overdue']],
      ['Review in window', ['review']],
      ['Ends in window', ['end']],
    ]);
  });

  it('gives an ad hoc meeting the open complaints of its unit', () => {
    const [section] = agendaContext(meeting(UNIT, { kind: 'adhoc', date: '2026-03-10' }), records);
    if (section?.topic !== 'feedback') throw new Error('wrong section');
    expect(section.period).toBeNull();
    expect(section.complaints.map((c) => c.date)).toEqual(['2026-02-01', '2026-03-01']);
  });

  it('finds the agenda item each section belongs under', () => {
    const items = [
      'Business strategies and drivers',
      'Complaints and compliments',
      'Customer satisfaction',
      'Changes to service level agreements',
    ].map((title, i) => ({ id: `item-${i}xxxx`, title, guidance: '', minutes: '', decisions: [] }));
    expect(agendaItemForTopic('feedback', items)?.title).toBe('Complaints and compliments');
    expect(agendaItemForTopic('satisfaction', items)?.title).toBe('Customer satisfaction');
    expect(agendaItemForTopic('agreements', items)?.title).toBe('Changes to service level agreements');
    expect(agendaItemForTopic('agreements', items.slice(0, 1))).toBeNull();
  });
});
