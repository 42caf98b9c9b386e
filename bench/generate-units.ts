/** Generated business units (company, divisions, departments) and their contacts. */
import { subMonths } from 'date-fns';
import type { BusinessUnit, Contact, ContactRole, UnitKind } from '../shared/domain/customers';
import type { GenerateOptions } from './generate-profile';
import { date, instant, type TextMaker } from './generate-text';
import type { Prng } from './prng';
import * as words from './vocabulary';

export function makeUnits(
  rng: Prng,
  options: GenerateOptions,
  until: Date,
  text: TextMaker,
  itPeople: readonly string[],
): BusinessUnit[] {
  const units: BusinessUnit[] = [];
  const created = instant(subMonths(until, options.years * 12), 8);
  const divisionCount = Math.min(words.DIVISIONS.length, Math.max(1, Math.floor((options.units - 1) / 5)));
  for (let i = 0; i < options.units; i++) {
    const kind: UnitKind = i === 0 ? 'company' : i <= divisionCount ? 'division' : 'department';
    const name =
      kind === 'company'
        ? words.COMPANY
        : kind === 'division'
          ? (words.DIVISIONS[i - 1] as string)
          : departmentName(i - divisionCount - 1);
    const parent =
      kind === 'company' ? null : kind === 'division' ? units[0] : units[1 + ((i - 1) % divisionCount)];
    units.push({
      id: rng.id(),
      createdAt: created,
      updatedAt: created,
      name,
      kind,
      itContact: rng.pick(itPeople),
      plans: text.paragraph(3, name),
      drivers: text.paragraph(2, name),
      plansReviewedOn: date(subMonths(until, rng.int(1, 14))),
      parentId: parent?.id ?? null,
      archived: false,
      maturity: [0, 1, 2].slice(0, rng.int(0, 3)).map((n) => ({
        id: rng.id(),
        level:
          (['ad-hoc', 'order-taker', 'advisor', 'strategic-partner'] as const)[n + rng.int(0, 1)] ??
          'advisor',
        assessedOn: date(subMonths(until, (3 - n) * 12)),
        note: '',
      })),
    });
  }
  return units;
}

function departmentName(n: number): string {
  const base = words.DEPARTMENTS[n % words.DEPARTMENTS.length] as string;
  const round = Math.floor(n / words.DEPARTMENTS.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

export function makeContact(
  rng: Prng,
  unit: BusinessUnit,
  role: ContactRole,
  name: string,
  until: Date,
): Contact {
  const at = instant(subMonths(until, rng.int(1, 100)), 10);
  return {
    id: rng.id(),
    createdAt: at,
    updatedAt: at,
    unitId: unit.id,
    role,
    name,
    title: role === 'customer' ? `Head of ${unit.name}` : role === 'purchaser' ? 'Team manager' : '',
    email: `${name.toLowerCase().replaceAll(' ', '.')}@contoso.example`,
    phone: `+31 20 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`,
    notes: rng.chance(0.3) ? `Prefers meetings on ${rng.pick(['Monday', 'Tuesday', 'Thursday'])}.` : '',
    itContact: '',
  };
}
