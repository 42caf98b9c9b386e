import { describe, expect, it } from 'vitest';
import { snippetOf, TextIndex, termsOf, withinOneEdit, type IndexInput } from './text-index';

interface Doc extends IndexInput {
  group: string;
}

const doc = (key: string, body: string, extra: Partial<Doc> = {}): Doc => ({
  key,
  title: '',
  body,
  meta: '',
  rank: 0,
  group: 'minutes',
  ...extra,
});

/** The test documents carry their own text. */
const add = (index: TextIndex<Doc>, d: Doc) => index.add(d, d);

const keysFor = (index: TextIndex<Doc>, query: string, limit = 10) =>
  [...index.search(query, { limit, groupOf: (d) => d.group }).groups.values()].flatMap((g) =>
    g.matches.map((m) => m.doc.key),
  );

describe('text index', () => {
  it('splits text into folded terms of letters and digits', () => {
    expect([...termsOf('Müller said: the SLA (99.9%) is OK; Q3 — café-bar, a 5')]).toEqual([
      'muller',
      'said',
      'the',
      'sla',
      '99',
      '9',
      'is',
      'ok',
      'q3',
      'cafe',
      'bar',
      '5',
    ]);
  });

  it('counts one insertion, deletion, substitution or swap as one edit', () => {
    expect(withinOneEdit('incident', 'incidnet')).toBe(true);
    expect(withinOneEdit('incident', 'incidents')).toBe(true);
    expect(withinOneEdit('incident', 'incidant')).toBe(true);
    expect(withinOneEdit('incident', 'inident')).toBe(true);
    expect(withinOneEdit('incident', 'accident')).toBe(false);
  });

  it('ranks title words above body words and breaks ties by rank', () => {
    const index = new TextIndex<Doc>();
    add(index, doc('old', 'payroll outage', { rank: 20200101 }));
    add(index, doc('new', 'payroll outage', { rank: 20260101 }));
    add(index, doc('titled', 'something else', { title: 'Payroll' }));
    expect(keysFor(index, 'payroll')).toEqual(['titled', 'new', 'old']);
    expect(keysFor(index, 'payroll outage')).toEqual(['new', 'old']);
  });

  it('keeps answering the same after packing, removals and compaction', () => {
    const index = new TextIndex<Doc>();
    for (let n = 0; n < 3000; n++)
      add(index, doc(`d${n}`, `report ${n % 3 === 0 ? 'fizz' : 'buzz'} number${n}`));
    index.pack();
    expect(index.search('fizz', { limit: 1, groupOf: (d) => d.group }).groups.get('minutes')?.total).toBe(
      1000,
    );
    // Removing most documents compacts the postings; what is left is still found, and only that.
    for (let n = 0; n < 3000; n++) if (n % 10 !== 0) index.remove(`d${n}`);
    add(index, doc('late', 'fizz added later'));
    expect(index.size).toBe(301);
    expect(index.search('fizz', { limit: 1, groupOf: (d) => d.group }).groups.get('minutes')?.total).toBe(
      101,
    );
    expect(index.search('buzz', { limit: 1, groupOf: (d) => d.group }).groups.get('minutes')?.total).toBe(
      200,
    );
    expect(keysFor(index, 'number2990')).toEqual(['d2990']);
  });

  it('cuts a one-line snippet around the first match and marks every matching word', () => {
    const text = `${'Intro words here. '.repeat(10)}The\npayroll run failed.\nPayroll is back.`;
    const { snippet, highlights } = snippetOf(text, new Set(['payroll']), 60);
    expect(snippet.startsWith('… ')).toBe(true);
    expect(snippet).not.toContain('\n');
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['payroll', 'Payroll']);
  });
});
