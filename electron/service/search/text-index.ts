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

const MAX_QUERY_TERMS = 8;
/** Postings added since the last packing live in plain arrays; they are packed once they are this many… */
const ADDED_ENTRIES_MIN = 100_000;
/** …and at least this share of the packed ones, so that packing costs stay linear as the index grows. */
const ADDED_SHARE = 0.5;

export type {
  IndexedDoc,
  IndexInput,
  IndexMatch,
  IndexResults,
  IndexSegment,
  IndexState,
  IndexText,
} from './index-types';
import type {
  IndexedDoc,
  IndexMatch,
  IndexResults,
  IndexSegment,
  IndexState,
  IndexText,
} from './index-types';
export { fold, snippetOf, termsOf, withinOneEdit } from './terms';
import { expandWord, lowerBound, termsOf } from './terms';
import { Scratch, collect, insertTop, isBetter } from './ranking';

const EMPTY = new Int32Array(0);

/** The documents containing a term, ascending: packed, then those added since. */
class Posting {
  packed: Int32Array = EMPTY;
  added: number[] = [];
}

export class TextIndex<D extends IndexedDoc> {
  /** The saved index the documents numbered below `baseCount` are read from, until it is read whole. */
  private segment: IndexSegment<D> | null = null;
  private baseCount = 0;
  /** Saved documents removed since (their numbers stay in the saved postings). */
  private baseRemoved = new Uint8Array(0);
  /** Documents added since, numbered from `baseCount`; null once removed (until compaction). */
  private docs: Array<D | null> = [];
  /** Documents added since, and saved ones adopted (see `adopt`). */
  private readonly byKey = new Map<string, number>();
  private count = 0;
  private readonly postings = FIELDS.map(() => new Map<string, Posting>());
  /**
   * Distinct documents per term over all fields: the document frequency behind the weights (added to the
   * saved one). A removed document's text is not kept, so its terms still count here until the next
   * compaction recounts them.
   */
  private frequency = new Map<string, number>();
  /** Terms of documents added since that the saved index lacks: sorted, and waiting to be merged in. */
  private sortedTerms: string[] = [];
  private pendingTerms: string[] = [];
  private removedCount = 0;
  private addedEntries = 0;
  private packedEntries = 0;
  private readonly scratch = new Scratch();

  /** An index over a saved one: documents added later are kept in memory, the saved ones on disk. */
  static onSegment<D extends IndexedDoc>(segment: IndexSegment<D>): TextIndex<D> {
    const index = new TextIndex<D>();
    index.segment = segment;
    index.baseCount = segment.count;
    index.baseRemoved = new Uint8Array(segment.count);
    index.count = segment.count;
    return index;
  }

  get size(): number {
    return this.count;
  }

  get(key: string): D | undefined {
    const no = this.byKey.get(key);
    return no === undefined ? undefined : (this.docOf(no) ?? undefined);
  }

  /**
   * Makes saved documents known by key (so `get`, `add` and `remove` see them), returning their keys:
   * done for one store file's documents before it is indexed again.
   */
  adopt(nos: readonly number[]): string[] {
    const present = nos.filter((no) => no < this.baseCount && !this.baseRemoved[no]);
    const keys = this.segment?.keysOf(present) ?? [];
    for (let i = 0; i < present.length; i++) {
      if (!this.byKey.has(keys[i]!)) this.byKey.set(keys[i]!, present[i]!);
    }
    return keys;
  }

