import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { format } from 'date-fns';
import { fsyncDir, writeFileAtomic } from '../atomic-file';

/**
 * One writer per data folder. Two processes writing one folder (the app and a preview host, two
 * installations, two laptops on one synced folder) silently overwrite each other's files, so whoever opens
 * the folder first holds `workbook.lock` until it closes; the others only read.
 *
 * proper-lockfile makes the lock atomic (a folder created with mkdir) and keeps it fresh (its time is
 * renewed every few seconds; a lock not renewed for STALE_MS is taken over, which covers a holder that
 * crashed on another machine). Beside it, `workbook.lock.json` names the holder for the message; a holder on
 * this machine whose process is gone (kill -9, power cut) is taken over at once instead of after STALE_MS.
 * Each process writes its name as `workbook.lock.<pid>.json` before it tries the lock and renames that to
 * `workbook.lock.json` once it holds it, so even a process killed between the two is known to be gone.
 */
export const LOCK_DIR = 'workbook.lock';
export const HOLDER_FILE = 'workbook.lock.json';
/** A lock not renewed for this long belongs to a crashed process. */
const STALE_MS = 30_000;
const UPDATE_MS = 5_000;

export interface LockHolder {
  host: string;
  pid: number;
  /** ISO instant the holder took the lock. */
  since: string;
}

export type LockResult =
  | { status: 'held'; release: () => void }
  /** Another process holds the folder; `message` names it, for the user. */
  | { status: 'refused'; holder: LockHolder | null; message: string }
  /** The folder cannot hold a lock (read-only, missing drive): the store finds it cannot write, either. */
  | { status: 'unavailable' };

/** Takes the data folder's lock. `onLost` is called if it is taken away later (another process took it over). */
export function lockDataFolder(dataDir: string, onLost: (message: string) => void): LockResult {
  const lockPath = path.join(dataDir, LOCK_DIR);
  const holderPath = path.join(dataDir, HOLDER_FILE);
  const candidatePath = path.join(dataDir, `${LOCK_DIR}.${process.pid}.json`);
  const holder: LockHolder = { host: os.hostname(), pid: process.pid, since: new Date().toISOString() };
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    writeFileAtomic(candidatePath, JSON.stringify(holder));
  } catch {
    // A read-only or full folder: nothing can be written by anyone, so there is nothing to guard.
    return { status: 'unavailable' };
  }
  takeOverIfHolderDied(dataDir, lockPath, holderPath);
  let unlock: () => void;
  try {
    unlock = lockfile.lockSync(dataDir, {
      lockfilePath: lockPath,
      realpath: false,
      stale: STALE_MS,
      update: UPDATE_MS,
      onCompromised: () => {
        const holder = readHolder(holderPath);
        onLost(
          `Another copy of BRM Workbook took over this data folder${holder ? ` (${describeHolder(holder)})` : ''}. ` +
            'This window no longer saves changes, so the two cannot overwrite each other; close it and ' +
            'continue in the other copy.',
        );
      },
    });
  } catch (error) {
    fs.rmSync(candidatePath, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') return { status: 'unavailable' };
    const other = readHolder(holderPath);
    return { status: 'refused', holder: other, message: inUseMessage(dataDir, other) };
  }
  try {
    fs.renameSync(candidatePath, holderPath);
    fsyncDir(dataDir);
  } catch {
    // The lock itself is held; only the name in a second copy's message is missing.
  }
  let released = false;
  return {
    status: 'held',
    release: () => {
      if (released) return;
      released = true;
      try {
        if (readHolder(holderPath)?.pid === process.pid) fs.rmSync(holderPath, { force: true });
        unlock();
      } catch {
        // Already taken over or removed: nothing of ours is left to release.
      }
    },
  };
}

/**
 * The lock belongs to the holder file's process or to one that named itself but was killed before renaming
 * its name to the holder file. When all of them ran on this machine and none runs any more, the holder
 * crashed: its lock is removed (with the dead names) before ours is taken.
 */
function takeOverIfHolderDied(dataDir: string, lockPath: string, holderPath: string): void {
  if (!fs.existsSync(lockPath)) return;
  const candidates = fs
    .readdirSync(dataDir)
    .filter((name) => /^workbook\.lock\.\d+\.json$/.test(name) && name !== `${LOCK_DIR}.${process.pid}.json`)
    .map((name) => path.join(dataDir, name));
  const names = [holderPath, ...candidates].flatMap((file) => {
    const holder = readHolder(file);
    return holder ? [{ file, holder }] : [];
  });
  const dead = ({ holder }: { holder: LockHolder }) =>
    holder.host === os.hostname() && holder.pid !== process.pid && !isRunning(holder.pid);
  if (names.length === 0 || !names.every(dead)) return;
  try {
    fs.rmdirSync(lockPath);
    for (const { file } of names) fs.rmSync(file, { force: true });
  } catch {
    // Someone else removed or took it just now: lockSync decides.
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(holderPath: string): LockHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(holderPath, 'utf8')) as Partial<LockHolder>;
    if (typeof value.host === 'string' && Number.isInteger(value.pid) && typeof value.since === 'string')
      return { host: value.host.slice(0, 200), pid: value.pid!, since: value.since };
  } catch {
    // Not written yet, or damaged: the message says less.
  }
  return null;
}

export function describeHolder(holder: LockHolder): string {
  const since = new Date(holder.since);
  const when = Number.isNaN(since.getTime()) ? 'an unknown time' : format(since, 'd MMM yyyy HH:mm');
  return `on computer "${holder.host}", process ${holder.pid}, since ${when}`;
}

function inUseMessage(dataDir: string, holder: LockHolder | null): string {
  return (
    `The data folder ${dataDir} is in use by another copy of BRM Workbook` +
    (holder ? ` (${describeHolder(holder)})` : '') +
    '. Only one copy may change a workbook at a time, or they would overwrite each other: this one opens ' +
    'read-only. Close the other copy, then start this one again.'
  );
}
