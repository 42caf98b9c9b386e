import fs from 'node:fs';
import path from 'node:path';

export { fsyncDir, writeFileAtomic } from '../atomic-file';

/**
 * Low-level file steps the store and its snapshots share. Everything here either completes or leaves
 * the previous file in place: new content goes to a temporary name first and is renamed over the target.
 */

/** Temporary files of an interrupted write: atomically's `<name>.tmp-<16 chars>` and our own `.brm-*.tmp`. */
const LEFTOVER_PATTERN = /(\.tmp-[0-9]{10}[0-9a-f]{6}|^\.brm-.*\.tmp)$/;

export const isLeftoverTempFile = (name: string): boolean => LEFTOVER_PATTERN.test(name);

/**
 * Every save renames a new file over the old one, so a hard link taken earlier keeps the old content.
 * Under Snap and on Windows snapshots are copies all the same: workbooks written there by earlier
 * versions (conf wrote in place under Snap and after EXDEV) may share data with old snapshots.
 */
export const liveWritesReplaceFiles = (): boolean => !process.env.SNAP && process.platform !== 'win32';

const tempBeside = (target: string): string =>
  path.join(path.dirname(target), `.brm-${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);

/**
 * Puts the content of `source` at `target`, replacing it in one rename. A hard link costs no data
 * blocks and no copy; it is used only where live writes never modify a file in place.
 */
export function placeFile(source: string, target: string, link: boolean): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempBeside(target);
  try {
    if (!link || !tryLink(source, temp)) {
      fs.copyFileSync(source, temp);
      const fd = fs.openSync(temp, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
    }
    fs.renameSync(temp, target);
    // Renaming a link onto another link of the same file does nothing (POSIX): the temporary name stays.
    fs.rmSync(temp, { force: true });
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** A hard link, or false where the file system has none (FAT, some network drives) or the link limit is hit. */
export function tryLink(source: string, target: string): boolean {
  try {
    fs.linkSync(source, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPERM' || code === 'EXDEV' || code === 'EMLINK' || code === 'ENOTSUP' || code === 'ENOSYS')
      return false;
    throw error;
  }
}

/** Words for the BRM: what went wrong with the disk, without a stack trace. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'the data folder is not writable';
    case 'EROFS':
      return 'the data folder is on a read-only drive';
    case 'EBUSY':
      return 'the file is in use by another program';
    case 'EIO':
      return 'the disk reported a read or write error';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
