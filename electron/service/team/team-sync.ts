import { WorkbookError } from '../../../shared/contract/define';
import type { TeamConflict, TeamPhase, TeamStatus } from '../../../shared/contract/team';
import { newId } from '../../../shared/domain/ids';
import type { SecretKeeper } from '../host';
import type { ShardKind } from '../store/shard-kind';
import type { ShardStore } from '../store/shard-store';
import { TeamConnection, TeamServerError, type IncomingRow, type OutgoingChange } from './connection';
import { canon, fieldLabel, mergeRecords, mergeText, sameJson, withField } from './merge';
import {
  allRecords,
  checkIncoming,
  currentRecord,
  isSharedShard,
  recordKey,
  recordKindNamed,
  recordsIn,
  writeRecords,
  type RecordWrite,
} from './records';
import { SyncFiles, type Conflict, type Outbox, type OutboxEntry, type SyncState } from './sync-files';

const BATCH = 500;
const PASSWORD_SECRET = 'team-password';
/** Polling while online, for when a notification was missed (LISTEN is the fast path). */
const POLL_MS = 30_000;
/** A local edit is sent this soon after it is saved (edits in a burst go together). */
const PUSH_DELAY_MS = 20;
export const RECORD_FIELD = '(record)';

export interface TeamSyncOptions {
  store: ShardStore;
  now: () => Date;
  secrets: SecretKeeper;
  /** Reconnecting, LISTEN and polling; tests leave it off and call syncNow. */
  background?: boolean;
  pollMs?: number;
}

export type Resolution = { take: 'mine' } | { take: 'theirs' } | { text: string };

/**
 * The team sync of one laptop. The store stays the only source the app reads and writes; this observes its
 * changes record by record into a durable outbox, sends them with their base version (idempotent change
 * ids), pulls colleagues' changes since the last change number, merges field by field and applies them
 * through the same validation as the API. Conflicts go to an inbox with both values.
 */
