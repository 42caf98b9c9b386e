import { WorkbookError } from '../../../shared/contract/define';
import { decodeShardValue, locateShard } from '../store/shard-file';
import type { ShardFile, ShardKind } from '../store/shard-kind';
import { firstBrokenRule, type ImportedFile } from './import-rules';

/**
 * The whole workbook as one JSON file, for moving it to another machine or keeping a copy elsewhere:
 * a format marker, the data format of each kind of store file, and every store file as it is stored.
 */
export const WORKBOOK_FORMAT = 'brm-workbook';
export const WORKBOOK_FORMAT_VERSION = 1;

export interface WorkbookFile {
  format: typeof WORKBOOK_FORMAT;
  formatVersion: number;
  exportedAt: string;
  /** The data format this version writes, per kind of store file. */
  schemaVersions: Record<string, number>;
  /** Every store file, keyed by its path in the data folder. */
  files: Record<string, ShardFile>;
}

export function encodeWorkbook(
  files: ReadonlyMap<string, ShardFile>,
  kinds: readonly ShardKind<unknown>[],
  exportedAt: Date,
): string {
  const file: WorkbookFile = {
    format: WORKBOOK_FORMAT,
    formatVersion: WORKBOOK_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    schemaVersions: Object.fromEntries(kinds.map((kind) => [kind.name, kind.version])),
    files: Object.fromEntries(files),
  };
  return JSON.stringify(file);
}

/** The whole file is the one field of an import, so the form shows the message beside the file chooser. */
const refuse = (why: string): WorkbookError =>
  new WorkbookError('invalid-input', `${why} Nothing was changed.`, {
    content: `${why} Nothing was changed.`,
  });

/**
 * Checks a workbook file completely and returns its store files, upgraded to this version's data
 * format, as the text to store for each path. Anything wrong refuses the whole file.
 */
export function decodeWorkbook(text: string, kinds: readonly ShardKind<unknown>[]): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw refuse('This file is not a BRM Workbook export: it is not JSON text, or it was cut off.');
  }
  if (!isRecord(parsed) || parsed.format !== WORKBOOK_FORMAT) {
    throw refuse('This file is not a BRM Workbook export (it has no BRM Workbook marker).');
  }
  const { formatVersion, files } = parsed;
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    throw refuse('This BRM Workbook export is damaged: its format version is missing.');
  }
  if (formatVersion > WORKBOOK_FORMAT_VERSION) {
    throw refuse(
      `This export was made by a newer version of BRM Workbook (file format ${formatVersion}). Update BRM Workbook to import it.`,
    );
  }
  if (!isRecord(files)) throw refuse('This BRM Workbook export is damaged: it has no list of files.');

  const decodedFiles: ImportedFile[] = [];
  for (const [rel, value] of Object.entries(files)) {
    const located = locateShard(kinds, rel);
    if (!located) {
      throw refuse(
        `This BRM Workbook export holds an entry this version does not know ("${rel.slice(0, 80)}").`,
      );
    }
    const decoded = decodeShardValue(located.kind, value, rel);
    if (decoded.status === 'blocked') throw refuse(`This export cannot be imported: ${decoded.reason}`);
    if (decoded.status === 'damaged')
      throw refuse(`This BRM Workbook export is damaged: in ${rel}, ${decoded.reason}.`);
    decodedFiles.push({ rel, kind: located.kind, key: located.key, data: decoded.data });
  }
  const broken = firstBrokenRule(decodedFiles);
  if (broken) throw refuse(`This BRM Workbook export cannot be imported: ${broken}.`);
  return new Map(
    decodedFiles.map(({ rel, kind, data }) => {
      const stored: ShardFile = { schemaVersion: kind.version, data };
      return [rel, JSON.stringify(stored)];
    }),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
