/** The per-query scoring state and the top-matches list of the text index. */

import type { IndexedDoc, IndexMatch } from './index-types';

/**
 * The per-query scratch state, reused between queries: three arrays as long as the document list.
 * `matched[no]` is how many of the query's words document `no` has matched so far.
 */
export class Scratch {
  matched = new Uint8Array(0);
  score = new Float64Array(0);
  best = new Float64Array(0);

  reset(size: number): void {
    if (this.matched.length < size) {
      const capacity = Math.ceil(size * 1.25);
      this.matched = new Uint8Array(capacity);
      this.score = new Float64Array(capacity);
      this.best = new Float64Array(capacity);
    } else {
      this.matched.fill(0, 0, size);
      this.score.fill(0, 0, size);
    }
  }
}

/** Marks the documents of one posting list for query word `w` (AND: only those that matched every earlier word). */
export function collect(
  list: ArrayLike<number>,
  value: number,
  w: number,
  scratch: Scratch,
  touched: number[],
): void {
  const { matched, best } = scratch;
  for (let i = 0; i < list.length; i++) {
    const no = list[i]!;
    if (matched[no] !== w) continue;
    const current = best[no]!;
    if (current === 0) touched.push(no);
    if (value > current) best[no] = value;
  }
}

/** Keeps `list` as the best `limit` matches, best first. */
export function insertTop<D extends IndexedDoc>(
  list: Array<IndexMatch<D>>,
  limit: number,
  doc: D,
  score: number,
): void {
  const last = list[list.length - 1];
  if (list.length >= limit && last && !isBetter(score, doc.rank, last)) return;
  let at = list.length;
  while (at > 0 && isBetter(score, doc.rank, list[at - 1]!)) at--;
  list.splice(at, 0, { doc, score });
  if (list.length > limit) list.pop();
}

export function isBetter<D extends IndexedDoc>(score: number, rank: number, than: IndexMatch<D>): boolean {
  return score !== than.score ? score > than.score : rank > than.doc.rank;
}
