import { describe, expect, it } from 'vitest';
import type { Contact } from './customers';
import {
  DEFAULT_ROLE_CADENCE,
  cadenceSchema,
  dueByOf,
  effectiveCadence,
  emptyEngagement,
  engagementRows,
  lastMetOf,
  overdueFirst,
} from './engagement';

const contact = (id: string, role: Contact['role'], createdOn = '2026-01-05'): Contact => ({
  id,
  createdAt: `${createdOn}T10:00:00.000Z`,
  updatedAt: `${createdOn}T10:00:00.000Z`,
  unitId: 'unit-000001',
  role,
  name: `Name ${id}`,
  title: '',
  email: '',
  phone: '',
  notes: '',
  itContact: 'Ivo Buddy',
});

describe('engagement cadence', () => {
  it('defaults to the customer every 3 months, purchasers and key users every 6, others none', () => {
    expect(effectiveCadence('customer', undefined, DEFAULT_ROLE_CADENCE)).toEqual({
      months: 3,
      from: 'role',
    });
    expect(effectiveCadence('purchaser', undefined, DEFAULT_ROLE_CADENCE).months).toBe(6);
    expect(effectiveCadence('key-user', undefined, DEFAULT_ROLE_CADENCE).months).toBe(6);
    expect(effectiveCadence('user', undefined, DEFAULT_ROLE_CADENCE).months).toBeNull();
    expect(effectiveCadence('it-stakeholder', undefined, DEFAULT_ROLE_CADENCE).months).toBeNull();
  });

  it('lets a contact override its role, also to no target', () => {
    const o = { contactId: 'c1', months: null };
    expect(effectiveCadence('customer', o, DEFAULT_ROLE_CADENCE)).toEqual({ months: null, from: 'contact' });
  });

  it('refuses a negative, zero or fractional cadence with a message', () => {
    for (const bad of [-3, 0, 1.5, 61, Number.NaN]) {
      const result = cadenceSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/month/);
    }
    expect(cadenceSchema.parse(null)).toBeNull();
  });

  it('takes last met from attendance and informal contacts, never from a future day', () => {
    const meetings = [
      { date: '2026-02-01', presentContactIds: ['c1'] },
      { date: '2026-09-01', presentContactIds: ['c1'] },
      { date: '2026-03-01', presentContactIds: ['c2'] },
    ];
    const informal = [{ contactId: 'c1', date: '2026-04-10' }];
    expect(lastMetOf('c1', meetings, informal, '2026-06-01')).toEqual({
      date: '2026-04-10',
      how: 'informal',
    });
    expect(lastMetOf('c2', meetings, informal, '2026-06-01')).toEqual({ date: '2026-03-01', how: 'meeting' });
    expect(lastMetOf('c3', meetings, informal, '2026-06-01')).toBeNull();
  });

  it('runs a cadence from the 31st to the end of a shorter month, in every time zone', () => {
    expect(dueByOf('2026-08-31', 6)).toBe('2027-02-28');
    expect(dueByOf('2026-03-29', 3)).toBe('2026-06-29');
    expect(dueByOf('2026-03-29', null)).toBeNull();
  });

  it('counts a never-met contact from the day it was added, and orders the overdue by how overdue', () => {
    const file = emptyEngagement();
    file.informal.push({
      id: 'log-000001',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      contactId: 'cust01',
      unitId: 'unit-000001',
      date: '2026-01-10',
      note: '',
    });
    const rows = engagementRows(
      [contact('cust01', 'customer'), contact('purc01', 'purchaser'), contact('user01', 'user')],
      [{ date: '2026-05-20', presentContactIds: ['purc01'] }],
      file,
      '2026-06-01',
    );
    const customer = rows.find((r) => r.contactId === 'cust01')!;
    expect(customer).toMatchObject({ lastMet: '2026-01-10', dueBy: '2026-04-10', overdueDays: 52 });
    expect(rows.find((r) => r.contactId === 'purc01')).toMatchObject({ dueBy: '2026-11-20', overdueDays: 0 });
    expect(rows.find((r) => r.contactId === 'user01')).toMatchObject({ dueBy: null, overdueDays: 0 });
    expect(customer.itContact).toBe('Ivo Buddy');

    const never = engagementRows(
      [contact('cust02', 'customer', '2025-12-01')],
      [],
      emptyEngagement(),
      '2026-06-01',
    );
    expect(never[0]).toMatchObject({ lastMet: null, dueBy: '2026-03-01', overdueDays: 92 });
    expect(overdueFirst([...rows, ...never]).map((r) => r.contactId)).toEqual(['cust02', 'cust01']);
  });
});
