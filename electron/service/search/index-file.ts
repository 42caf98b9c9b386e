import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { SEARCH_KINDS } from '../../../shared/contract/search';
import { writeFileAtomic } from '../atomic-file';
import type { FileStamp } from '../store/derived-file';
import { BLOCK_BYTES, SavedSegment, type SegmentHead, type StoredDoc } from './index-segment';
import type { IndexState } from './text-index';

export type { StoredDoc } from './index-segment';

/**
 * The search index of a workbook, kept in `meetings/.search-index` (beside the meetings' summaries) so that
 * after a restart search answers without reading ten years of minutes again. It is derived data, never
 * backed up. A team's index is hundreds of megabytes, so it is not read whole: at start only its head is
 * read and checked (CRC-32, format, the data formats of the store files it was made from) — the sorted
 * terms, their frequencies and where their postings lie, and a few numbers per document; the body (each
 * document's key, the postings) is read as queries need it, in blocks that each carry a CRC-32, so a
 * damaged block is found when read and the index is made again from the store files. Each file's entry
 * holds the size and change time of the store file it was made from, and a file that changed since (an
 * edit while the app was closed, a restore) is indexed again.
 */
export const INDEX_FILE = '.search-index';
const DERIVED = 'search-index';
/** Bumped with every change to what the index holds or how it is laid out: another format is rebuilt. */
const FORMAT = 2;

/** One indexed store file: where its documents came from, and whether it is still the same file. */
export interface IndexedFileEntry {
  id: string;
  stamp: FileStamp | null;
  unitId: string | null;
}

export interface SavedIndex {
  state: IndexState<StoredDoc>;
  files: IndexedFileEntry[];
  /** Unit names by id as they were indexed (documents carry their unit's name). */
  names: Array<[string, string]>;
}

export interface OpenedIndex {
  segment: SavedSegment;
  files: IndexedFileEntry[];
  names: Array<[string, string]>;
}

/** The first line of the file: what it is, and the length and CRC-32 of the head that follows. */
const lineSchema = z.strictObject({
  derived: z.literal(DERIVED),
  format: z.literal(FORMAT),
  headBytes: z.number().int().nonnegative(),
  headCrc: z.number().int(),
  bodyBytes: z.number().int().nonnegative(),
});

/** The head's small parts are checked with zod; its long columns with plain loops, many times faster. */
const headSchema = z.strictObject({
  /** The data format of each kind of store file indexed: after an upgrade the index is made again. */
  shardVersions: z.record(z.string(), z.number()),
  files: z.array(
    z.strictObject({
      id: z.string(),
      stamp: z.tuple([z.number(), z.number()]).nullable(),
      unitId: z.string().nullable(),
    }),
  ),
  names: z.array(z.tuple([z.string(), z.string()])),
  count: z.number().int().nonnegative(),
  terms: z.array(z.unknown()),
  keyBytes: z.number().int().nonnegative(),
  fieldCount: z.number().int().positive().max(8),
});

const FIELD_ARRAYS = ['frequency', 'ranks', 'kinds', 'files', 'sigs', 'keyStarts', 'crcs'] as const;

export const indexFilePath = (meetingsDir: string) => path.join(meetingsDir, INDEX_FILE);

const int32 = (values: ArrayLike<number>) => Int32Array.from(values as ArrayLike<number>, (v) => v | 0);
const bytesOf = (array: Int32Array) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/**
 * Layout: one line of JSON (see `lineSchema`); the head — 4 bytes giving its JSON's length, the JSON,
 * padding to a multiple of 4, then Int32 arrays: frequency, ranks, kinds, files, sigs, key starts, block
 * CRCs, and per field the starts of each term's postings; then the body — the keys (UTF-8), padding to a
 * multiple of 4, and per field the postings of every term end to end.
 */
export function writeIndexFile(file: string, saved: SavedIndex, shardVersions: Record<string, number>): void {
  const { state } = saved;
  const fileNo = new Map(saved.files.map((entry, no) => [entry.id, no]));
  const keyStarts = new Int32Array(state.docs.length + 1);
  for (let no = 0; no < state.docs.length; no++)
    keyStarts[no + 1] = keyStarts[no]! + Buffer.byteLength(state.docs[no]!.key);
  const keyBytes = keyStarts[state.docs.length]!;
  const keysPadded = Math.ceil(keyBytes / 4) * 4;
  const body = Buffer.alloc(keysPadded + state.fields.reduce((sum, field) => sum + field.data.byteLength, 0));
  body.write(state.docs.map((doc) => doc.key).join(''), 0, 'utf8');
  let at = keysPadded;
  for (const field of state.fields) {
    bytesOf(field.data).copy(body, at);
    at += field.data.byteLength;
  }
  const crcs = new Int32Array(Math.ceil(body.length / BLOCK_BYTES));
  for (let block = 0; block < crcs.length; block++)
    crcs[block] = zlib.crc32(body.subarray(block * BLOCK_BYTES, (block + 1) * BLOCK_BYTES)) | 0;
  const json = Buffer.from(
    JSON.stringify({
      shardVersions,
      files: saved.files,
      names: saved.names,
      count: state.docs.length,
      terms: state.terms,
      keyBytes,
      fieldCount: state.fields.length,
    }),
  );
  const arrays = [
    int32(state.frequency),
    int32(state.docs.map((doc) => doc.rank)),
    int32(state.docs.map((doc) => SEARCH_KINDS.indexOf(doc.kind))),
    int32(state.docs.map((doc) => fileNo.get(doc.file) ?? 0)),
    int32(state.docs.map((doc) => doc.sig)),
    keyStarts,
    crcs,
    ...state.fields.map((field) => field.starts),
  ];
  const padded = Math.ceil((4 + json.length) / 4) * 4;
  const head = Buffer.alloc(padded + arrays.reduce((sum, array) => sum + array.byteLength, 0));
  head.writeUInt32LE(json.length, 0);
  json.copy(head, 4);
  at = padded;
  for (const array of arrays) {
    bytesOf(array).copy(head, at);
    at += array.byteLength;
  }
  const line = { derived: DERIVED, format: FORMAT, headBytes: head.length, headCrc: zlib.crc32(head) };
  const first = Buffer.from(`${JSON.stringify({ ...line, bodyBytes: body.length })}\n`);
  writeFileAtomic(file, Buffer.concat([first, head, body]));
}

