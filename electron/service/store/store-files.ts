import fs from 'node:fs';
import path from 'node:path';

/**
 * Low-level file steps the store and its snapshots share. Everything here either completes or leaves
 * the previous file in place: new content goes to a temporary name first and is renamed over the target.
 */

/** Temporary files of an interrupted write: atomically's `<name>.tmp-<16 chars>` and our own `.brm-*.tmp`. */
const LEFTOVER_PATTERN = /(\.tmp-[0-9]{10}[0-9a-f]{6}|^\.brm-.*\.tmp)$/;

export const isLeftoverTempFile = (name: string): boolean => LEFTOVER_PATTERN.test(name);

/**
 * conf replaces a store file by renaming a new file over it, so a hard link taken earlier keeps the old
 * content. Under Snap, and on Windows after EXDEV, it writes in place instead, which would change every
 * linked snapshot too: there snapshots are copies.
 */
export const liveWritesReplaceFiles = (): boolean => !process.env.SNAP && process.platform !== 'win32';

/** Makes a rename in `dir` survive a power cut: conf fsyncs the file but not the folder. */
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

const tempBeside = (target: string): string =>
  path.join(path.dirname(target), `.brm-${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);

/** Writes `text` to `target` whole or not at all: temporary file, fsync, rename, fsync of the folder. */
export function writeTextDurably(target: string, text: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = tempBeside(target);
  try {
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(target));
}

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
