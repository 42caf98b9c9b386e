import fs from 'node:fs';
import path from 'node:path';

/**
 * The one way anything is written to disk: store files, summaries, snapshot manifests and exported
 * documents. A temporary file beside the target receives every byte (a short write is continued, a write
 * that makes no progress is "disk full"), is fsynced and its size checked, and only then is renamed over the
 * target; the folder is fsynced last. Any failure leaves the old file in place and removes the temporary one.
 * (conf's `atomically` makes one write call and renames whatever landed: on a nearly full disk it replaced
 * good files with cut-off ones, which is why the store no longer writes through conf.)
 */
export function writeFileAtomic(target: string, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = path.dirname(target);
  makeDir(dir);
  const temp = path.join(dir, `.brm-${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'w');
    writeAll(fd, bytes);
    fs.fsyncSync(fd);
    const written = fs.fstatSync(fd).size;
    if (written !== bytes.length) {
      throw Object.assign(
        new Error(`EIO: ${written} of ${bytes.length} bytes reached the disk, write ${temp}`),
        { code: 'EIO' },
      );
    }
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) closeQuietly(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}

/**
 * Creates a folder (and its parents) if missing. A recursive mkdir on a read-only drive reports ENOENT;
 * trying the folder itself first reports EROFS, which the user can act on.
 */
export function makeDir(dir: string): void {
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT') throw error;
    fs.mkdirSync(dir, { recursive: true });
  }
}

/** Appends `text` to `file` and fsyncs it: every byte, or an error. */
export function appendDurably(file: string, text: string): void {
  const fd = fs.openSync(file, 'a');
  try {
    writeAll(fd, Buffer.from(text, 'utf8'), null);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** write(2) may take fewer bytes than asked (a nearly full disk, a quota, a network drive): go on until done. */
function writeAll(fd: number, bytes: Uint8Array, at: number | null = 0): void {
  let offset = 0;
  while (offset < bytes.length) {
    const n = fs.writeSync(fd, bytes, offset, bytes.length - offset, at === null ? null : at + offset);
    if (n <= 0) {
      // No progress and no error: the file system has no room left; looping would spin forever.
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    offset += n;
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // The write already failed; that error is the one to report.
  }
}

/** Makes a rename in `dir` survive a power cut. */
export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) refuse fsync on a folder; the file itself was fsynced.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** Replaces characters that Windows, macOS or Linux refuse in a file name. */
export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
  const safe = reserved.test(cleaned) ? `_${cleaned}` : cleaned;
  return (safe || 'document').slice(0, 180);
}