/**
 * The saved index with its body left on disk, or null when there is none usable (missing, damaged, foreign
 * or made from older files). The segment keeps the file open, so a file written over it later (a save)
 * does not change what it reads.
 */
export function openIndexFile(file: string, shardVersions: Record<string, number>): OpenedIndex | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const opened = readHead(fd, shardVersions);
    if (opened) return opened;
  } catch {
    // Unreadable: made again.
  }
  fs.closeSync(fd);
  return null;
}

function readAt(fd: number, length: number, position: number): Buffer | null {
  const bytes = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const got = fs.readSync(fd, bytes, done, length - done, position + done);
    if (got <= 0) return null;
    done += got;
  }
  return bytes;
}

function readHead(fd: number, shardVersions: Record<string, number>): OpenedIndex | null {
  const size = fs.fstatSync(fd).size;
  const start = readAt(fd, Math.min(size, 1024), 0);
  const newline = start?.indexOf(10) ?? -1;
  if (!start || newline < 0) return null;
  const line = lineSchema.safeParse(JSON.parse(start.toString('utf8', 0, newline)));
  if (!line.success) return null;
  const { headBytes, headCrc, bodyBytes } = line.data;
  if (newline + 1 + headBytes + bodyBytes !== size) return null;
  const head = readAt(fd, headBytes, newline + 1);
  if (!head || headBytes < 4 || zlib.crc32(head) !== headCrc >>> 0) return null;
  const jsonLength = head.readUInt32LE(0);
  if (4 + jsonLength > head.length) return null;
  const parsed = headSchema.safeParse(JSON.parse(head.toString('utf8', 4, 4 + jsonLength)));
  if (!parsed.success) return null;
  const meta = parsed.data;
  if (JSON.stringify(meta.shardVersions) !== JSON.stringify(shardVersions)) return null;
  if (!sortedStrings(meta.terms)) return null;
  // One copy into an aligned buffer; every column is then a view of it.
  const padded = Math.ceil((4 + jsonLength) / 4) * 4;
  const words = new Int32Array((head.length - padded) / 4);
  if (words.length * 4 !== head.length - padded) return null;
  Buffer.from(words.buffer).set(head.subarray(padded));
  const { count, terms, keyBytes, fieldCount } = meta;
  const lengths = [terms.length, count, count, count, count, count + 1, Math.ceil(bodyBytes / BLOCK_BYTES)];
  const columns: Int32Array[] = [];
  let at = 0;
  for (const length of [...lengths, ...Array<number>(fieldCount).fill(terms.length + 1)]) {
    columns.push(words.subarray(at, at + length));
    at += length;
  }
  if (at !== words.length) return null;
  const named = Object.fromEntries(FIELD_ARRAYS.map((name, i) => [name, columns[i]!])) as Record<
    (typeof FIELD_ARRAYS)[number],
    Int32Array
  >;
  const fields: SegmentHead['fields'] = [];
  let postingsAt = Math.ceil(keyBytes / 4);
  for (const starts of columns.slice(FIELD_ARRAYS.length)) {
    if (!ascending(starts, 0)) return null;
    fields.push({ starts, at: postingsAt });
    postingsAt += starts[terms.length]!;
  }
  const ok =
    postingsAt * 4 === bodyBytes &&
    ascending(named.keyStarts, 0) &&
    named.keyStarts[count] === keyBytes &&
    within(named.kinds, SEARCH_KINDS.length) &&
    within(named.files, meta.files.length);
  if (!ok) return null;
  const segmentHead: SegmentHead = { ...named, count, terms, fields, fileIds: meta.files.map((f) => f.id) };
  return {
    segment: new SavedSegment(fd, newline + 1 + headBytes, bodyBytes, segmentHead),
    files: meta.files,
    names: meta.names,
  };
}

function sortedStrings(list: unknown[]): list is string[] {
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') return false;
    if (i > 0 && !((list[i - 1] as string) < (list[i] as string))) return false;
  }
  return true;
}

const ascending = (list: Int32Array, from: number) => {
  let last = from;
  for (let i = 0; i < list.length; i++) {
    if (list[i]! < last) return false;
    last = list[i]!;
  }
  return list[0] === from || list.length === 0;
};

const within = (list: Int32Array, below: number) => list.every((v) => v >= 0 && v < below);

/** The saved documents grouped by file (a counting sort): those of file f are `order[starts[f]…starts[f + 1]]`. */
export function docsByFile(fileOf: Int32Array, fileCount: number): { starts: Int32Array; order: Int32Array } {
  const starts = new Int32Array(fileCount + 1);
  for (const f of fileOf) starts[f + 1]!++;
  for (let f = 0; f < fileCount; f++) starts[f + 1]! += starts[f]!;
  const next = starts.slice(0, fileCount);
  const order = new Int32Array(fileOf.length);
  for (let no = 0; no < fileOf.length; no++) order[next[fileOf[no]!]!++] = no;
  return { starts, order };
}
