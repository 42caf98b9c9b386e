import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unitLabels } from '../../../shared/domain/customers';
import { call, open, refusal, tempDir, unitFields } from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';

let dir: string;
let wb: Workbook;

beforeEach(() => {
  dir = tempDir('brm-customers-');
  wb = open(dir);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const create = (name: string, parentId: string | null = null) =>
  call(wb, 'createUnit', { parentId, fields: unitFields(name) });
const directory = () => call(wb, 'getDirectory');

describe('unit names among siblings', () => {
  it('refuses a second "Retail division" however it is spaced or capitalised, naming the one there', async () => {
    await create('Retail division');
    const error = await refusal(wb, 'createUnit', {
      parentId: null,
      fields: unitFields(' retail  DIVISION '),
    });
    expect(error.message).toBe(
      'There is already a unit named "Retail division" at the top of the customer structure. Give this unit another name.',
    );
    expect(error.fieldErrors?.['fields.name']).toBe(error.message);
    expect((await directory()).units.map((u) => u.name)).toEqual(['Retail division']);
  });

  it('refuses renaming or moving a unit onto a sibling’s name, and keeps the unit as it was', async () => {
    const company = await create('Contoso');
    const retail = await create('Retail', company.id);
    const sales = await create('Sales', company.id);
    const elsewhere = await create('Sales');
    const renamed = await refusal(wb, 'updateUnit', { id: retail.id, fields: unitFields('SALES') });
    expect(renamed.message).toContain('under Contoso');
    const moved = await refusal(wb, 'moveUnit', { id: elsewhere.id, parentId: company.id });
    expect(moved.fieldErrors?.parentId).toContain('"Sales"');
    const units = (await directory()).units;
    expect(units.find((u) => u.id === retail.id)?.name).toBe('Retail');
    expect(units.find((u) => u.id === elsewhere.id)?.parentId).toBeNull();
    // Renaming a unit to its own name with other spacing is no duplicate.
    await call(wb, 'updateUnit', { id: sales.id, fields: unitFields('sales ') });
  });

  it('allows one name under different parents, and pickers then show the path', async () => {
    const retail = await create('Retail');
    const wholesale = await create('Wholesale');
    const a = await create('Sales', retail.id);
    const b = await create('Sales', wholesale.id);
    const labels = unitLabels((await directory()).units);
    expect(labels.get(a.id)).toBe('Retail › Sales');
    expect(labels.get(b.id)).toBe('Wholesale › Sales');
    expect(labels.get(retail.id)).toBe('Retail');
  });
});
