/**
 * A compact inverted index for the workbook's text. Ten years of minutes are about 30 MB of text in
 * 100,000 documents; MiniSearch took 10–15 s and 130–180 MB to index that here and up to 450 ms to
 * answer a common word, because it counts every occurrence in a radix tree and scores every match.
 * This index keeps, per term, the ascending list of documents that contain it (no counts), finds
 * prefixes with a binary search over the sorted terms, and scores only documents that match every
 * word of the query — enough to rank within a group of one kind, which is all the palette needs.
 */

/** Field weights: a word in the title counts most; `meta` (unit name, kind, year) only a little. */
const FIELD_WEIGHT = { title: 3, body: 1, meta: 0.3 } as const;
type Field = keyof typeof FIELD_WEIGHT;
const FIELDS = Object.keys(FIELD_WEIGHT) as Field[];

/** A word matched only as the start of a longer word, or with one typo, counts for less. */
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.5;
const MIN_PREFIX = 2;
const MIN_FUZZY = 4;
const MAX_EXPANSIONS = 200;
const MAX_QUERY_TERMS = 8;
/** New terms wait in a small unsorted list and are merged into the sorted one in batches. */
const PENDING_TERMS_MAX = 512;

export interface IndexInput {
  /** Unique across the index, e.g. `minutes:<meetingId>:<itemId>`. */
  key: string;
  title: string;
  body: string;
  meta: string;
}

export interface IndexMatch<D> {
  doc: D;
  score: number;
}

export interface IndexResults<D, G> {
  groups: Map<G, { total: number; matches: Array<IndexMatch<D>> }>;
  /** Every indexed term the query's words stood for, to highlight in snippets. */
  terms: ReadonlySet<string>;
}

const WORD = /[\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex -- the test is "anything outside ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}+/gu;

/** Lower case without accents, so "Müller" is found by "muller" and "MULLER". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** The distinct terms of a text: runs of letters and digits, folded, at least two characters (or a digit). */
export function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const match of fold(text).matchAll(WORD)) {
    const term = match[0];
    if (term.length > 1 || /\d/.test(term)) out.add(term);
  }
  return out;
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length < long.length) return short.slice(i) === long.slice(i + 1);
  if (short.slice(i + 1) === long.slice(i + 1)) return true;
  return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
}

export class TextIndex<D extends IndexInput> {
  /** By document number; null once removed (its numbers stay in the postings until compaction). */
  private docs: Array<D | null> = [];
  private readonly byKey = new Map<string, number>();
  private readonly postings: Record<Field, Map<string, number[]>> = {
    title: new Map(),
    body: new Map(),
    meta: new Map(),
  };
  /** Distinct documents per term over all fields: the document frequency behind the weights. */
  private readonly frequency = new Map<string, number>();
  private sortedTerms: string[] = [];
  private pendingTerms: string[] = [];
  private removedCount = 0;

