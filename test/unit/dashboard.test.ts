import { describe, expect, it } from 'vitest';
import { fixtureWorkbook, TODAY } from '../fixtures/registers';
import { computeDashboard } from '../../shared/domain/dashboard';

describe('dashboard on the fixture workbook', () => {
  const dashboard = computeDashboard(fixtureWorkbook(), TODAY);

  it('counts customers and purchasers with a designated IT contact, archived units left out', () => {
    expect(dashboard.itContacts.count).toBe(2);
    expect(dashboard.itContacts.of).toBe(4);
    expect(dashboard.itContacts.missing.map((m) => m.name)).toEqual(['Anna Bakker', 'Sofie Peeters']);
  });

  it('counts customers with an agreement in force (a draft does not count)', () => {
    expect(dashboard.writtenAgreements).toEqual({
      count: 1,
      of: 2,
      missing: [{ unitId: 'unit-finance', unitName: 'Finance', customerName: 'Sofie Peeters' }],
    });
  });

  it('gives the latest quarterly satisfaction and its change', () => {
    expect(dashboard.satisfaction.points.map((p) => [p.label, p.average])).toEqual([
      ['Q1 2026', 3.5],
      ['Q2 2026', 4.5],
    ]);
    expect(dashboard.satisfaction.change).toBe(1);
  });

  it('compares complaints in the last three months with the three before', () => {
    expect(dashboard.complaints.current).toEqual({
      from: '2026-02-21',
      to: '2026-05-20',
      complaints: 2,
      compliments: 1,
    });
    expect(dashboard.complaints.previous).toMatchObject({
      from: '2025-11-21',
      to: '2026-02-20',
      complaints: 1,
    });
  });

  it('lists what needs attention now', () => {
    expect(dashboard.nextMeetings.map((m) => [m.unitName, m.date, m.time])).toEqual([
      ['Retail', '2026-05-28', '09:30'],
      ['Retail', '2026-05-28', '14:00'],
      ['Finance', '2026-06-03', '09:00'],
    ]);
    expect(dashboard.overdueActions.map((a) => [a.title, a.daysOverdue])).toEqual([
      ['Send the capacity report', 19],
      ['Book the workshop', 1],
    ]);
    expect(dashboard.agreementsDue.map((a) => [a.title, a.due.reason, a.due.days])).toEqual([
      ['Retail SLA', 'review', 26],
    ]);
    expect(dashboard.openComplaints.map((c) => [c.unitName, c.severity, c.date])).toEqual([
      ['Retail', 'serious', '2026-04-10'],
      ['Finance', 'minor', '2025-11-01'],
      ['Retail', 'minor', '2026-05-02'],
    ]);
  });

  it('is empty, not broken, for a new workbook', () => {
    const empty = computeDashboard(
      { directory: { units: [], contacts: [] }, registers: [], meetings: [] },
      TODAY,
    );
    expect(empty.itContacts).toEqual({ count: 0, of: 0, missing: [] });
    expect(empty.satisfaction.latest).toBeNull();
    expect(empty.nextMeetings).toEqual([]);
  });
});