export class TeamSync {
  private readonly store: ShardStore;
  private readonly now: () => Date;
  private readonly secrets: SecretKeeper;
  private readonly files: SyncFiles;
  private readonly background: boolean;
  private readonly pollMs: number;
  private outbox: Outbox;
  private pending = new Map<string, OutboxEntry>();
  private state: SyncState;
  private url: string | null;
  private conn: TeamConnection | null = null;
  private connecting: Promise<TeamConnection> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private syncing = false;
  private message: string | null = null;
  /** True while this writes pulled records into the store: those are not local changes. */
  private applying = false;
  private pushTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private shareProgress: { done: number; total: number } | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(options: TeamSyncOptions) {
    this.store = options.store;
    this.now = options.now;
    this.secrets = options.secrets;
    this.background = options.background ?? true;
    this.pollMs = options.pollMs ?? POLL_MS;
    this.files = new SyncFiles(options.store.dataDir);
    this.outbox = this.files.readOutbox();
    this.pending = new Map(this.outbox.pending.map((e) => [recordKey(e.kind, e.id), e]));
    this.reconcileOutbox();
    this.state = this.files.readState();
    this.url = this.files.readConfig()?.url ?? null;
    for (const name of this.files.damaged)
      this.store.notify(
        'warning',
        `The team sync file ${name} was damaged and was set aside; the workbook is pulled from the team server again.`,
      );
    this.store.observeChanges((kind, key, before, after) => this.capture(kind, key, before, after));
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
      lastSyncAt: this.state.lastSyncAt,
      outbox: this.pending.size,
      conflicts: this.outbox.conflicts.length,
      share: this.shareProgress,
    };
  }

  /** Called whenever the status may have changed (a sync ended, a change was captured). */
  onStatus(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  conflicts(): TeamConflict[] {
    return this.outbox.conflicts.map((c) => ({
      id: c.id,
      kind: c.kind,
      recordId: c.recordId,
      label: c.label,
      recordName: recordName(c, this.recordNow(c)),
      mine: c.mine,
      theirs: c.theirs,
      writer: c.writer,
      at: c.at,
      suggestion:
        /minutes$/.test(c.field) && typeof c.mine === 'string' && typeof c.theirs === 'string'
          ? mergeText(typeof c.base === 'string' ? c.base : '', c.mine, c.theirs)
          : null,
    }));
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
    if (this.state.server !== server) {
      this.state = { lastChangeNo: 0, versions: {}, lastSyncAt: null, server };
      this.files.writeState(this.state);
    }
    this.files.writeConfig({ url: bare });
    this.url = bare;
    this.startBackground();
    this.changed();
    return this.status();
  }

  /** Stops sharing: the local workbook is kept as it is; the outbox is kept for a later reconnect. */
  async disconnect(): Promise<void> {
    this.files.writeConfig(null);
    this.secrets.save(PASSWORD_SECRET, null);
    this.url = null;
    this.stopBackground();
    await this.disconnectClient();
    this.changed();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopBackground();
    this.store.observeChanges(null);
    await this.queue.catch(() => undefined);
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
      for (let round = 0; round < 5; round++) {
        const stale = await this.pushAll(conn);
        await this.pullAll(conn);
        if (!stale && this.pending.size === 0) break;
      }
      this.state.lastSyncAt = this.now().toISOString();
      this.files.writeState(this.state);
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
    const todo = [...allRecords(this.store)].filter((r) => {
      const key = recordKey(r.kind.name, r.id);
      return this.state.versions[key] === undefined && !this.pending.has(key);
    });
    let done = 0;
    const report = (n: number) => {
      this.shareProgress = { done: n, total: todo.length };
      progress(n, todo.length);
      this.changed();
    };
    report(0);
    try {
      for (let at = 0; at < todo.length; at += BATCH) {
        const batch = todo.slice(at, at + BATCH).map((r): OutgoingChange => ({
          changeId: newId(),
          kind: r.kind.name,
          id: r.id,
          shard: r.shard,
          json: r.record,
          baseNo: 0,
        }));
        const answers = await conn.push(batch);
        answers.forEach((answer, i) => {
          const sent = batch[i]!;
          const key = recordKey(sent.kind, sent.id);
          if (answer.changeNo !== null) this.state.versions[key] = answer.changeNo;
          else if (!this.pending.has(key))
            // A colleague shared a record with this id: the next pull merges the two.
            this.pending.set(key, { ...sent, base: null, json: sent.json, sentIds: [] });
        });
        this.saveOutbox();
        this.files.writeState(this.state);
        done += batch.length;
        report(done);
      }
    } finally {
      this.shareProgress = null;
    }
    await this.syncOnce();
    return done;
  }

  /** Sends the outbox in batches. True when a change was refused as stale (a pull must merge first). */
  private async pushAll(conn: TeamConnection): Promise<boolean> {
    const tried = new Set<string>();
    for (;;) {
      const entries = [...this.pending.values()].filter((e) => !tried.has(e.changeId)).slice(0, BATCH);
      if (entries.length === 0) return false;
      const batch = entries.map((e): OutgoingChange => {
        tried.add(e.changeId);
        if (!e.sentIds.includes(e.changeId)) e.sentIds = [...e.sentIds, e.changeId].slice(-50);
        return {
          changeId: e.changeId,
          kind: e.kind,
          id: e.id,
          shard: e.shard,
          json: e.json,
          baseNo: e.baseNo,
        };
      });
      // The ids are on disk before they leave: a row coming back with one after a crash is recognised.
      this.saveOutbox();
      const answers = await conn.push(batch);
      let stale = false;
      answers.forEach((answer, i) => {
        const sent = batch[i]!;
        const key = recordKey(sent.kind, sent.id);
        if (answer.changeNo === null) {
          stale = true;
          return;
        }
        this.state.versions[key] = Math.max(this.state.versions[key] ?? 0, answer.changeNo);
        const entry = this.pending.get(key);
        if (!entry) return;
        if (entry.changeId === sent.changeId) this.pending.delete(key);
        else Object.assign(entry, { base: sent.json, baseNo: answer.changeNo });
      });
      this.saveOutbox();
      this.files.writeState(this.state);
      if (stale) return true;
    }
  }

  private async pullAll(conn: TeamConnection): Promise<void> {
    for (;;) {
      const rows = await conn.pull(this.state.lastChangeNo, BATCH);
      if (rows.length === 0) return;
      this.applyRows(rows);
      if (rows.length < BATCH) return;
    }
  }

  /** Applies one batch of pulled rows. Synchronous: no local edit can slip in between merge and write. */
  private applyRows(rows: readonly IncomingRow[]): void {
    const writes: RecordWrite[] = [];
    const skipped: string[] = [];
    for (const row of rows) {
      const key = recordKey(row.kind, row.id);
      if ((this.state.versions[key] ?? 0) >= row.changeNo) continue;
      this.state.versions[key] = row.changeNo;
      const checked = checkIncoming(row.kind, row.id, row.shard, row.deleted ? null : row.json);
      if (!checked.ok) {
        skipped.push(`${checked.reason}, from ${row.writer}`);
        continue;
      }
      const incoming = checked.record;
      const entry = this.pending.get(key);
      if (!entry) {
        writes.push({ kind: checked.kind, id: row.id, shard: row.shard, record: incoming });
        continue;
      }
      if (entry.sentIds.includes(row.changeId)) {
        // This laptop's own change coming back (its answer was lost): what is here already includes it.
        Object.assign(entry, { base: incoming, baseNo: row.changeNo });
        if (sameJson(entry.json, incoming)) this.pending.delete(key);
        continue;
      }
      const write = this.mergeInto(entry, incoming, row);
      if (write)
        writes.push({
          kind: checked.kind,
          id: row.id,
          shard: entry.shard ?? row.shard,
          record: write.record,
        });
    }
    // The outbox (rebased entries and new conflicts) is on disk before the store changes: a crash in between
    // pulls the same rows again, and merging them again changes nothing.
    this.saveOutbox();
    this.applying = true;
    let refused: RecordWrite[];
    try {
      refused = writeRecords(this.store, writes);
    } finally {
      this.applying = false;
    }
    for (const write of refused) skipped.push(`a ${write.kind.name} the workbook could not store`);
    this.state.lastChangeNo = Math.max(this.state.lastChangeNo, ...rows.map((r) => r.changeNo));
    this.files.writeState(this.state);
    if (skipped.length > 0)
      this.store.notify(
        'warning',
        `The team sync skipped ${skipped.length} record${skipped.length === 1 ? '' : 's'} it could not accept: ` +
          `${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '; …' : ''}. Your workbook is unchanged by them.`,
      );
  }

  /**
   * A colleague changed a record this laptop has also changed. Fields merge; clashes go to the inbox and
   * provisionally take the server's value, so both laptops show the same until the BRM decides.
   */
  private mergeInto(
    entry: OutboxEntry,
    incoming: Record<string, unknown> | null,
    row: IncomingRow,
  ): { record: Record<string, unknown> | null } | null {
    const key = recordKey(entry.kind, entry.id);
    const mine = entry.json as Record<string, unknown> | null;
    const base = entry.base as Record<string, unknown> | null;
    const kind = recordKindNamed(entry.kind)!;
    const conflict = (
      field: string,
      mineValue: unknown,
      theirs: unknown,
      baseValue: unknown,
      record: unknown,
    ) =>
      this.outbox.conflicts.push({
        id: newId(),
        kind: entry.kind,
        recordId: entry.id,
        shard: entry.shard ?? row.shard,
        field,
        label:
          field === RECORD_FIELD ? 'the whole record' : fieldLabel(record as Record<string, unknown>, field),
        base: baseValue ?? null,
        mine: mineValue ?? null,
        theirs: theirs ?? null,
        writer: row.writer,
        at: this.now().toISOString(),
      });
    if (mine === null || incoming === null) {
      this.pending.delete(key);
      if (mine !== incoming) conflict(RECORD_FIELD, mine, incoming, base, mine ?? incoming);
      return { record: incoming };
    }
    const { merged, conflicts } = mergeRecords(base, mine, incoming);
    const valid = kind.schema.safeParse(merged);
    if (!valid.success) {
      // The merged whole breaks a rule of the record: keep the server's, and this laptop's in the inbox.
      this.pending.delete(key);
      conflict(RECORD_FIELD, mine, incoming, base, mine);
      return { record: incoming };
    }
    for (const c of conflicts) conflict(c.field, c.mine, c.theirs, fieldValue(base, c.field), mine);
    const record = valid.data as Record<string, unknown>;
    if (sameJson(record, incoming)) this.pending.delete(key);
    else
      Object.assign(entry, {
        base: incoming,
        baseNo: row.changeNo,
        json: record,
        changeId: newId(),
        sentIds: [],
      });
    return { record };
  }

  // ── Conflict inbox ────────────────────────────────────────────────────────

  /** Keeps this laptop's value, the colleague's, or an edited text; the choice is then synced to both. */
  resolve(conflictId: string, resolution: Resolution): void {
    const conflict = this.outbox.conflicts.find((c) => c.id === conflictId);
    if (!conflict) throw new WorkbookError('not-found', 'That conflict was already resolved.');
    const kind = recordKindNamed(conflict.kind)!;
    if (!('take' in resolution && resolution.take === 'theirs')) {
      const value = 'text' in resolution ? resolution.text : conflict.mine;
      let record: Record<string, unknown> | null;
      if (conflict.field === RECORD_FIELD) record = value as Record<string, unknown> | null;
      else {
        const current = currentRecord(this.store, kind, conflict.recordId, conflict.shard);
        if (!current)
          throw new WorkbookError('not-found', 'That record was deleted since; nothing to keep it in.');
        record = withField(current, conflict.field, value);
      }
      if (record !== null && !kind.schema.safeParse(record).success)
        throw new WorkbookError(
          'invalid-input',
          'That value cannot be kept: it is not valid for this record.',
        );
      // A normal local edit: captured into the outbox and sent like any other.
      const refused = writeRecords(this.store, [
        { kind, id: conflict.recordId, shard: conflict.shard, record },
      ]);
      if (refused.length > 0)
        throw new WorkbookError('storage', 'The choice could not be saved. Nothing was changed.');
    }
    this.outbox.conflicts = this.outbox.conflicts.filter((c) => c.id !== conflictId);
    this.saveOutbox();
    this.changed();
    this.schedulePush();
  }

  private recordNow(conflict: Conflict): Record<string, unknown> | null {
    const kind = recordKindNamed(conflict.kind);
    try {
      return kind ? currentRecord(this.store, kind, conflict.recordId, conflict.shard) : null;
    } catch {
      return null;
    }
  }

  // ── Capturing local changes ───────────────────────────────────────────────

  private capture(shard: ShardKind<unknown>, key: string | null, before: unknown, after: unknown): void {
    if (this.applying || !this.url || !isSharedShard(shard)) return;
    const was = recordsIn(shard, key, before);
    const now = recordsIn(shard, key, after);
    let changed = false;
    for (const [k, rec] of now) {
      const prev = was.get(k);
      if (prev && canon(prev.record) === canon(rec.record)) continue;
      this.enqueue(k, rec.kind.name, rec.id, rec.shard, prev?.record ?? null, rec.record);
      changed = true;
    }
    for (const [k, prev] of was) {
      if (now.has(k)) continue;
      this.enqueue(k, prev.kind.name, prev.id, prev.shard, prev.record, null);
      changed = true;
    }
    if (!changed) return;
    // Throws when the outbox cannot be written: the store then refuses the change (nothing unsynced is kept).
    this.saveOutbox();
    this.changed();
    this.schedulePush();
  }

  private enqueue(
    key: string,
    kind: string,
    id: string,
    shard: string | null,
    before: unknown,
    after: unknown,
  ): void {
    const entry = this.pending.get(key);
    if (entry) {
      Object.assign(entry, { json: after, changeId: newId(), shard: shard ?? entry.shard });
      // Created and deleted before the server ever saw it: nothing to send.
      if (after === null && entry.baseNo === 0 && entry.base === null) this.pending.delete(key);
      return;
    }
    const baseNo = this.state.versions[key] ?? 0;
    if (after === null && baseNo === 0) return;
    this.pending.set(key, {
      changeId: newId(),
      kind,
      id,
      shard,
      base: before,
      baseNo,
      json: after,
      sentIds: [],
    });
  }

  /**
   * A crash between writing the outbox and writing the store leaves an entry for a change the store never
   * acknowledged; it must not reach colleagues. At start each entry is brought back to what the store
   * holds (earlier, acknowledged edits of the record stay in it); an entry never sent whose record is
   * back where it started is dropped. One already sent is kept, so the server returns to this state too.
   */
  private reconcileOutbox(): void {
    let changed = false;
    for (const [key, entry] of this.pending) {
      const kind = recordKindNamed(entry.kind);
      if (!kind) continue;
      const stored = currentRecord(this.store, kind, entry.id, entry.shard);
      if (sameJson(stored, entry.json)) continue;
      changed = true;
      if (entry.sentIds.length === 0 && sameJson(stored, entry.base)) this.pending.delete(key);
      else Object.assign(entry, { json: stored, changeId: newId() });
    }
    if (!changed) return;
    try {
      this.saveOutbox();
    } catch {
      // A read-only workbook (another copy holds the folder): the entries are corrected again next start.
    }
  }

  private saveOutbox(): void {
    this.outbox.pending = [...this.pending.values()];
    this.files.writeOutbox(this.outbox);
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

  private schedulePush(delay = PUSH_DELAY_MS): void {
    if (!this.background || !this.url || this.closed || this.pushTimer) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      this.syncNow().catch(() => undefined);
    }, delay);
    this.pushTimer.unref();
  }

  private startBackground(): void {
    if (!this.background || this.pollTimer) return;
    this.pollTimer = setInterval(() => this.schedulePush(0), this.pollMs);
    this.pollTimer.unref();
    this.schedulePush(0);
  }

  private stopBackground(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pollTimer = null;
    this.pushTimer = null;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** What the BRM calls the record of a conflict: its name or title. */
function recordName(conflict: Conflict, now: Record<string, unknown> | null): string {
  const record = [now, conflict.mine, conflict.theirs, conflict.base].find(
    (r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r),
  );
  const name = record?.name ?? record?.title ?? record?.date;
  return typeof name === 'string' ? name.slice(0, 200) : conflict.recordId;
}

/** One field's value in a record (as named by fieldsOf), for the merged-text suggestion. */
function fieldValue(record: Record<string, unknown> | null, field: string): unknown {
  if (!record) return null;
  const element = /^([^[\]]+)\[([^[\]]+)\]\.(.+)$/.exec(field);
  if (!element) return record[field];
  const list = record[element[1]!];
  const item = Array.isArray(list)
    ? (list as Record<string, unknown>[]).find((e) => e.id === element[2])
    : undefined;
  return item?.[element[3]!];
}
