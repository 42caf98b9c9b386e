import { describe, expect, it } from 'vitest';
import { mergeRecords } from './merge';

const value = (id: string, date: string, text: string) => ({
  id,
  createdAt: `${date}T09:00:00.000Z`,
  date,
  value: text,
});

describe('mergeRecords on append-mostly lists', () => {
  it('keeps the values both laptops measured, starting from none, without a conflict', () => {
    const base = { id: 'o1', updatedAt: '2026-06-01T00:00:00.000Z', values: [] };
    const mine = {
      ...base,
      updatedAt: '2026-06-02T00:00:00.000Z',
      values: [value('v1', '2026-06-02', '8 days')],
    };
    const theirs = {
      ...base,
      updatedAt: '2026-06-03T00:00:00.000Z',
      values: [value('v2', '2026-06-03', '7 days')],
    };
    const { merged, conflicts } = mergeRecords(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect((merged.values as { id: string }[]).map((v) => v.id).sort()).toEqual(['v1', 'v2']);
    expect(merged.updatedAt).toBe('2026-06-03T00:00:00.000Z');
  });

  it('a record both laptops created (a decision register entry) keeps the first creation time, no conflict', () => {
    const mine = { id: 'd1', createdAt: '2026-06-02T10:00:00.000Z', status: 'in-force', links: [] };
    const theirs = { ...mine, createdAt: '2026-06-02T09:00:00.000Z' };
    const { merged, conflicts } = mergeRecords(null, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.createdAt).toBe('2026-06-02T09:00:00.000Z');
  });
});
