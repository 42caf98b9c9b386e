import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openIndexFile, writeIndexFile, type StoredDoc } from './index-file';
import { DamagedIndexError } from './index-segment';
import { TextIndex } from './text-index';

const VERSIONS = { meeting: 1 };
const COUNT = 3000;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const stored = (n: number): StoredDoc => ({
  key: `minutes:meeting${n}:item${n}`,
  rank: 20260000 + (n % 300),
  kind: 'minutes',
  file: `meeting/meeting${n % 40}`,
  sig: (n * 2654435761) >>> 0,
});

const textOf = (n: number) => ({
  title: n % 7 === 0 ? 'Payroll review' : 'Service review',
  body: `common words word${n} ${n % 3 === 0 ? 'fizz' : 'buzz'} Müller`,
  meta: `unit${n % 5}`,
});

function memoryIndex(): TextIndex<StoredDoc> {
  const index = new TextIndex<StoredDoc>();
  for (let n = 0; n < COUNT; n++) index.add(stored(n), textOf(n));
  return index;
}

/** The index written as the search service writes it, and the path of the file. */
function saved(index: TextIndex<StoredDoc>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-segment-'));
  dirs.push(dir);
  const file = path.join(dir, '.search-index');
  const files = Array.from({ length: 40 }, (_, f) => ({
    id: `meeting/meeting${f}`,
    stamp: null,
    unitId: null,
  }));
  writeIndexFile(file, { state: index.exportState(), files, names: [] }, VERSIONS);
  return file;
}

function reopened(file: string): TextIndex<StoredDoc> {
  const opened = openIndexFile(file, VERSIONS);
  expect(opened).not.toBeNull();
  return TextIndex.onSegment(opened!.segment);
}

const QUERIES = ['common', 'payroll', 'word12', 'word1', 'wrod123', 'fizz unit3', 'muller', 'nothing'];

const answers = (index: TextIndex<StoredDoc>) =>
  QUERIES.map((query) => {
    const found = index.search(query, { limit: 5, groupOf: (doc) => doc.kind });
    return [...found.groups.values()].map((group) => ({
      total: group.total,
      hits: group.matches.map((match) => [match.doc.key, match.score]),
    }));
  });

describe('a saved index read on demand', () => {
  it('answers as the index it was written from', () => {
    const index = memoryIndex();
    const expected = answers(index);
    const file = saved(index);
    const onDisk = reopened(file);
    expect(onDisk.size).toBe(COUNT);
    expect(answers(onDisk)).toEqual(expected);
    onDisk.close();
  });

  it('takes additions and removals over the saved documents, and writes them all again', () => {
    const changed = memoryIndex();
    const onDisk = reopened(saved(memoryIndex()));
    for (const index of [changed, onDisk]) {
      // The search service makes a file's saved documents known before indexing it again.
      if (index === onDisk) expect(index.adopt([10, 11, 12])).toEqual([10, 11, 12].map((n) => stored(n).key));
      index.remove(stored(10).key);
      index.add({ ...stored(11), sig: 1 }, { title: 'Walrus', body: 'common', meta: '' });
      index.add(
        { ...stored(COUNT), key: 'minutes:new:one' },
        { title: 'Walrus fizz', body: 'kraken', meta: '' },
      );
    }
    expect(onDisk.get(stored(12).key)?.sig).toBe(stored(12).sig);
    expect(onDisk.get(stored(11).key)?.sig).toBe(1);
    expect(onDisk.get(stored(10).key)).toBeUndefined();
    for (const query of ['walrus', 'kraken', 'word10', 'word11', 'common']) QUERIES.push(query);
    try {
      expect(onDisk.size).toBe(changed.size);
      expect(answers(onDisk)).toEqual(answers(changed));
      // Written again (the saved body read whole and merged with what changed, then compacted: removed
      // documents no longer count in the frequencies), and read back the same.
      const again = reopened(saved(onDisk));
      changed.compact();
      expect(answers(again)).toEqual(answers(changed));
      again.close();
    } finally {
      QUERIES.splice(-5);
    }
  });

  it('finds a damaged block when a query reads it, and answers from the intact ones', () => {
    const file = saved(memoryIndex());
    const bytes = fs.readFileSync(file);
    const line = JSON.parse(bytes.toString('utf8', 0, bytes.indexOf(10))) as { bodyBytes: number };
    // The body starts with the keys: the first document's key is in the first block.
    bytes[bytes.length - line.bodyBytes] = 0xff - bytes[bytes.length - line.bodyBytes]!;
    fs.writeFileSync(file, bytes);
    const index = reopened(file);
    const last = index.search(`word${COUNT - 1}`, { limit: 5, groupOf: (doc) => doc.kind });
    expect(last.groups.get('minutes')?.matches.map((match) => match.doc.key)).toEqual([
      stored(COUNT - 1).key,
    ]);
    expect(
      () =>
        index.search('word0', { limit: 5, groupOf: (doc) => doc.kind }).groups.get('minutes')?.matches[0]?.doc
          .key,
    ).toThrow(DamagedIndexError);
    index.close();
  });

  it('is not opened when its head is damaged or made from other store formats', () => {
    const file = saved(memoryIndex());
    expect(openIndexFile(file, { meeting: 2 })).toBeNull();
    const bytes = fs.readFileSync(file);
    bytes[bytes.indexOf(10) + 20] = 0xff - bytes[bytes.indexOf(10) + 20]!;
    fs.writeFileSync(file, bytes);
    expect(openIndexFile(file, VERSIONS)).toBeNull();
  });
});
