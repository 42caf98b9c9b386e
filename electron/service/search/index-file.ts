import path from 'node:path';
import { z } from 'zod';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/contract/search';
import { readDerivedFile, writeDerivedFile, type FileStamp } from '../store/derived-file';
import type { IndexState } from './text-index';

/**
 * The search index of a workbook, kept in `meetings/.search-index` (beside the meetings' summaries) so that
 * after a restart search answers without reading ten years of minutes again. It is derived data: checked
 * whole on load (CRC-32, format, the data formats of the store files it was made from), each file's entry
 * holds the size and change time of the store file it was made from, and a file that changed since (an
 * edit while the app was closed, a restore) is indexed again; it is never backed up.
 */
export const INDEX_FILE = '.search-index';
/** Bumped with every change to what the index holds or how it is laid out: another format is rebuilt. */
const FORMAT = 1;

/** What the index keeps of a document; the rest (title, snippet, unit) is read from its file when shown. */
export interface StoredDoc {
  key: string;
  rank: number;
  kind: SearchKind;
  /** The store file it comes from (shared by every document of that file). */
  file: string;
  /** A hash of everything shown or searched, so an unchanged record is not indexed again. */
  sig: number;
}

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

/**
 * The header's small parts are checked with zod; its long columns (one entry per document or term, a
 * million in a team's workbook) with plain loops, which are many times faster.
 */
const headerSchema = z.strictObject({
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
  docs: z.strictObject({
    keys: z.array(z.unknown()),
    ranks: z.array(z.unknown()),
    kinds: z.array(z.unknown()),
    files: z.array(z.unknown()),
    sigs: z.array(z.unknown()),
  }),
  terms: z.array(z.unknown()),
  /** Lengths of the binary arrays that follow, in order: frequency, then per field starts and data. */
  lengths: z.array(z.unknown()),
});

interface Header {
  shardVersions: Record<string, number>;
  files: IndexedFileEntry[];
  names: Array<[string, string]>;
  docs: { keys: string[]; ranks: number[]; kinds: number[]; files: number[]; sigs: number[] };
  terms: string[];
  lengths: number[];
}

const allStrings = (list: unknown[]): list is string[] => list.every((item) => typeof item === 'string');
const allNumbers = (list: unknown[]): list is number[] => list.every((item) => typeof item === 'number');
const allIndexes = (list: unknown[], below: number): list is number[] =>
  list.every((item) => Number.isInteger(item) && (item as number) >= 0 && (item as number) < below);

function checkHeader(value: unknown): Header | null {
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) return null;
  const { docs, terms, files, lengths } = parsed.data;
  const ok =
    allStrings(docs.keys) &&
    allNumbers(docs.ranks) &&
    allIndexes(docs.kinds, SEARCH_KINDS.length) &&
    allIndexes(docs.files, files.length) &&
    allNumbers(docs.sigs) &&
    allStrings(terms) &&
    allIndexes(lengths, 2 ** 31);
  return ok ? (parsed.data as Header) : null;
}

export const indexFilePath = (meetingsDir: string) => path.join(meetingsDir, INDEX_FILE);

/**
 * Layout: 4 bytes giving the header's length, the header (JSON), padding to a multiple of 4, then the
 * Int32 arrays of the state end to end.
 */
export function writeIndexFile(file: string, saved: SavedIndex, shardVersions: Record<string, number>): void {
  const { state } = saved;
  const fileNo = new Map(saved.files.map((entry, no) => [entry.id, no]));
  const arrays = [state.frequency, ...state.fields.flatMap((field) => [field.starts, field.data])];
  const header: Header = {
    shardVersions,
    files: saved.files,
    names: saved.names,
    docs: {
      keys: state.docs.map((doc) => doc.key),
      ranks: state.docs.map((doc) => doc.rank),
      kinds: state.docs.map((doc) => SEARCH_KINDS.indexOf(doc.kind)),
      files: state.docs.map((doc) => fileNo.get(doc.file) ?? 0),
      sigs: state.docs.map((doc) => doc.sig),
    },
    terms: state.terms,
    lengths: arrays.map((array) => array.length),
  };
  const json = Buffer.from(JSON.stringify(header));
  const padded = Math.ceil((4 + json.length) / 4) * 4;
  const total = padded + arrays.reduce((sum, array) => sum + array.byteLength, 0);
  const payload = Buffer.alloc(total);
  payload.writeUInt32LE(json.length, 0);
  json.copy(payload, 4);
  let at = padded;
  for (const array of arrays) {
    Buffer.from(array.buffer, array.byteOffset, array.byteLength).copy(payload, at);
    at += array.byteLength;
  }
  writeDerivedFile(file, 'search-index', FORMAT, payload);
}

/** The saved index, or null when there is none usable (missing, damaged, foreign or made from older files). */
export function readIndexFile(file: string, shardVersions: Record<string, number>): SavedIndex | null {
  const payload = readDerivedFile(file, 'search-index', FORMAT);
  if (!payload || payload.length < 4) return null;
  const jsonLength = payload.readUInt32LE(0);
  if (4 + jsonLength > payload.length) return null;
  let header: Header | null;
  try {
    header = checkHeader(JSON.parse(payload.toString('utf8', 4, 4 + jsonLength)));
  } catch {
    return null;
  }
  if (!header) return null;
  if (JSON.stringify(header.shardVersions) !== JSON.stringify(shardVersions)) return null;
  // One copy into an aligned buffer; every posting list is then a view of it.
  const padded = Math.ceil((4 + jsonLength) / 4) * 4;
  const words = new Int32Array((payload.length - padded) / 4);
  if (words.length * 4 !== payload.length - padded) return null;
  Buffer.from(words.buffer).set(payload.subarray(padded));
  const arrays: Int32Array[] = [];
  let at = 0;
  for (const length of header.lengths) {
    arrays.push(words.subarray(at, at + length));
    at += length;
  }
  return assemble(header, arrays, at === words.length);
}

function assemble(header: Header, arrays: Int32Array[], sized: boolean): SavedIndex | null {
  const { docs, terms, files } = header;
  const count = docs.keys.length;
  const fieldCount = (arrays.length - 1) / 2;
  const consistent =
    sized &&
    Number.isInteger(fieldCount) &&
    arrays[0]!.length === terms.length &&
    [docs.ranks, docs.kinds, docs.files, docs.sigs].every((column) => column.length === count);
  if (!consistent) return null;
  const fields: IndexState<StoredDoc>['fields'] = [];
  for (let f = 0; f < fieldCount; f++) {
    const starts = arrays[1 + 2 * f]!;
    const data = arrays[2 + 2 * f]!;
    if (starts.length !== terms.length + 1 || starts[terms.length] !== data.length) return null;
    // A document number outside the list would be read past the end at search time.
    if (data.some((no) => no < 0 || no >= count)) return null;
    fields.push({ starts, data });
  }
  const stored: StoredDoc[] = docs.keys.map((key, no) => ({
    key,
    rank: docs.ranks[no]!,
    kind: SEARCH_KINDS[docs.kinds[no]!]!,
    file: files[docs.files[no]!]!.id,
    sig: docs.sigs[no]!,
  }));
  return {
    state: { docs: stored, terms, frequency: arrays[0]!, fields },
    files,
    names: header.names,
  };
}
