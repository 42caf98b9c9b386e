/**
 * Engagement cadence (seeds 000 and 003: time spent with the right people). Each contact has a target
 * cadence — how often the BRM should meet them — by role, overridable per contact. "Last met" is the
 * latest meeting the contact attended (present) or the latest informal contact logged; a relationship is
 * overdue once a cadence has passed since then (or since the contact was added, for one never met).
 */
import { addMonths } from 'date-fns';
import { z } from 'zod';
import { LIMITS, idSchema, isoDateSchema, optionalText, recordMeta, type IsoDate } from './common';
import { CONTACT_ROLES, type Contact, type ContactRole } from './customers';
import { daysBetween, parseIsoDate, toIsoDate } from './register-rules';

export const MAX_CADENCE_MONTHS = 60;

/** Whole months between meetings, or null for no target cadence. */
export const cadenceSchema = z
  .number({ error: 'Enter the cadence as a whole number of months.' })
  .int('Enter the cadence as a whole number of months.')
  .min(1, 'A cadence is at least one month (leave it empty for none).')
  .max(MAX_CADENCE_MONTHS, `A cadence is at most ${MAX_CADENCE_MONTHS} months.`)
  .nullable();
export type Cadence = z.infer<typeof cadenceSchema>;

export const roleCadenceSchema = z.strictObject(
  Object.fromEntries(CONTACT_ROLES.map((role) => [role, cadenceSchema])) as Record<
    ContactRole,
    typeof cadenceSchema
  >,
);
export type RoleCadence = z.infer<typeof roleCadenceSchema>;

/** Seed 003: the customer every quarter, purchasers and key users twice a year, others when it comes up. */
export const DEFAULT_ROLE_CADENCE: RoleCadence = {
  customer: 3,
  purchaser: 6,
  'key-user': 6,
  user: null,
  'it-stakeholder': null,
};

/** A contact's own cadence, replacing its role's; months null means "no target" for this contact. */
export const cadenceOverrideSchema = z.strictObject({ contactId: idSchema, months: cadenceSchema });
export type CadenceOverride = z.infer<typeof cadenceOverrideSchema>;

/** A corridor conversation that counts as meeting the contact. */
export const informalContactFieldsSchema = z.strictObject({
  contactId: idSchema,
  date: isoDateSchema,
  note: optionalText(LIMITS.shortText),
});
export const informalContactSchema = z.strictObject({
  ...recordMeta,
  ...informalContactFieldsSchema.shape,
  /** The contact's unit when logged (contacts do not change unit): search places the note with it. */
  unitId: idSchema,
});
export type InformalContact = z.infer<typeof informalContactSchema>;

export const engagementFileSchema = z.strictObject({
  roleCadence: roleCadenceSchema,
  overrides: z.array(cadenceOverrideSchema).max(LIMITS.list * 10),
  informal: z.array(informalContactSchema).max(LIMITS.list * 20),
});
export type EngagementFile = z.infer<typeof engagementFileSchema>;

export const emptyEngagement = (): EngagementFile => ({
  roleCadence: { ...DEFAULT_ROLE_CADENCE },
  overrides: [],
  informal: [],
});

/** One relationship as the dashboard and the stakeholder map show it. */
export interface EngagementRow {
  contactId: string;
  unitId: string;
  name: string;
  role: ContactRole;
  /** The contact's designated IT contact ("IT buddy"), by name. */
  itContact: string;
  cadenceMonths: number | null;
  cadenceFrom: 'role' | 'contact';
  lastMet: IsoDate | null;
  lastMetHow: 'meeting' | 'informal' | null;
  /** When the next meeting is due, or null when the contact has no cadence. */
  dueBy: IsoDate | null;
  /** Days past dueBy; 0 when not overdue. */
  overdueDays: number;
}

/** What cadence applies to a contact: its own when set, else its role's. */
export function effectiveCadence(
  role: ContactRole,
  override: CadenceOverride | undefined,
  roleCadence: RoleCadence,
): { months: number | null; from: 'role' | 'contact' } {
  return override
    ? { months: override.months, from: 'contact' }
    : { months: roleCadence[role], from: 'role' };
}

/** A meeting as far as attendance goes: its date and who was present. */
export interface AttendanceRecord {
  date: IsoDate;
  presentContactIds: readonly string[];
}

export interface LastMet {
  date: IsoDate;
  how: 'meeting' | 'informal';
}

/**
 * The latest day on or before today the contact was met: attended a meeting (present) or was met
 * informally. Planned meetings in the future do not count, even with attendance filled in early.
 */
export function lastMetOf(
  contactId: string,
  meetings: readonly AttendanceRecord[],
  informal: readonly Pick<InformalContact, 'contactId' | 'date'>[],
  today: IsoDate,
): LastMet | null {
  let best: LastMet | null = null;
  const consider = (date: IsoDate, how: LastMet['how']) => {
    if (date > today) return;
    if (!best || date > best.date || (date === best.date && how === 'meeting')) best = { date, how };
  };
  for (const m of meetings) if (m.presentContactIds.includes(contactId)) consider(m.date, 'meeting');
  for (const i of informal) if (i.contactId === contactId) consider(i.date, 'informal');
  return best;
}

/** The day a cadence of `months` after `from` falls; the 31st runs to the month's last day. */
export function dueByOf(from: IsoDate, months: number | null): IsoDate | null {
  return months === null ? null : toIsoDate(addMonths(parseIsoDate(from), months));
}

export function overdueDaysOf(dueBy: IsoDate | null, today: IsoDate): number {
  return dueBy === null ? 0 : Math.max(0, daysBetween(dueBy, today));
}

/** Every contact's relationship, in directory order. */
export function engagementRows(
  contacts: readonly Contact[],
  meetings: readonly AttendanceRecord[],
  engagement: EngagementFile,
  today: IsoDate,
): EngagementRow[] {
  const overrides = new Map(engagement.overrides.map((o) => [o.contactId, o]));
  return contacts.map((contact) => {
    const cadence = effectiveCadence(contact.role, overrides.get(contact.id), engagement.roleCadence);
    const met = lastMetOf(contact.id, meetings, engagement.informal, today);
    // Never met: the clock starts when the contact was added to the workbook.
    const since = met?.date ?? contact.createdAt.slice(0, 10);
    const dueBy = dueByOf(since, cadence.months);
    return {
      contactId: contact.id,
      unitId: contact.unitId,
      name: contact.name,
      role: contact.role,
      itContact: contact.itContact,
      cadenceMonths: cadence.months,
      cadenceFrom: cadence.from,
      lastMet: met?.date ?? null,
      lastMetHow: met?.how ?? null,
      dueBy,
      overdueDays: overdueDaysOf(dueBy, today),
    };
  });
}

/** The overdue relationships, most overdue first (ties by name, so the order is stable). */
export function overdueFirst(rows: readonly EngagementRow[]): EngagementRow[] {
  return rows
    .filter((r) => r.overdueDays > 0)
    .sort((a, b) => b.overdueDays - a.overdueDays || a.name.localeCompare(b.name));
}
