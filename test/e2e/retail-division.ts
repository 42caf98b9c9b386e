import { contactFields, unitFields } from '../unit/workbook-helpers';
import { call, type WorkbookFixture } from './fixtures';

/** Seed 004's people of the Retail division: its customer, two purchasers, a key user and an IT stakeholder. */
export const RETAIL_PEOPLE = [
  ['customer', 'Carla Mendes'],
  ['purchaser', 'Piet de Vries'],
  ['purchaser', 'Paula Smit'],
  ['key-user', 'Kees Bakker'],
  ['it-stakeholder', 'Tom Visser'],
] as const;

/** Seed 004's Retail division set up through the service layer, Ivo Jansen its IT contact. */
export async function retailDivision(workbook: WorkbookFixture, name = 'Retail division') {
  const unit = await call(workbook, 'createUnit', {
    parentId: null,
    fields: { ...unitFields(name), itContact: 'Ivo Jansen' },
  });
  for (const [role, person] of RETAIL_PEOPLE) {
    await call(workbook, 'createContact', { unitId: unit.id, fields: contactFields(person, role) });
  }
  return unit;
}
