/** The shapes the text index takes in and gives out, and the saved index it can be read over. */

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

/**
 * A saved index left on disk: its documents are numbered before those added since, its terms are sorted,
 * and a term's postings are read when a query needs them.
 */
export interface IndexSegment<D> {
  readonly count: number;
  readonly terms: readonly string[];
  readonly frequency: Int32Array;
  rank(no: number): number;
  doc(no: number): D;
  keysOf(nos: readonly number[]): string[];
  postings(term: number, field: number): Int32Array;
  /** Everything, read whole. */
  state(): IndexState<D>;
  close(): void;
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
