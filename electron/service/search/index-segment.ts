import fs from 'node:fs';
import zlib from 'node:zlib';
import { SEARCH_KINDS } from '../../../shared/contract/search';
import type { IndexSegment, IndexState } from './text-index';

/** A saved index whose body (keys, postings) is read from disk in blocks as queries need it. */

/** The body is checked in blocks of this many bytes, each with its own CRC-32 in the head. */
export const BLOCK_BYTES = 32 * 1024;

/** What the index keeps of a document; the rest (title, snippet, unit) is read from its file when shown. */
export interface StoredDoc {
  key: string;
  rank: number;
  kind: (typeof SEARCH_KINDS)[number];
  /** The store file it comes from (shared by every document of that file). */
  file: string;
  /** A hash of everything shown or searched, so an unchanged record is not indexed again. */
  sig: number;
}

/** A saved document: its columns read from the head, its key from the body only if it is shown. */
class SavedDoc implements StoredDoc {
  readonly rank: number;
  readonly kind: StoredDoc['kind'];
  readonly file: string;
  readonly sig: number;
  private known: string | null = null;

  constructor(
    private readonly segment: SavedSegment,
    private readonly no: number,
  ) {
    const { head } = segment;
    this.rank = head.ranks[no]!;
    this.kind = SEARCH_KINDS[head.kinds[no]!]!;
    this.file = head.fileIds[head.files[no]!]!;
    this.sig = head.sigs[no]! >>> 0;
  }

  get key(): string {
    return (this.known ??= this.segment.keysOf([this.no])[0]!);
  }
}

/** A block of the saved body failed its check (or the file changed under it): the index is made again. */
export class DamagedIndexError extends Error {
  constructor(what: string) {
    super(`The saved search index is damaged (${what}).`);
  }
}

/** The small columns of a saved index, read whole at start (a few bytes per document and per term). */
export interface SegmentHead {
  count: number;
  terms: string[];
  frequency: Int32Array;
  /** Per field: `starts[t]` to `starts[t + 1]` are term t's postings, counted in documents from `at`. */
  fields: Array<{ starts: Int32Array; at: number }>;
  ranks: Int32Array;
  kinds: Int32Array;
  files: Int32Array;
  sigs: Int32Array;
  /** Byte offsets of each document's key in the body (the keys come first). */
  keyStarts: Int32Array;
  crcs: Int32Array;
  fileIds: string[];
}

export class SavedSegment implements IndexSegment<StoredDoc> {
  readonly count: number;
  readonly terms: string[];
  readonly frequency: Int32Array;

  constructor(
    private fd: number | null,
    /** Where the body starts in the file, and how long it is. */
    private readonly bodyAt: number,
    private readonly bodyBytes: number,
    readonly head: SegmentHead,
  ) {
    this.count = head.count;
    this.terms = head.terms;
    this.frequency = head.frequency;
  }

  /** Gives the file back (the segment is read no more). */
  close(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already gone: nothing to give back.
    }
    this.fd = null;
  }

  rank(no: number): number {
    return this.head.ranks[no]!;
  }

  doc(no: number): StoredDoc {
    return new SavedDoc(this, no);
  }

  /** The keys of these documents (usually one file's, stored side by side: read in one go). */
  keysOf(nos: readonly number[]): string[] {
    if (nos.length === 0) return [];
    const { keyStarts } = this.head;
    let low = Infinity;
    let high = 0;
    for (const no of nos) {
      low = Math.min(low, keyStarts[no]!);
      high = Math.max(high, keyStarts[no + 1]!);
    }
    if (high - low > 64 * BLOCK_BYTES && nos.length > 1) return nos.flatMap((no) => this.keysOf([no]));
    const bytes = this.read(low, high);
    return nos.map((no) => bytes.toString('utf8', keyStarts[no]! - low, keyStarts[no + 1]! - low));
  }

  postings(term: number, field: number): Int32Array {
    const { starts, at } = this.head.fields[field]!;
    const from = starts[term]!;
    const to = starts[term + 1]!;
    const out = new Int32Array(to - from);
    if (out.length === 0) return out;
    const bytes = this.read((at + from) * 4, (at + to) * 4);
    Buffer.from(out.buffer).set(bytes);
    return checkedNumbers(out, this.count);
  }

  /** Everything, read and checked in one pass: for writing the index again or compacting it. */
  state(): IndexState<StoredDoc> {
    const { head } = this;
    const body = this.read(0, this.bodyBytes);
    const keys = body.toString('utf8', 0, head.keyStarts[this.count]);
    // Byte offsets are character offsets only for ASCII keys; others are cut from the bytes one by one.
    const ascii = keys.length === head.keyStarts[this.count];
    const docs: StoredDoc[] = [];
    for (let no = 0; no < this.count; no++) {
      const from = head.keyStarts[no]!;
      const to = head.keyStarts[no + 1]!;
      docs.push({
        key: ascii ? keys.slice(from, to) : body.toString('utf8', from, to),
        rank: head.ranks[no]!,
        kind: SEARCH_KINDS[head.kinds[no]!]!,
        file: head.fileIds[head.files[no]!]!,
        sig: head.sigs[no]! >>> 0,
      });
    }
    const fields = head.fields.map(({ starts, at }) => {
      const length = starts[this.terms.length]!;
      const data = new Int32Array(length);
      Buffer.from(data.buffer).set(body.subarray(at * 4, (at + length) * 4));
      return { starts, data: checkedNumbers(data, this.count) };
    });
    return { docs, terms: this.terms, frequency: this.frequency, fields };
  }

  /** Bytes `from` to `to` of the body, every block they touch checked against its CRC. */
  private read(from: number, to: number): Buffer {
    if (this.fd === null) throw new DamagedIndexError('closed');
    if (from < 0 || to > this.bodyBytes || from > to) throw new DamagedIndexError('out of range');
    const first = Math.floor(from / BLOCK_BYTES);
    const start = first * BLOCK_BYTES;
    const end = Math.min(this.bodyBytes, Math.max(start, Math.ceil(to / BLOCK_BYTES) * BLOCK_BYTES));
    const bytes = Buffer.allocUnsafe(end - start);
    let done = 0;
    while (done < bytes.length) {
      const got = fs.readSync(this.fd, bytes, done, bytes.length - done, this.bodyAt + start + done);
      if (got <= 0) throw new DamagedIndexError('cut short');
      done += got;
    }
    for (let at = 0, block = first; at < bytes.length; at += BLOCK_BYTES, block++) {
      const crc = zlib.crc32(bytes.subarray(at, Math.min(bytes.length, at + BLOCK_BYTES)));
      if (crc !== this.head.crcs[block]! >>> 0) throw new DamagedIndexError(`block ${block}`);
    }
    return bytes.subarray(from - start, to - start);
  }
}

/** A document number outside the list would be read past the end at search time. */
function checkedNumbers(list: Int32Array, count: number): Int32Array {
  for (let i = 0; i < list.length; i++) {
    const no = list[i]!;
    if (no < 0 || no >= count) throw new DamagedIndexError('document number');
  }
  return list;
}
