/**
 * A compact inverted index for the workbook's text. Ten years of minutes are about 30 MB of text in
 * 100,000 documents; MiniSearch took 10–15 s and 130–180 MB to index that here and up to 450 ms to
 * answer a common word, because it counts every occurrence in a radix tree and scores every match.
 * This index keeps, per term, the ascending list of documents that contain it (no counts), finds
 * prefixes with a binary search over the sorted terms, and scores only documents that match every
 * word of the query — enough to rank within a group of one kind, which is all the palette needs.
 */

/** Field weights: a word in the title counts most; `meta` (unit name, kind, year) only a little. */
const FIELDS = ['title', 'body', 'meta'] as const;
const FIELD_WEIGHTS = [3, 1, 0.3] as const;

/** A word matched only as the start of a longer word, or with one typo, counts for less. */
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.5;
const MIN_PREFIX = 2;
const MIN_FUZZY = 4;
const MAX_EXPANSIONS = 200;
const MAX_QUERY_TERMS = 8;
/** Postings added since the last packing live in plain arrays; they are packed once they are this many… */
const ADDED_ENTRIES_MIN = 100_000;
/** …and at least this share of the packed ones, so that packing costs stay linear as the index grows. */
const ADDED_SHARE = 0.5;

/** What the index keeps of a document: enough to find it again and to order it, not its text. */
export interface IndexedDoc {
  /** Unique across the index, e.g. `minutes:<meetingId>:<itemId>`. */
  key: string;
  /** Breaks ties between equal scores: higher first (e.g. a newer date). */
  rank: number;
}

/** The text of a document, read for its terms when it is added and not kept. */
export interface IndexText {
  title: string;
  body: string;
  meta: string;
}

export type IndexInput = IndexedDoc & IndexText;

/**
 * An index as plain arrays, to write to a file and read back: the documents in number order (no removed
 * ones), the sorted terms with their document frequency, and per field the postings of every term laid
 * end to end (`starts[t]` to `starts[t + 1]` in `data`).
 */
export interface IndexState<D> {
  docs: D[];
  terms: string[];
  frequency: Int32Array;
  fields: Array<{ starts: Int32Array; data: Int32Array }>;
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

export { fold, snippetOf, termsOf, withinOneEdit } from './terms';
import { termsOf, withinOneEdit } from './terms';
import { Scratch, collect, insertTop } from './ranking';

const EMPTY = new Int32Array(0);

/** The documents containing a term, ascending: packed, then those added since. */
class Posting {
  packed: Int32Array = EMPTY;
  added: number[] = [];
}

export class TextIndex<D extends IndexedDoc> {
  /** By document number; null once removed (its numbers stay in the postings until compaction). */
  private docs: Array<D | null> = [];
  private readonly byKey = new Map<string, number>();
  private readonly postings = FIELDS.map(() => new Map<string, Posting>());
  /**
   * Distinct documents per term over all fields: the document frequency behind the weights. A removed
   * document's text is not kept, so its terms still count here until the next compaction recounts them.
   */
  private frequency = new Map<string, number>();
  private sortedTerms: string[] = [];
  private pendingTerms: string[] = [];
  private removedCount = 0;
  private addedEntries = 0;
  private packedEntries = 0;
  private readonly scratch = new Scratch();

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): D | undefined {
    const no = this.byKey.get(key);
    return no === undefined ? undefined : (this.docs[no] ?? undefined);
  }

  /** Adds a document (its terms read from `text`), replacing one with the same key. */
  add(doc: D, text: IndexText): void {
    if (this.byKey.has(doc.key)) this.remove(doc.key);
    const no = this.docs.length;
    this.docs.push(doc);
    this.byKey.set(doc.key, no);
    const seen = new Set<string>();
    for (let f = 0; f < FIELDS.length; f++) {
      const map = this.postings[f]!;
      for (const term of termsOf(text[FIELDS[f]!])) {
        let posting = map.get(term);
        if (!posting) map.set(term, (posting = new Posting()));
        posting.added.push(no);
        this.addedEntries++;
        if (seen.has(term)) continue;
        seen.add(term);
        const df = this.frequency.get(term);
        // New terms join the sorted list in one merge, when the next search needs it.
        if (df === undefined) this.pendingTerms.push(term);
        this.frequency.set(term, (df ?? 0) + 1);
      }
    }
    if (this.addedEntries > Math.max(ADDED_ENTRIES_MIN, this.packedEntries * ADDED_SHARE)) this.pack();
  }

  remove(key: string): void {
    const no = this.byKey.get(key);
    if (no === undefined) return;
    this.byKey.delete(key);
    this.docs[no] = null;
    this.removedCount++;
    if (this.removedCount > 1000 && this.removedCount * 4 > this.docs.length) this.compact();
  }

  /** How many removed documents still hold numbers in the postings (and count in the frequencies). */
  get removed(): number {
    return this.removedCount;
  }

  /** Packs the postings added since the last call into compact arrays (a quarter of the memory). */
  pack(): void {
    for (const map of this.postings) {
      for (const posting of map.values()) {
        if (posting.added.length === 0) continue;
        const packed = new Int32Array(posting.packed.length + posting.added.length);
        packed.set(posting.packed);
        packed.set(posting.added, posting.packed.length);
        posting.packed = packed;
        posting.added = [];
      }
    }
    this.packedEntries += this.addedEntries;
    this.addedEntries = 0;
  }

