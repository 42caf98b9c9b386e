import fs from 'node:fs';
import path from 'node:path';
import type { BackupReason } from '../../../shared/contract/backups';
import { WorkbookError } from '../../../shared/contract/define';
import { decodeShardText, locateShard, type Decoded } from './shard-file';
import { describeSnapshot } from './snapshots';
import type { StoreCore } from './store-core';
import type { DeferredReads } from './deferred-reads';
import type { SnapshotSchedule } from './snapshot-schedule';
import { describeFsError, fsyncDir, placeFile, writeFileAtomic } from './store-files';

/** Written before a restore replaces the live files, removed after: a restore cut short is finished on start. */
const RESTORE_MARKER = 'restore-pending.json';

/**
 * Restores and imports: a snapshot is checked whole, the current state is snapshotted so the restore can be
 * undone, the live files are replaced under a marker (a restore cut short is finished on the next start),
 * and memory is reloaded from the files.
 */
export class Restorer {
  constructor(
    private readonly core: StoreCore,
    private readonly schedule: SnapshotSchedule,
    private readonly deferred: DeferredReads,
    /** Reads every file again; services rebuild what they derive from the data. */
    private readonly reload: () => void,
  ) {}

  /** Replaces the live files by those of snapshot `stamp` (checked whole first) and reloads memory from them. */
  restoreSnapshot(stamp: string, safetyReason: BackupReason): { safetyBackup: string | null } {
    if (!this.core.snapshots.has(stamp)) {
      throw new WorkbookError(
        'not-found',
        'That backup no longer exists. It may have been removed as it aged.',
      );
    }
    return this.restoreChecked(stamp, this.checkSnapshot(stamp), safetyReason);
  }

  /** Writes a set of validated files as a new snapshot (reason 'imported') and restores it. */
  importFiles(files: ReadonlyMap<string, string>): { stamp: string; safetyBackup: string | null } {
    let stamp: string;
    try {
      stamp = this.core.snapshots.write(files, 'imported');
    } catch (error) {
      throw new WorkbookError('storage', `Nothing was imported: ${describeFsError(error)}.`);
    }
    try {
      return { stamp, ...this.restoreChecked(stamp, [...files.keys()], 'before-import') };
    } catch (error) {
      // Unless a restore of it is pending (finished on the next start), the import leaves no trace.
      if (!fs.existsSync(path.join(this.core.dataDir, RESTORE_MARKER))) this.core.snapshots.remove(stamp);
      throw error;
    }
  }

  /** A restore cut short (crash, power cut) is completed before anything is read. */
  finishInterruptedRestore(): void {
    const { core } = this;
    const marker = path.join(core.dataDir, RESTORE_MARKER);
    let text: string;
    try {
      text = fs.readFileSync(marker, 'utf8');
    } catch {
      return; // No restore pending.
    }
    try {
      const stamp = parseMarker(text);
      if (stamp !== null && core.snapshots.has(stamp)) {
        const files = core.snapshots.filesOf(stamp).filter((rel) => locateShard(core.kinds, rel) !== null);
        this.replaceLiveFiles(stamp, files);
        core.notify(
          'info',
          `A restore from the backup of ${describeSnapshot(stamp)} was interrupted and has now been completed.`,
        );
      }
      fs.rmSync(marker, { force: true });
      fsyncDir(core.dataDir);
    } catch (error) {
      core.block(
        `A restore was interrupted and cannot be finished now (${describeFsError(error)}). Nothing else was changed; check the data folder and start BRM Workbook again.`,
      );
    }
  }

  private restoreChecked(
    stamp: string,
    files: readonly string[],
    safetyReason: BackupReason,
  ): { safetyBackup: string | null } {
    let safetyBackup: string | null;
    try {
      safetyBackup = this.schedule.snapshot(safetyReason, stamp);
    } catch (error) {
      throw new WorkbookError(
        'storage',
        `Nothing was changed: a safety backup of the current workbook could not be taken first (${describeFsError(error)}).`,
      );
    }
    try {
      this.applySnapshot(stamp, files);
    } catch (error) {
      const rolledBack = safetyBackup !== null && this.tryRollback(safetyBackup);
      const reason = describeFsError(error);
      if (rolledBack) {
        throw new WorkbookError('storage', `The restore failed (${reason}). Nothing was changed.`);
      }
      this.core.blocked = `A restore was interrupted (${reason}). Close and reopen BRM Workbook to finish it; until then nothing is saved.`;
      throw new WorkbookError('storage', this.core.blocked);
    }
    this.reload();
    return { safetyBackup };
  }

  /** Every store file in the snapshot must be intact and readable by this version, or nothing happens. */
  private checkSnapshot(stamp: string): string[] {
    const { snapshots, kinds } = this.core;
    const files = snapshots.filesOf(stamp).filter((rel) => locateShard(kinds, rel) !== null);
    for (const rel of files) {
      const { kind } = locateShard(kinds, rel)!;
      let decoded: Decoded;
      try {
        decoded = decodeShardText(kind, fs.readFileSync(snapshots.fileIn(stamp, rel), 'utf8'), rel);
      } catch (error) {
        decoded = { status: 'damaged', reason: describeFsError(error) };
      }
      if (decoded.status === 'damaged')
        throw new WorkbookError(
          'conflict',
          `That backup cannot be restored: its file ${rel} is damaged (${decoded.reason}). Nothing was changed.`,
        );
      if (decoded.status === 'blocked')
        throw new WorkbookError('conflict', `That backup cannot be restored: ${decoded.reason}`);
    }
    return files;
  }

  private applySnapshot(stamp: string, files: readonly string[]): void {
    const { dataDir } = this.core;
    writeFileAtomic(path.join(dataDir, RESTORE_MARKER), JSON.stringify({ stamp }));
    this.replaceLiveFiles(stamp, files);
    fs.rmSync(path.join(dataDir, RESTORE_MARKER));
    fsyncDir(dataDir);
  }

  private replaceLiveFiles(stamp: string, files: readonly string[]): void {
    const { core } = this;
    this.deferred.discardCatalogs();
    const keep = new Set(files);
    for (const rel of files) {
      placeFile(core.snapshots.fileIn(stamp, rel), path.join(core.dataDir, rel), core.link);
    }
    for (const rel of core.liveFilesOnDisk()) {
      if (!keep.has(rel)) fs.rmSync(path.join(core.dataDir, rel), { force: true });
    }
    for (const dir of core.liveDirs()) fsyncDir(path.join(core.dataDir, dir));
  }

  private tryRollback(safetyBackup: string): boolean {
    try {
      this.replaceLiveFiles(safetyBackup, this.core.snapshots.filesOf(safetyBackup));
      fs.rmSync(path.join(this.core.dataDir, RESTORE_MARKER), { force: true });
      return true;
    } catch {
      return false;
    }
  }
}

/** The snapshot a restore marker names; null when it names none (then there is nothing to finish). */
function parseMarker(text: string): string | null {
  try {
    const stamp = (JSON.parse(text) as { stamp?: unknown }).stamp;
    return typeof stamp === 'string' ? stamp : null;
  } catch {
    return null;
  }
}
