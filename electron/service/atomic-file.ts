import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a whole file or nothing: a temporary file beside the target, fsynced, then renamed over it.
 * Used for exported documents, where the user may have the old file open in Word.
 */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'w');
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
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
