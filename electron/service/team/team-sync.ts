import { WorkbookError } from '../../../shared/contract/define';
import type { TeamConflict, TeamPhase, TeamStatus } from '../../../shared/contract/team';
import type { SecretKeeper } from '../host';
import type { ShardKind } from '../store/shard-kind';
import type { ShardStore } from '../store/shard-store';
import { conflictViews, resolveConflict, type Resolution } from './conflict-inbox';
import { TeamConnection, TeamServerError } from './connection';
import { LocalOutbox } from './outbox';
import { pullAll } from './pull';
import { pushAll, shareNewKinds, shareRecords } from './push';
import { RECORD_KINDS, allRecords } from './records';
import { captureReplacement, recordsByKey, type RecordsByKey } from './restored';
import { SyncSchedule } from './sync-schedule';
import { SyncFiles } from './sync-files';
import type { SyncCore } from './sync-core';

export type { Resolution } from './conflict-inbox';

const PASSWORD_SECRET = 'team-password';
/** Polling while online, for when a notification was missed (LISTEN is the fast path). */
const POLL_MS = 30_000;
/** The sync state is written this long after it changed (see SyncCore.stateChanged). */
const STATE_WRITE_DELAY_MS = 1000;
/** A local edit is sent this soon after it is saved (edits in a burst go together). */
const PUSH_DELAY_MS = 20;

export interface TeamSyncOptions {
  store: ShardStore;
  now: () => Date;
  secrets: SecretKeeper;
  /** Reconnecting, LISTEN and polling; tests leave it off and call syncNow. */
  background?: boolean;
  pollMs?: number;
}

/**
 * The team sync of one laptop. The store stays the only source the app reads and writes; this observes its
 * changes record by record into a durable outbox (outbox.ts), sends them with their base version
 * (push.ts), pulls colleagues' changes since the last change number and merges them field by field
 * (pull.ts). Conflicts go to an inbox with both values (conflict-inbox.ts). This class connects, runs one
 * sync at a time, and keeps the background going: LISTEN/NOTIFY while online, polling as a fallback.
 */
export class TeamSync {
  private readonly core: SyncCore;
  private readonly secrets: SecretKeeper;
  private readonly background: boolean;
  private url: string | null;
  private conn: TeamConnection | null = null;
  private connecting: Promise<TeamConnection> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private syncing = false;
  private message: string | null = null;
  private readonly schedule: SyncSchedule;
  private closed = false;
  private shareProgress: { done: number; total: number } | null = null;
  private readonly listeners = new Set<() => void>();
  private stateTimer: NodeJS.Timeout | null = null;
  /** The shared records as they were just before a restore or import replaced the workbook. */
  private beforeReplace: RecordsByKey | null = null;

  constructor(options: TeamSyncOptions) {
    const files = new SyncFiles(options.store.dataDir);
    const outbox = new LocalOutbox(files, () => this.core.state.versions);
    this.core = {
      store: options.store,
      now: options.now,
      files,
      outbox,
      state: files.readState(),
      stateChanged: () => this.stateChanged(),
    };
    outbox.reconcile(options.store);
    this.secrets = options.secrets;
    this.background = options.background ?? true;
    this.schedule = new SyncSchedule(() => {
      this.syncNow().catch(() => undefined);
    }, options.pollMs ?? POLL_MS);
    this.url = files.readConfig()?.url ?? null;
    for (const name of files.damaged)
      options.store.notify(
        'warning',
        `The team sync file ${name} was damaged and was set aside; the workbook is pulled from the team server again.`,
      );
    options.store.observeChanges((kind, key, before, after) => this.capture(kind, key, before, after));
    options.store.onBeforeReplace(() => this.holdBeforeReplace());
    options.store.onReload(() => this.sendReplacement());
    if (this.url) this.startBackground();
  }

  // ── Status ────────────────────────────────────────────────────────────────

