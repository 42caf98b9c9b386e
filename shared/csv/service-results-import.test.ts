import { describe, expect, it } from 'vitest';
import type { ServiceResult } from '../domain/review-pack';
import type { ServiceLevelRef } from '../domain/service-levels';
import {
  detectMapping,
  parseMonthCell,
  parseNumberCell,
  planServiceResultsImport,
} from './service-results-import';

const level = (over: Partial<ServiceLevelRef>): ServiceLevelRef => ({
  agreementId: 'agreement-retail',
  agreementTitle: 'Retail SLA',
  serviceLevelId: 'level-1',
  service: 'Online banking',
  metric: 'Availability',
  target: 99.5,
  unit: '%',
  direction: 'at-least',
  ...over,
});
const availability = level({});
const resolution = level({
  serviceLevelId: 'level-2',
  metric: 'P1 resolution time',
  target: 8,
  unit: 'h',
  direction: 'at-most',
});
const levels = [availability, resolution];

const stored: ServiceResult = {
  id: 'result-1',
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  agreementId: 'agreement-retail',
  serviceLevelId: 'level-1',
  month: '2026-10',
  achieved: 97,
  note: '',
  source: 'typed',
};

describe('cells', () => {
  it('reads months in the forms tools write', () => {
    expect(parseMonthCell('2026-10')).toBe('2026-10');
    expect(parseMonthCell(' 2026-10-31 ')).toBe('2026-10');
    expect(parseMonthCell('Oct 2026')).toBe('2026-10');
    expect(parseMonthCell('October 2026')).toBe('2026-10');
    for (const bad of ['2026-13', '2026-02-30', '31/10/2026', 'last month', ''])
      expect(parseMonthCell(bad)).toBeNull();
  });

  it('reads numbers with a unit or a decimal comma, and refuses what it would have to guess', () => {
    expect(parseNumberCell('99.5', '%')).toBe(99.5);
    expect(parseNumberCell('99,5 %', '%')).toBe(99.5);
    expect(parseNumberCell('99.5%', '')).toBe(99.5);
    expect(parseNumberCell('7.5 h', 'h')).toBe(7.5);
    expect(parseNumberCell('-3', '')).toBe(-3);
    for (const bad of ['n/a', '', '1,234', '9 9', '7.5 days', '0x10', 'Infinity'])
      expect(parseNumberCell(bad, 'h')).toBeNull();
  });

  it('detects the usual column names regardless of case and spacing', () => {
    expect(detectMapping(['Service Name', 'KPI', 'Reporting_Period', 'Actual', 'Comments'])).toEqual({
      agreement: null,
      service: 'Service Name',
      metric: 'KPI',
      month: 'Reporting_Period',
      achieved: 'Actual',
      note: 'Comments',
    });
  });
});