  get size(): number {
    return this.byKey.size;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  get(key: string): D | undefined {
    const no = this.byKey.get(key);
    return no === undefined ? undefined : (this.docs[no] ?? undefined);
  }

  /** Adds a document, replacing one with the same key. */
  add(doc: D): void {
    if (this.byKey.has(doc.key)) this.remove(doc.key);
    const no = this.docs.length;
    this.docs.push(doc);
    this.byKey.set(doc.key, no);
    const seen = new Set<string>();
    for (const field of FIELDS) {
      const map = this.postings[field];
      for (const term of termsOf(doc[field])) {
        const list = map.get(term);
        if (list) list.push(no);
        else map.set(term, [no]);
        if (!seen.has(term)) {
          seen.add(term);
          const df = this.frequency.get(term);
          if (df === undefined) this.addTerm(term);
          this.frequency.set(term, (df ?? 0) + 1);
        }
      }
    }
  }

  remove(key: string): void {
    const no = this.byKey.get(key);
    if (no === undefined) return;
    const doc = this.docs[no];
    this.byKey.delete(key);
    this.docs[no] = null;
    this.removedCount++;
    if (doc) {
      const terms = new Set<string>();
      for (const field of FIELDS) for (const term of termsOf(doc[field])) terms.add(term);
      for (const term of terms) this.frequency.set(term, (this.frequency.get(term) ?? 1) - 1);
    }
    if (this.removedCount > 1000 && this.removedCount * 4 > this.docs.length) this.compact();
  }

  /**
   * Documents containing every word of the query (the last word may be unfinished), grouped by
   * `groupOf`: per group the best `limit` by score, ties going to the higher `rankOf` (e.g. newer).
   */
  search<G extends string>(
    query: string,
    options: { limit: number; groupOf: (doc: D) => G; rankOf: (doc: D) => number },
  ): IndexResults<D, G> {
    const words = [...termsOf(query)].slice(0, MAX_QUERY_TERMS);
    const groups = new Map<G, { total: number; matches: Array<IndexMatch<D>> }>();
    const usedTerms = new Set<string>();
    const out = { groups, terms: usedTerms };
    if (words.length === 0) return out;
    this.mergePendingTerms();

    const count = this.docs.length;
    const matchedWords = new Uint8Array(count);
    const score = new Float64Array(count);
    const best = new Float64Array(count);
    let survivors: number[] = [];

    for (const [index, word] of words.entries()) {
      const touched: number[] = [];
      for (const [term, weight] of this.expand(word)) {
        usedTerms.add(term);
        const idf = Math.log(1 + this.size / Math.max(1, this.frequency.get(term) ?? 1));
        for (const field of FIELDS) {
          const value = weight * idf * FIELD_WEIGHT[field];
          for (const no of this.postings[field].get(term) ?? []) {
            // AND: a document counts only if it matched every earlier word.
            if (matchedWords[no] !== index) continue;
            if (best[no] === 0) touched.push(no);
            if (value > best[no]!) best[no] = value;
          }
        }
      }
      for (const no of touched) {
        matchedWords[no] = index + 1;
        score[no] = score[no]! + best[no]!;
        best[no] = 0;
      }
      survivors = touched;
      if (touched.length === 0) return out;
    }

    for (const no of survivors) {
      const doc = this.docs[no];
      if (!doc) continue;
      const group = options.groupOf(doc);
      let entry = groups.get(group);
      if (!entry) groups.set(group, (entry = { total: 0, matches: [] }));
      entry.total++;
      insertTop(
        entry.matches,
        options.limit,
        { doc, score: Math.round(score[no]! * 1000) / 1000 },
        options.rankOf,
      );
    }
    return out;
  }

  /** The indexed terms a query word stands for, with their weights. */
  private expand(word: string): Map<string, number> {
    const out = new Map<string, number>();
    if (this.frequency.get(word)) out.set(word, 1);
    if (word.length >= MIN_PREFIX) {
      for (const term of this.termsWithPrefix(word)) {
        if (out.size >= MAX_EXPANSIONS) break;
        if (term !== word && this.frequency.get(term)) out.set(term, PREFIX_WEIGHT);
      }
    }
    if (out.size === 0 && word.length >= MIN_FUZZY) {
      for (const term of this.sortedTerms) {
        if (out.size >= MAX_EXPANSIONS) break;
        if (
          Math.abs(term.length - word.length) <= 1 &&
          withinOneEdit(term, word) &&
          this.frequency.get(term)
        ) {
          out.set(term, FUZZY_WEIGHT);
        }
      }
    }
    return out;
  }

  private *termsWithPrefix(prefix: string): Generator<string> {
    let low = 0;
    let high = this.sortedTerms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sortedTerms[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < this.sortedTerms.length && this.sortedTerms[i]!.startsWith(prefix); i++) {
      yield this.sortedTerms[i]!;
    }
  }

  private addTerm(term: string): void {
    this.pendingTerms.push(term);
    if (this.pendingTerms.length > PENDING_TERMS_MAX) this.mergePendingTerms();
  }

  private mergePendingTerms(): void {
    if (this.pendingTerms.length === 0) return;
    const merged = this.sortedTerms.concat(this.pendingTerms);
    merged.sort();
    this.sortedTerms = merged;
    this.pendingTerms = [];
  }

  /** Drops removed documents from the postings and renumbers the rest. */
  private compact(): void {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: D[] = [];
    for (const [no, doc] of this.docs.entries()) {
      if (!doc) continue;
      renumber[no] = docs.length;
      this.byKey.set(doc.key, docs.length);
      docs.push(doc);
    }
    for (const field of FIELDS) {
      const map = this.postings[field];
      for (const [term, list] of map) {
        const kept: number[] = [];
        for (const no of list) if (renumber[no]! >= 0) kept.push(renumber[no]!);
        if (kept.length) map.set(term, kept);
        else map.delete(term);
      }
    }
    for (const [term, df] of this.frequency) if (df <= 0) this.frequency.delete(term);
    this.mergePendingTerms();
    this.sortedTerms = this.sortedTerms.filter((term) => this.frequency.has(term));
    this.docs = docs;
    this.removedCount = 0;
  }
}

/** Keeps `list` as the best `limit` matches, best first. */
function insertTop<D>(
  list: Array<IndexMatch<D>>,
  limit: number,
  match: IndexMatch<D>,
  rankOf: (doc: D) => number,
): void {
  const better = (a: IndexMatch<D>, b: IndexMatch<D>) =>
    a.score !== b.score ? a.score > b.score : rankOf(a.doc) > rankOf(b.doc);
  if (list.length >= limit && !better(match, list[list.length - 1]!)) return;
  let at = list.length;
  while (at > 0 && better(match, list[at - 1]!)) at--;
  list.splice(at, 0, match);
  if (list.length > limit) list.pop();
}

/**
 * A one-line piece of `text` around its first matching word, about `width` characters long, with the
 * matching words marked. Without a match it is the start of the text.
 */
export function snippetOf(
  text: string,
  terms: ReadonlySet<string>,
  width = 160,
): { snippet: string; highlights: Array<[number, number]> } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = [...flat.matchAll(WORD)];
  const first = words.find((w) => terms.has(fold(w[0])));
  let start = 0;
  if (first && first.index > width / 3) {
    start = first.index - Math.floor(width / 4);
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first.index ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const snippet = lead + flat.slice(start, end) + (end < flat.length ? ' …' : '');
  const highlights: Array<[number, number]> = [];
  for (const w of words) {
    if (w.index < start || w.index + w[0].length > end || !terms.has(fold(w[0]))) continue;
    const at = w.index - start + lead.length;
    highlights.push([at, at + w[0].length]);
  }
  return { snippet, highlights };
}