  /**
   * Documents containing every word of the query (the last word may be unfinished), grouped by
   * `groupOf`: per group the best `limit` by score, ties going to the higher rank.
   */
  search<G>(query: string, options: { limit: number; groupOf: (doc: D) => G }): IndexResults<D, G> {
    const words = [...termsOf(query)].slice(0, MAX_QUERY_TERMS);
    const groups = new Map<G, { total: number; matches: Array<IndexMatch<D>> }>();
    const usedTerms = new Set<string>();
    const out = { groups, terms: usedTerms };
    if (words.length === 0) return out;
    this.mergePendingTerms();
    const { scratch } = this;
    scratch.reset(this.docs.length);

    let survivors: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const touched: number[] = [];
      for (const [term, weight] of this.expand(words[w]!)) {
        usedTerms.add(term);
        const idf = Math.log(1 + this.size / Math.max(1, this.frequency.get(term) ?? 1));
        for (let f = 0; f < FIELDS.length; f++) {
          const posting = this.postings[f]!.get(term);
          if (!posting) continue;
          const value = weight * idf * FIELD_WEIGHTS[f]!;
          collect(posting.packed, value, w, scratch, touched);
          collect(posting.added, value, w, scratch, touched);
        }
      }
      const { matched, score, best } = scratch;
      for (let i = 0; i < touched.length; i++) {
        const no = touched[i]!;
        matched[no] = w + 1;
        score[no] = score[no]! + best[no]!;
        best[no] = 0;
      }
      survivors = touched;
      if (touched.length === 0) return out;
    }

    for (let i = 0; i < survivors.length; i++) {
      const no = survivors[i]!;
      const doc = this.docs[no];
      if (!doc) continue;
      const group = options.groupOf(doc);
      let entry = groups.get(group);
      if (!entry) groups.set(group, (entry = { total: 0, matches: [] }));
      entry.total++;
      insertTop(entry.matches, options.limit, doc, Math.round(scratch.score[no]! * 1000) / 1000);
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

  private termsWithPrefix(prefix: string): string[] {
    const terms = this.sortedTerms;
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (terms[mid]! < prefix) low = mid + 1;
      else high = mid;
    }
    const out: string[] = [];
    for (let i = low; i < terms.length && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
    return out;
  }

  private mergePendingTerms(): void {
    if (this.pendingTerms.length === 0) return;
    const merged = this.sortedTerms.concat(this.pendingTerms);
    merged.sort();
    this.sortedTerms = merged;
    this.pendingTerms = [];
  }

  /** Drops removed documents from the postings, renumbers the rest and counts the frequencies again. */
  compact(): void {
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const docs: D[] = [];
    for (const [no, doc] of this.docs.entries()) {
      if (!doc) continue;
      renumber[no] = docs.length;
      this.byKey.set(doc.key, docs.length);
      docs.push(doc);
    }
    const terms = new Set<string>();
    for (const map of this.postings) {
      for (const [term, posting] of map) {
        const kept: number[] = [];
        for (const no of posting.packed) if (renumber[no]! >= 0) kept.push(renumber[no]!);
        for (const no of posting.added) if (renumber[no]! >= 0) kept.push(renumber[no]!);
        if (kept.length === 0) {
          map.delete(term);
          continue;
        }
        posting.packed = Int32Array.from(kept);
        posting.added = [];
        terms.add(term);
      }
    }
    // Distinct documents per term over the fields: `seen[no]` holds the last term that counted `no`.
    const seen = new Int32Array(docs.length).fill(-1);
    const frequency = new Map<string, number>();
    let t = 0;
    for (const term of terms) {
      let df = 0;
      for (const map of this.postings) {
        for (const no of map.get(term)?.packed ?? EMPTY) {
          if (seen[no] === t) continue;
          seen[no] = t;
          df++;
        }
      }
      frequency.set(term, df);
      t++;
    }
    this.frequency = frequency;
    this.sortedTerms = [...terms].sort();
    this.pendingTerms = [];
    this.docs = docs;
    this.removedCount = 0;
    this.addedEntries = 0;
    this.packedEntries = 0;
    for (const map of this.postings)
      for (const posting of map.values()) this.packedEntries += posting.packed.length;
  }

  /** The index as plain arrays (compacted and packed first), to be written to a file. */
  exportState(): IndexState<D> {
    if (this.removedCount > 0) this.compact();
    this.pack();
    this.mergePendingTerms();
    const terms = this.sortedTerms;
    const fields = this.postings.map((map) => {
      const starts = new Int32Array(terms.length + 1);
      let length = 0;
      for (let t = 0; t < terms.length; t++) {
        starts[t] = length;
        length += map.get(terms[t]!)?.packed.length ?? 0;
      }
      starts[terms.length] = length;
      const data = new Int32Array(length);
      for (let t = 0; t < terms.length; t++) {
        const packed = map.get(terms[t]!)?.packed;
        if (packed) data.set(packed, starts[t]);
      }
      return { starts, data };
    });
    const frequency = Int32Array.from(terms, (term) => this.frequency.get(term) ?? 0);
    return { docs: this.docs as D[], terms: [...terms], frequency, fields };
  }

  /** An index from the arrays `exportState` gave; the postings stay views of the arrays read. */
  static fromState<D extends IndexedDoc>(state: IndexState<D>): TextIndex<D> {
    const index = new TextIndex<D>();
    index.docs = state.docs;
    for (const [no, doc] of state.docs.entries()) index.byKey.set(doc.key, no);
    for (const [f, { starts, data }] of state.fields.entries()) {
      const map = index.postings[f]!;
      for (let t = 0; t < state.terms.length; t++) {
        if (starts[t + 1]! <= starts[t]!) continue;
        const posting = new Posting();
        posting.packed = data.subarray(starts[t], starts[t + 1]);
        map.set(state.terms[t]!, posting);
        index.packedEntries += posting.packed.length;
      }
    }
    for (let t = 0; t < state.terms.length; t++) index.frequency.set(state.terms[t]!, state.frequency[t]!);
    index.sortedTerms = state.terms;
    return index;
  }
}
