import type { IsoDate } from './common';
import type { Directory } from './customers';
import { isActionOpen, type ActionItem, type Meeting } from './meetings';
import {
  compareComplaints,
  daysBetween,
  dueAgreements,
  quarterlySatisfaction,
  type AgreementDue,
  type ComplaintComparison,
  type SatisfactionSummary,
} from './register-rules';
import { isAgreementInForce, isOpenComplaint, type Agreement, type Feedback, type Survey } from './registers';

/** What the dashboard reads of one unit's records file. */
export interface UnitRegisters {
  unitId: string;
  agreements: readonly Agreement[];
  feedback: readonly Feedback[];
  surveys: readonly Survey[];
  actions: readonly ActionItem[];
}

export type MeetingSummary = Pick<
  Meeting,
  'id' | 'unitId' | 'kind' | 'date' | 'time' | 'status' | 'location'
>;

export interface DashboardInput {
  directory: Directory;
  registers: readonly UnitRegisters[];
  meetings: readonly MeetingSummary[];
}

export interface Ratio<T> {
  count: number;
  of: number;
  /** The ones that do not count yet: what the BRM can act on. */
  missing: T[];
}

export interface Dashboard {
  today: IsoDate;
  /** Seed 002: customers and purchasers with a designated contact in the IT department. */
  itContacts: Ratio<{
    contactId: string;
    name: string;
    role: 'customer' | 'purchaser';
    unitId: string;
    unitName: string;
  }>;
  /** Seed 002: customers with a written agreement regarding the delivery (one in force). */
  writtenAgreements: Ratio<{ unitId: string; unitName: string; customerName: string }>;
  /** Seed 002: results of customer surveys, per quarter across all units. */
  satisfaction: SatisfactionSummary;
  /** Seed 002: the number of complaints, the last three months against the three before. */
  complaints: ComplaintComparison;
  nextMeetings: Array<MeetingSummary & { unitName: string }>;
  overdueActions: Array<{
    id: string;
    title: string;
    owner: string;
    dueDate: IsoDate;
    daysOverdue: number;
    unitId: string;
    unitName: string;
    raisedInMeetingId: string | null;
  }>;
  agreementsDue: Array<{
    id: string;
    title: string;
    type: Agreement['type'];
    unitId: string;
    unitName: string;
    due: AgreementDue;
  }>;
  openComplaints: Array<{
    id: string;
    date: IsoDate;
    unitId: string;
    unitName: string;
    fromName: string;
    aboutName: string;
    severity: Feedback['severity'];
    status: Feedback['status'];
    description: string;
  }>;
}

const SEVERITY_ORDER: Record<string, number> = { serious: 0, moderate: 1, minor: 2 };

/**
 * Seed 002's four measurements of the process and what needs the BRM's attention now, over the units
 * still served (archived units are left out).
 */
export function computeDashboard(input: DashboardInput, today: IsoDate): Dashboard {
  const activeUnits = input.directory.units.filter((u) => !u.archived);
  const unitName = new Map(activeUnits.map((u) => [u.id, u.name]));
  const served = (unitId: string) => unitName.has(unitId);
  const registers = input.registers.filter((r) => served(r.unitId));

  const buyers = input.directory.contacts.filter(
    (c): c is typeof c & { role: 'customer' | 'purchaser' } =>
      served(c.unitId) && (c.role === 'customer' || c.role === 'purchaser'),
  );
  const withoutItContact = buyers.filter((c) => c.itContact.trim() === '');

  const customers = input.directory.contacts.filter((c) => served(c.unitId) && c.role === 'customer');
  const unitsWithAgreement = new Set(
    registers.filter((r) => r.agreements.some((a) => isAgreementInForce(a.status))).map((r) => r.unitId),
  );
  const customersWithout = customers.filter((c) => !unitsWithAgreement.has(c.unitId));

  const allAgreements = registers.flatMap((r) => r.agreements);
  const allFeedback = registers.flatMap((r) => r.feedback);

  return {
    today,
    itContacts: {
      count: buyers.length - withoutItContact.length,
      of: buyers.length,
      missing: withoutItContact.map((c) => ({
        contactId: c.id,
        name: c.name,
        role: c.role,
        unitId: c.unitId,
        unitName: unitName.get(c.unitId) ?? '',
      })),
    },
    writtenAgreements: {
      count: customers.length - customersWithout.length,
      of: customers.length,
      missing: customersWithout.map((c) => ({
        unitId: c.unitId,
        unitName: unitName.get(c.unitId) ?? '',
        customerName: c.name,
      })),
    },
    satisfaction: quarterlySatisfaction(registers.flatMap((r) => r.surveys)),
    complaints: compareComplaints(allFeedback, today),
    nextMeetings: input.meetings
      .filter((m) => served(m.unitId) && m.status === 'planned' && m.date >= today)
      .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time))
      .map((m) => ({ ...m, unitName: unitName.get(m.unitId) ?? '' })),
    overdueActions: registers
      .flatMap((r) => r.actions)
      .filter((a) => isActionOpen(a.status) && a.dueDate < today)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title))
      .map((a) => ({
        id: a.id,
        title: a.title,
        owner: a.owner,
        dueDate: a.dueDate,
        daysOverdue: daysBetween(a.dueDate, today),
        unitId: a.unitId,
        unitName: unitName.get(a.unitId) ?? '',
        raisedInMeetingId: a.raisedInMeetingId,
      })),
    agreementsDue: dueAgreements(allAgreements, today).map(({ agreement, due }) => ({
      id: agreement.id,
      title: agreement.title,
      type: agreement.type,
      unitId: agreement.unitId,
      unitName: unitName.get(agreement.unitId) ?? '',
      due,
    })),
    openComplaints: allFeedback
      .filter(isOpenComplaint)
      .sort(
        (a, b) =>
          (SEVERITY_ORDER[a.severity ?? ''] ?? 3) - (SEVERITY_ORDER[b.severity ?? ''] ?? 3) ||
          a.date.localeCompare(b.date),
      )
      .map((f) => ({
        id: f.id,
        date: f.date,
        unitId: f.unitId,
        unitName: unitName.get(f.unitId) ?? '',
        fromName: f.fromName,
        aboutName: f.aboutName,
        severity: f.severity,
        status: f.status,
        description: f.description,
      })),
  };
}