  status(): TeamStatus {
    const phase: TeamPhase = !this.url
      ? 'off'
      : this.syncing
        ? 'syncing'
        : this.conn?.isOpen && this.message === null
          ? 'up-to-date'
          : 'offline';
    return {
      phase,
      url: this.url,
      teamId: this.conn?.teamId ?? null,
      role: this.conn?.role ?? null,
      encrypted: this.conn?.encrypted ?? false,
      message: this.message,
      lastSyncAt: this.core.state.lastSyncAt,
      outbox: this.core.outbox.pending.size,
      conflicts: this.core.outbox.conflicts.length,
      share: this.shareProgress,
    };
  }

  /** Called whenever the status may have changed (a sync ended, a change was captured). */
  onStatus(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  conflicts(): TeamConflict[] {
    return conflictViews(this.core);
  }

  /** Keeps this laptop's value, the colleague's, or an edited text; the choice is then synced to both. */
  resolve(conflictId: string, resolution: Resolution): void {
    resolveConflict(this.core, conflictId, resolution);
    this.changed();
    this.schedulePush();
  }

  // ── Connecting ────────────────────────────────────────────────────────────

  /**
   * Shares this workbook with the team on `url` (postgres://role:password@host/db). The password goes to
   * the host's secret keeper, never into a file. A wrong password or login is refused at once; a server
   * that is down only delays the first sync.
   */
  async connect(url: string): Promise<TeamStatus> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new WorkbookError('invalid-input', 'That is not a postgres:// address.');
    }
    if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
      throw new WorkbookError('invalid-input', 'The team address starts with postgres://.');
    const password = parsed.password
      ? decodeURIComponent(parsed.password)
      : this.secrets.load(PASSWORD_SECRET);
    parsed.password = '';
    const bare = parsed.toString();
    await this.disconnectClient();
    try {
      this.conn = await this.openConnection(bare, password);
      this.message = null;
    } catch (error) {
      if (error instanceof TeamServerError && error.reason !== 'offline')
        throw new WorkbookError('forbidden', error.message);
      this.message = (error as Error).message;
    }
    this.secrets.save(PASSWORD_SECRET, password);
    const server = `${parsed.username}@${parsed.host}${parsed.pathname}`;
    if (this.core.state.server !== server) {
      this.core.state = {
        lastChangeNo: 0,
        versions: {},
        lastSyncAt: null,
        server,
        kinds: RECORD_KINDS.map((k) => k.name),
      };
      this.core.files.writeState(this.core.state);
    }
    this.core.files.writeConfig({ url: bare });
    this.url = bare;
    this.startBackground();
    this.changed();
    return this.status();
  }

  /** Stops sharing: the local workbook is kept as it is; the outbox is kept for a later reconnect. */
  async disconnect(): Promise<void> {
    this.core.files.writeConfig(null);
    this.secrets.save(PASSWORD_SECRET, null);
    this.url = null;
    this.stopBackground();
    this.flushState();
    await this.disconnectClient();
    this.changed();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopBackground();
    this.flushState();
    this.core.store.observeChanges(null);
    await this.queue.catch(() => undefined);
    this.flushState();
    await this.disconnectClient();
  }

  // ── Sync ─────────────────────────────────────────────────────────────────

  /** Push, pull, and push what the pull rebased; one at a time. Rejects with the reason when offline. */
  syncNow(): Promise<void> {
    const run = this.queue.then(() => this.syncOnce());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * "Share this workbook": sends every shared record the server does not have yet, in batches, reporting
   * progress. Records a colleague already shared with the same id are merged by the next pull.
   */
  share(progress: (done: number, total: number) => void = () => undefined): Promise<number> {
    const run = this.queue.then(() => this.shareAll(progress));
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async syncOnce(): Promise<void> {
    if (!this.url || this.closed) return;
    this.syncing = true;
    this.changed();
    try {
      const conn = await this.connection();
      await shareNewKinds(this.core, conn);
      for (let round = 0; round < 5; round++) {
        const stale = await pushAll(this.core, conn);
        await pullAll(this.core, conn);
        if (!stale && this.core.outbox.pending.size === 0) break;
      }
      this.core.state.lastSyncAt = this.core.now().toISOString();
      this.stateChanged();
      this.message = null;
    } catch (error) {
      const reason = error instanceof TeamServerError ? error : new TeamServerError('offline', String(error));
      this.message = reason.message;
      // A connection that failed a query may be half dead (server restarted): the next attempt opens a new one.
      await this.disconnectClient();
      throw error;
    } finally {
      this.syncing = false;
      this.changed();
    }
  }

  private async shareAll(progress: (done: number, total: number) => void): Promise<number> {
    if (!this.url) throw new WorkbookError('conflict', 'Connect to a team first (Settings → Team).');
    const conn = await this.connection();
    let done: number;
    try {
      done = await shareRecords(this.core, conn, allRecords(this.core.store), (n, total) => {
        this.shareProgress = { done: n, total };
        progress(n, total);
        this.changed();
      });
    } finally {
      this.shareProgress = null;
    }
    await this.syncOnce();
    return done;
  }

  // ── Capturing local changes ───────────────────────────────────────────────

  private capture(shard: ShardKind<unknown>, key: string | null, before: unknown, after: unknown): void {
    if (!this.url) return;
    // Throws when the outbox cannot be written: the store then refuses the change (nothing unsynced is kept).
    if (!this.core.outbox.capture(shard, key, before, after)) return;
    this.changed();
    this.schedulePush();
  }

  /** A restore or import is about to replace the workbook: what it holds now is the base of what changes. */
  private holdBeforeReplace(): void {
    this.beforeReplace = this.url ? recordsByKey(this.core) : null;
  }

  /**
   * The BRM restored a backup or imported a file: a deliberate choice of what the workbook holds, so what
   * it changed reaches colleagues like any edit, without asking (records the team holds are not deleted:
   * see captureReplacement).
   */
  private sendReplacement(): void {
    const before = this.beforeReplace;
    this.beforeReplace = null;
    if (!before || !this.url) return;
    const { sent, kept } = captureReplacement(this.core, before);
    if (sent + kept > 0) this.core.store.notify('info', replacementNotice(sent, kept));
    this.changed();
    this.schedulePush();
  }

  // ── Background ────────────────────────────────────────────────────────────

  private async connection(): Promise<TeamConnection> {
    if (this.conn?.isOpen) return this.conn;
    this.connecting ??= this.openConnection(this.url!, this.secrets.load(PASSWORD_SECRET)).finally(() => {
      this.connecting = null;
    });
    this.conn = await this.connecting;
    return this.conn;
  }

  private async openConnection(url: string, password: string | null): Promise<TeamConnection> {
    const conn = await TeamConnection.open(url, password);
    conn.onLost((error) => {
      if (this.conn === conn) this.conn = null;
      this.message = error.message;
      this.changed();
    });
    if (this.background) await conn.listen(() => this.schedulePush(0));
    return conn;
  }

  private async disconnectClient(): Promise<void> {
    const conn = this.conn;
    this.conn = null;
    await conn?.close();
  }

  /** Sends and pulls soon; a no-op when sync runs only on request (tests) or is off. */
  private schedulePush(delay = PUSH_DELAY_MS): void {
    if (this.background && this.url && !this.closed) this.schedule.soon(delay);
  }

  private startBackground(): void {
    if (this.background) this.schedule.start();
  }

  private stopBackground(): void {
    this.schedule.stop();
  }

  private stateChanged(): void {
    if (this.stateTimer) return;
    this.stateTimer = setTimeout(() => this.flushState(), STATE_WRITE_DELAY_MS);
    this.stateTimer.unref();
  }

  private flushState(): void {
    if (!this.stateTimer) return;
    clearTimeout(this.stateTimer);
    this.stateTimer = null;
    try {
      this.core.files.writeState(this.core.state);
    } catch {
      // A lagging state file is safe (the next pull fetches rows again); the next change tries again.
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** What the BRM is told after a restore or import while sharing with a team. */
function replacementNotice(sent: number, kept: number): string {
  const records = (n: number) => `${n} record${n === 1 ? '' : 's'}`;
  const sending = `Team: ${records(sent)} the restored or imported workbook changed ${sent === 1 ? 'is' : 'are'} being sent to your team.`;
  if (kept === 0) return sending;
  return `${sending} ${records(kept)} your team shares that it did not hold ${kept === 1 ? 'was' : 'were'} kept; delete ${kept === 1 ? 'it' : 'them'} if ${kept === 1 ? 'it' : 'they'} should go.`;
}