describe('planning an import', () => {
  it('maps the columns and matches each row to a service level, with its verdict', () => {
    const csv =
      'Service;Metric;Month;Achieved;Note\r\nOnline banking;Availability;2026-10;99,1;Storage outage\r\nonline BANKING;P1 resolution time;2026-10;6.5;\r\n';
    const plan = planServiceResultsImport(csv, levels, [stored]);
    expect(plan.errors).toEqual([]);
    expect(plan.columns).toEqual(['Service', 'Metric', 'Month', 'Achieved', 'Note']);
    expect(
      plan.rows.map((r) => [
        r.row,
        r.level.serviceLevelId,
        r.month,
        r.achieved,
        r.verdict,
        r.replaces,
        r.note,
      ]),
    ).toEqual([
      [2, 'level-1', '2026-10', 99.1, 'missed', 97, 'Storage outage'],
      [3, 'level-2', '2026-10', 6.5, 'met', null, ''],
    ]);
  });

  it('refuses wrong columns as a whole, naming what it found', () => {
    const plan = planServiceResultsImport('Name,Score\nA,1\n', levels, []);
    expect(plan.rows).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.row).toBeNull();
    expect(plan.errors[0]?.message).toContain(
      'No column for Service, Service level (metric), Month, Achieved value',
    );
    expect(plan.errors[0]?.message).toContain('"Name", "Score"');
  });

  it('lets the user choose the columns the detection missed', () => {
    const csv = 'Svc,What,When,Score\nOnline banking,Availability,2026-10,99.9\n';
    const plan = planServiceResultsImport(csv, levels, [], {
      service: 'Svc',
      metric: 'What',
      month: 'When',
      achieved: 'Score',
    });
    expect(plan.errors).toEqual([]);
    expect(plan.rows[0]?.verdict).toBe('met');
    expect(planServiceResultsImport(csv, levels, [], { service: 'Nope' }).errors[0]?.message).toBe(
      'There is no column "Nope" in this file.',
    );
  });

  it('reports every bad row by its spreadsheet row number, and keeps no rows when any is bad', () => {
    const csv = [
      'Service,Metric,Month,Achieved',
      'Online banking,Availability,2026-10,99.9',
      'Online banking,Availability,31/10/2026,99.9',
      'Online banking,P1 resolution time,2026-10,n/a',
      'Payroll,Availability,2026-10,99',
      'Online banking,Availability,2026-10,99.8',
      'Online banking,Availability,2026-10',
    ].join('\n');
    const plan = planServiceResultsImport(csv, levels, []);
    expect(plan.errors.map((e) => e.message)).toEqual([
      'Row 3: "31/10/2026" is not a month: use YYYY-MM (2026-10) or a date YYYY-MM-DD.',
      'Row 4: "n/a" is not a number.',
      'Row 5: no agreement of this unit has the service level "Payroll / Availability".',
      'Row 6: it repeats Online banking / Availability for 2026-10 (see row 2).',
      'Row 7: it has 3 values but the header has 4 columns; the achieved value is empty; it repeats Online banking / Availability for 2026-10 (see row 2).',
    ]);
    expect(plan.rowsWithErrors).toBe(5);
  });

  it('asks for the agreement when a service level is in two of them, and uses it when given', () => {
    const other = level({ agreementId: 'agreement-ops', agreementTitle: 'Operations OLA' });
    const ambiguous = planServiceResultsImport(
      'Service,Metric,Month,Achieved\nOnline banking,Availability,2026-10,99\n',
      [availability, other],
      [],
    );
    expect(ambiguous.errors[0]?.message).toContain(
      'is in 2 agreements (Retail SLA, Operations OLA); add an Agreement column',
    );
    const clear = planServiceResultsImport(
      'Agreement,Service,Metric,Month,Achieved\nOperations OLA,Online banking,Availability,2026-10,99\n',
      [availability, other],
      [],
    );
    expect(clear.errors).toEqual([]);
    expect(clear.rows[0]?.level.agreementId).toBe('agreement-ops');
  });

  it('says so for an empty file, a header without rows, and an unclosed quote', () => {
    expect(planServiceResultsImport('', levels, []).errors[0]?.message).toContain('The file is empty');
    expect(
      planServiceResultsImport('\uFEFFService,Metric,Month,Achieved\r\n', levels, []).errors[0]?.message,
    ).toBe('The file has a header row but no results.');
    const unclosed = planServiceResultsImport(
      'Service,Metric,Month,Achieved\nOnline banking,Availability,2026-10,"99\n',
      levels,
      [],
    );
    expect(unclosed.errors[0]?.message).toMatch(/^Row 2: a quoted value is not closed/);
  });

  it('lists at most 200 row errors but counts them all', () => {
    const rows = Array.from({ length: 300 }, () => 'Online banking,Availability,2026-10,x');
    const plan = planServiceResultsImport(['Service,Metric,Month,Achieved', ...rows].join('\n'), levels, []);
    expect(plan.rowsWithErrors).toBe(300);
    expect(plan.errors).toHaveLength(201);
    expect(plan.errors.at(-1)?.message).toBe('…and 100 more rows with errors.');
  });
});
