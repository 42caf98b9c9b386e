import { z } from 'zod';
import {
  LIMITS,
  emailSchema,
  idSchema,
  isoDateSchema,
  optionalText,
  recordMeta,
  requiredName,
} from './common';

export const UNIT_KINDS = ['company', 'division', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const CONTACT_ROLES = ['customer', 'purchaser', 'user', 'key-user', 'it-stakeholder'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  customer: 'Customer',
  purchaser: 'Purchaser',
  user: 'User',
  'key-user': 'Key user',
  'it-stakeholder': 'IT stakeholder',
};

/** Seed 001: the four levels of the relationship maturity model. */
export const MATURITY_LEVELS = ['ad-hoc', 'order-taker', 'advisor', 'strategic-partner'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];
export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  'ad-hoc': 'Ad hoc',
  'order-taker': 'Order taker',
  advisor: 'Advisor',
  'strategic-partner': 'Strategic partner',
};

export const maturityEntrySchema = z.strictObject({
  id: idSchema,
  level: z.enum(MATURITY_LEVELS),
  assessedOn: isoDateSchema,
  note: optionalText(),
});
export type MaturityEntry = z.infer<typeof maturityEntrySchema>;

/** What the user edits on a unit; the stored record adds identity and history. */
export const unitFieldsSchema = z.strictObject({
  name: requiredName('Unit name'),
  kind: z.enum(UNIT_KINDS),
  itContact: optionalText(LIMITS.name),
  plans: optionalText(LIMITS.longText),
  drivers: optionalText(LIMITS.longText),
  plansReviewedOn: isoDateSchema.nullable(),
});
export type UnitFields = z.infer<typeof unitFieldsSchema>;

export const businessUnitSchema = z.strictObject({
  ...recordMeta,
  ...unitFieldsSchema.shape,
  parentId: idSchema.nullable(),
  archived: z.boolean(),
  maturity: z.array(maturityEntrySchema).max(LIMITS.list),
});
export type BusinessUnit = z.infer<typeof businessUnitSchema>;

export const contactFieldsSchema = z.strictObject({
  role: z.enum(CONTACT_ROLES),
  name: requiredName('Name'),
  title: optionalText(LIMITS.name),
  email: emailSchema,
  phone: optionalText(LIMITS.name),
  notes: optionalText(LIMITS.longText),
  itContact: optionalText(LIMITS.name),
});
export type ContactFields = z.infer<typeof contactFieldsSchema>;

export const contactSchema = z.strictObject({
  ...recordMeta,
  ...contactFieldsSchema.shape,
  unitId: idSchema,
});
export type Contact = z.infer<typeof contactSchema>;

export const directorySchema = z.strictObject({
  units: z.array(businessUnitSchema),
  contacts: z.array(contactSchema),
});
export type Directory = z.infer<typeof directorySchema>;

export const emptyUnitFields = (kind: UnitKind = 'division'): UnitFields => ({
  name: '',
  kind,
  itContact: '',
  plans: '',
  drivers: '',
  plansReviewedOn: null,
});

export const emptyContactFields = (role: ContactRole = 'purchaser'): ContactFields => ({
  role,
  name: '',
  title: '',
  email: '',
  phone: '',
  notes: '',
  itContact: '',
});

/** The kind a new child of `parent` gets by default: company → division → department. */
export function childKindOf(parent: BusinessUnit | null): UnitKind {
  if (!parent) return 'company';
  return parent.kind === 'company' ? 'division' : 'department';
}

/** True when `candidateId` is `unitId` itself or one of its descendants (a move there would make a cycle). */
export function isSelfOrDescendant(
  units: readonly BusinessUnit[],
  unitId: string,
  candidateId: string,
): boolean {
  let current: string | null = candidateId;
  const byId = new Map(units.map((u) => [u.id, u]));
  const seen = new Set<string>();
  while (current) {
    if (current === unitId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
    current = byId.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * What makes two unit names the same to a reader: case, surrounding and repeated spaces, and Unicode
 * look-alike forms do not count ("Retail division" and " retail  DIVISION " are one name).
 */
export const unitNameKey = (name: string): string =>
  name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');

/** The sibling of a unit under `parentId` that already bears `name`, if any (`exceptId` is the unit itself). */
export function siblingWithName(
  units: readonly BusinessUnit[],
  parentId: string | null,
  name: string,
  exceptId: string | null,
): BusinessUnit | undefined {
  const key = unitNameKey(name);
  return units.find((u) => u.parentId === parentId && u.id !== exceptId && unitNameKey(u.name) === key);
}

export const UNIT_PATH_SEPARATOR = ' › ';

/**
 * How pickers and lists name each unit: its name, or its path from the top ("Retail › Sales") when another
 * unit elsewhere in the structure has the same name, so two entries never read the same.
 */
export function unitLabels(units: readonly BusinessUnit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const counts = new Map<string, number>();
  for (const u of units) counts.set(unitNameKey(u.name), (counts.get(unitNameKey(u.name)) ?? 0) + 1);
  const pathOf = (unit: BusinessUnit): string => {
    const names = [unit.name];
    const seen = new Set([unit.id]);
    let parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    while (parent && !seen.has(parent.id)) {
      names.unshift(parent.name);
      seen.add(parent.id);
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    return names.join(UNIT_PATH_SEPARATOR);
  };
  return new Map(units.map((u) => [u.id, (counts.get(unitNameKey(u.name)) ?? 0) > 1 ? pathOf(u) : u.name]));
}

/** Which side of the table a contact sits on: IT stakeholders are IT, everyone else is the business. */
export const sideOfRole = (role: ContactRole): 'business' | 'it' =>
  role === 'it-stakeholder' ? 'it' : 'business';
