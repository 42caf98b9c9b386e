import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, contactFields, createUnit, open, tempDir } from '../../../test/unit/workbook-helpers';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('store', () => {
  it('keeps units and contacts across a restart', async () => {
    const wb = open(dir);
    const unit = await createUnit(wb, 'Retail');
    await call(wb, 'createContact', {
      unitId: unit.id,
      fields: { ...contactFields('Maria', 'customer'), email: 'maria@example.com' },
    });
    wb.close();
    const reopened = open(dir);
    const directory = await call(reopened, 'getDirectory');
    expect(directory.units.map((u) => u.name)).toEqual(['Retail']);
    expect(directory.contacts.map((c) => c.name)).toEqual(['Maria']);
    reopened.close();
  });

  it('writes a contact change to the small directory file only', async () => {
    const wb = open(dir);
    await createUnit(wb, 'Retail');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual(['directory.json']);
    wb.close();
  });
});
