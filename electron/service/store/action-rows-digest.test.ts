import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../../../shared/contract/meetings';
import { Prng } from '../../../bench/prng';
import { byDueDate, sortRows } from './action-rows-digest';

const row = (n: number, title: string, dueDate: string): ActionRow => ({
  id: `action${String(n).padStart(6, '0')}`,
  unitId: 'unit0001',
  title,
  owner: '',
  dueDate,
  status: 'open',
  raisedInMeetingId: null,
  updates: 0,
});

describe("the register's order", () => {
  it('is the collator order, titles of letters and spaces or not', () => {
    const prng = new Prng(20261202);
    const alphabet = ' aAbBcCzZéÉ0129-.,_(';
    const titles = [
      'Call back',
      'call back',
      'Call  back',
      'action 2',
      'action 114',
      'Action 12',
      'Zürich',
      'zebra',
      '',
    ];
    const rows = Array.from({ length: 4000 }, (_, n) => {
      const made = Array.from({ length: Math.floor(prng.next() * 7) }, () =>
        alphabet.charAt(Math.floor(prng.next() * alphabet.length)),
      ).join('');
      const title = n % 3 === 0 ? titles[n % titles.length]! : made;
      return row(n, title, `2026-04-0${1 + Math.floor(prng.next() * 3)}`);
    });
    expect(sortRows(rows)).toEqual([...rows].sort(byDueDate));
  });
});
