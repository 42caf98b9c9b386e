import type { BackupInfo, BackupReason } from '../../../shared/contract/backups';
import type { StoreCore } from './store-core';
import { describeFsError } from './store-files';

/** At most one automatic snapshot per this interval while changes happen. */
export const SNAPSHOT_INTERVAL_MS = 5 * 60_000;

/**
 * When snapshots are taken: the start snapshot (before this session changes anything), one at most per
 * interval while changes happen, and on request (before a restore, from the backups view).
 */
export class SnapshotSchedule {
  private startSnapshotTimer: NodeJS.Timeout | null = null;
  private lastSnapshotAt: number | null = null;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private changedSinceSnapshot = false;
  private snapshotWarned = false;

  /** `intervalMs`: minimum time between automatic snapshots while changes happen; null: only on start. */
  constructor(
    private readonly core: StoreCore,
    private readonly intervalMs: number | null,
  ) {}

  /** Snapshots every live store file into `backups/<stamp>/`; null when there is nothing to keep or it failed. */
  backupNow(reason: BackupReason = 'periodic'): string | null {
    // Nothing has changed since the start: this snapshot holds what the start one would have.
    if (this.startSnapshotTimer) clearTimeout(this.startSnapshotTimer);
    this.startSnapshotTimer = null;
    if (this.core.blocked || this.core.otherWriter) return null;
    try {
      return this.snapshot(reason);
    } catch (error) {
      // A failed snapshot changes nothing live; say so once, not on every attempt.
      if (!this.snapshotWarned) {
        this.snapshotWarned = true;
        this.core.notify(
          'warning',
          `A backup could not be taken (${describeFsError(error)}). Your data is unchanged.`,
        );
      }
      return null;
    }
  }

  listBackups(): BackupInfo[] {
    this.takeStartSnapshot();
    return this.core.snapshots.list();
  }

  /** Takes a snapshot now, failing loudly. `keep`: a snapshot about to be restored, which pruning must not remove meanwhile. */
  snapshot(reason: BackupReason, keep?: string): string | null {
    const { snapshots, slots } = this.core;
    const sources = [...slots].map(([rel, slot]) => ({ rel, bytes: slot.bytes }));
    if (sources.length === 0) return null;
    const stamp = snapshots.take(this.core.dataDir, sources, reason);
    this.lastSnapshotAt = this.core.now().getTime();
    this.changedSinceSnapshot = false;
    this.snapshotWarned = false;
    snapshots.prune(new Set(keep ? [stamp, keep] : [stamp]));
    return stamp;
  }

  /**
   * The start snapshot keeps the workbook as it was before this session changed anything. Before an
   * upgrade rewrites old files it is taken at once; otherwise just after the workbook has answered
   * (linking thousands of files is most of a cold start), and in any case before the first change.
   */
  onStart(beforeUpgrade: boolean): void {
    if (this.core.writeError) return;
    if (beforeUpgrade) {
      this.backupNow('start');
      return;
    }
    this.startSnapshotTimer = setTimeout(() => this.takeStartSnapshot(), 0).unref();
  }

  /** Takes the start snapshot if it is still due; called before anything changes the live files. */
  takeStartSnapshot(): void {
    if (this.startSnapshotTimer) this.backupNow('start');
  }

  /** Debounced: the first change after a quiet spell schedules a snapshot at most once per interval. */
  changed(): void {
    this.changedSinceSnapshot = true;
    if (this.intervalMs === null || this.snapshotTimer) return;
    const due = (this.lastSnapshotAt ?? 0) + this.intervalMs;
    const delay = Math.max(0, due - this.core.now().getTime());
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      if (this.changedSinceSnapshot && !this.core.writeError) this.backupNow('periodic');
    }, delay);
    // The timer must never keep a quitting app (or a finished test) alive.
    this.snapshotTimer.unref();
  }

  /** Closing: a start snapshot still due is taken (it may hold the last session's final edits), timers stop. */
  close(): void {
    this.takeStartSnapshot();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = null;
  }
}
