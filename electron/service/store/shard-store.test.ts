import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbook, type Workbook } from '../workbook';
import type { HostAdapter } from '../host';

const host: HostAdapter = { saveDocument: () => Promise.reject(new Error('not used')) };
const sender = { url: 'app://workbook/index.html', isMainFrame: true };
let dir: string;

const open = (): Workbook => openWorkbook({ dataDir: dir, host, trustedOrigins: ['app://workbook'] });

async function call<T>(wb: Workbook, method: string, arg: unknown): Promise<T> {
  const result = await wb.dispatch(sender, method, arg);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const unitFields = (name: string) => ({
  name,
  kind: 'division',
  itContact: '',
  plans: '',
  drivers: '',
  plansReviewedOn: null,
});

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('store', () => {
  it('keeps units and contacts across a restart', async () => {
    const wb = open();
    const unit = await call<{ id: string }>(wb, 'createUnit', {
      parentId: null,
      fields: unitFields('Retail'),
    });
    await call(wb, 'createContact', {
      unitId: unit.id,
      fields: {
        role: 'customer',
        name: 'Maria',
        title: '',
        email: 'maria@example.com',
        phone: '',
        notes: '',
        itContact: '',
      },
    });
    const reopened = open();
    const directory = await call<{ units: { name: string }[]; contacts: { name: string }[] }>(
      reopened,
      'getDirectory',
      {},
    );
    expect(directory.units.map((u) => u.name)).toEqual(['Retail']);
    expect(directory.contacts.map((c) => c.name)).toEqual(['Maria']);
  });

  it('writes a contact change to the small directory file only', async () => {
    const wb = open();
    await call(wb, 'createUnit', { parentId: null, fields: unitFields('Retail') });
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.json'))).toEqual(['directory.json']);
  });
});
