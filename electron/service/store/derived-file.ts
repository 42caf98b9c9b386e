import fs from 'node:fs';
import zlib from 'node:zlib';
import { writeFileAtomic } from '../atomic-file';

/**
 * Derived files (the open-actions summary, the search index) are caches of what the store files hold:
 * never backed up, never trusted over the files they are derived from. Each starts with one line of JSON
 * naming what it is, its format, and the length and CRC-32 of what follows, so a file cut short, damaged,
 * or written by another version is recognised at once and rebuilt.
 */
interface DerivedHeader {
  derived: string;
  format: number;
  bytes: number;
  crc32: number;
}

/** Writes a derived file whole or not at all, through the store's one durable write. */
export function writeDerivedFile(target: string, derived: string, format: number, payload: Buffer): void {
  const header: DerivedHeader = { derived, format, bytes: payload.length, crc32: zlib.crc32(payload) };
  writeFileAtomic(target, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]));
}

/** The payload of a derived file, or null when it is missing, damaged, cut short or of another format. */
export function readDerivedFile(target: string, derived: string, format: number): Buffer | null {
  let whole: Buffer;
  try {
    whole = fs.readFileSync(target);
  } catch {
    return null;
  }
  const newline = whole.indexOf(10);
  if (newline < 0 || newline > 1024) return null;
  let header: Partial<DerivedHeader>;
  try {
    header = JSON.parse(whole.toString('utf8', 0, newline)) as Partial<DerivedHeader>;
  } catch {
    return null;
  }
  const payload = whole.subarray(newline + 1);
  const intact =
    header.derived === derived &&
    header.format === format &&
    header.bytes === payload.length &&
    header.crc32 === zlib.crc32(payload);
  return intact ? payload : null;
}

/** What says that a store file is still the one a derived entry was made from: its size and change time. */
export type FileStamp = [size: number, mtimeMs: number];

export function stampOf(file: string): FileStamp | null {
  try {
    const stat = fs.statSync(file);
    return [stat.size, stat.mtimeMs];
  } catch {
    return null;
  }
}

export const sameStamp = (a: FileStamp | null | undefined, b: FileStamp | null | undefined): boolean =>
  !!a && !!b && a[0] === b[0] && a[1] === b[1];