  /** Adds a document (its terms read from `text`), replacing one with the same key. */
  add(doc: D, text: IndexText): void {
    if (this.byKey.has(doc.key)) this.remove(doc.key);
    const no = this.baseCount + this.docs.length;
    this.docs.push(doc);
    this.byKey.set(doc.key, no);
    this.count++;
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
        if (df === undefined && this.baseTerm(term) < 0) this.pendingTerms.push(term);
        this.frequency.set(term, (df ?? 0) + 1);
      }
    }
    if (this.addedEntries > Math.max(ADDED_ENTRIES_MIN, this.packedEntries * ADDED_SHARE)) this.pack();
  }

  remove(key: string): void {
    const no = this.byKey.get(key);
    if (no === undefined) return;
    this.byKey.delete(key);
    if (no < this.baseCount) this.baseRemoved[no] = 1;
    else this.docs[no - this.baseCount] = null;
    this.count--;
    this.removedCount++;
    const total = this.baseCount + this.docs.length;
    if (this.removedCount > 1000 && this.removedCount * 4 > total) this.compact();
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
  search<G>(
    query: string,
    options: {
      limit: number;
      groupOf: (doc: D) => G;
      /** The group of saved document `no`, read without making the document (it must agree with `groupOf`). */
      groupOfSaved?: (no: number) => G;
    },
  ): IndexResults<D, G> {
    const words = [...termsOf(query)].slice(0, MAX_QUERY_TERMS);
    const groups = new Map<G, { total: number; matches: Array<IndexMatch<D>> }>();
    const usedTerms = new Set<string>();
    const out = { groups, terms: usedTerms };
    if (words.length === 0) return out;
    this.mergePendingTerms();
    const { scratch, segment } = this;
    scratch.reset(this.baseCount + this.docs.length);

    let survivors: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const touched: number[] = [];
      for (const [term, weight] of this.expand(words[w]!)) {
        usedTerms.add(term);
        const idf = Math.log(1 + this.size / Math.max(1, this.documentFrequency(term) || 1));
        const saved = segment ? this.baseTerm(term) : -1;
        for (let f = 0; f < FIELDS.length; f++) {
          const value = weight * idf * FIELD_WEIGHTS[f]!;
          if (saved >= 0) collect(segment!.postings(saved, f), value, w, scratch, touched);
          const posting = this.postings[f]!.get(term);
          if (!posting) continue;
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

    // A saved document is made (an object) only when it enters a top list, not for every match.
    for (let i = 0; i < survivors.length; i++) {
      const no = survivors[i]!;
      const saved = no < this.baseCount;
      const doc = saved ? null : this.docs[no - this.baseCount];
      if (saved ? this.baseRemoved[no] : !doc) continue;
      const group =
        saved && options.groupOfSaved ? options.groupOfSaved(no) : options.groupOf(doc ?? segment!.doc(no));
      let entry = groups.get(group);
      if (!entry) groups.set(group, (entry = { total: 0, matches: [] }));
      entry.total++;
      const score = Math.round(scratch.score[no]! * 1000) / 1000;
      const last = entry.matches[options.limit - 1];
      if (last && !isBetter(score, saved ? segment!.rank(no) : doc!.rank, last)) continue;
      insertTop(entry.matches, options.limit, doc ?? segment!.doc(no), score);
    }
    return out;
  }

  /** Gives back the saved index's file. */
  close(): void {
    this.segment?.close();
  }

  private docOf(no: number): D | null {
    if (no >= this.baseCount) return this.docs[no - this.baseCount] ?? null;
    return this.baseRemoved[no] ? null : this.segment!.doc(no);
  }

  private documentFrequency(term: string): number {
    const saved = this.segment ? this.baseTerm(term) : -1;
    return (this.frequency.get(term) ?? 0) + (saved >= 0 ? this.segment!.frequency[saved]! : 0);
  }

  /** The number of a term in the saved index, or -1. */
  private baseTerm(term: string): number {
    const terms = this.segment?.terms;
    if (!terms) return -1;
    const at = lowerBound(terms, term);
    return terms[at] === term ? at : -1;
  }

  /** The indexed terms a query word stands for, with their weights. */
  private expand(word: string): Map<string, number> {
    const lists = this.segment ? [this.segment.terms, this.sortedTerms] : [this.sortedTerms];
    return expandWord(word, lists, (term) => this.documentFrequency(term));
  }

  private mergePendingTerms(): void {
    if (this.pendingTerms.length === 0) return;
    const merged = this.sortedTerms.concat(this.pendingTerms);
    merged.sort();
    this.sortedTerms = merged;
    this.pendingTerms = [];
  }

  /** Reads the saved index whole into memory (to compact or write it), and lets go of its file. */
  private materialize(): void {
    const { segment } = this;
    if (!segment) return;
    const state = segment.state();
    for (const [f, { starts, data }] of state.fields.entries()) {
      const map = this.postings[f]!;
      for (let t = 0; t < state.terms.length; t++) {
        if (starts[t + 1]! <= starts[t]!) continue;
        const saved = data.subarray(starts[t], starts[t + 1]);
        const posting = map.get(state.terms[t]!);
        if (!posting) {
          map.set(state.terms[t]!, Object.assign(new Posting(), { packed: saved }));
          continue;
        }
        const packed = new Int32Array(saved.length + posting.packed.length);
        packed.set(saved);
        packed.set(posting.packed, saved.length);
        posting.packed = packed;
      }
    }
    for (let t = 0; t < state.terms.length; t++) {
      const term = state.terms[t]!;
      this.frequency.set(term, (this.frequency.get(term) ?? 0) + state.frequency[t]!);
    }
    const docs: Array<D | null> = state.docs.map((doc, no) => (this.baseRemoved[no] ? null : doc));
    for (const [no, doc] of docs.entries()) {
      if (!doc) continue;
      // A saved document whose key was added again from another file is the older copy.
      if (this.byKey.has(doc.key) && this.byKey.get(doc.key)! >= this.baseCount) {
        docs[no] = null;
        this.removedCount++;
        this.count--;
      } else this.byKey.set(doc.key, no);
    }
    this.mergePendingTerms();
    this.sortedTerms = this.sortedTerms.concat(state.terms).sort();
    this.docs = docs.concat(this.docs);
    this.segment = null;
    this.baseCount = 0;
    this.baseRemoved = new Uint8Array(0);
    segment.close();
    this.packedEntries = 0;
    for (const map of this.postings)
      for (const posting of map.values()) this.packedEntries += posting.packed.length;
  }

  /** Drops removed documents from the postings, renumbers the rest and counts the frequencies again. */
  compact(): void {
    this.materialize();
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
    this.materialize();
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
}
