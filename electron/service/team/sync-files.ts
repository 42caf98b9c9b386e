import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/store-files';

/**
 * The team sync's own files in `<data folder>/team/`, each written whole with the store's atomic write
 * (temporary file, fsync, rename), so a kill -9 leaves either the old or the new content.
 *
 * - outbox.json: what this laptop changed and the server does not have yet, and the conflict inbox;
 * - state.json: how far the pull got, and the server version of every record this laptop holds;
 * - connection.json: the server address and login name (never the password: the host's secret keeper).
 */

const json = z.unknown();

/** One record changed here and not yet on the server. Edits of one record coalesce into one entry. */
export const outboxEntrySchema = z.object({
  /** Idempotency key: a retry of the same content reuses it; a newer edit gets a new one. */
  changeId: z.string().max(64),
  kind: z.string().max(40),
  id: z.string().max(64),
  shard: z.string().max(64).nullable(),
  /** The record as it was on the server at `baseNo` (null: not there), for the three-way merge. */
  base: json,
  baseNo: z.number().int().nonnegative(),
  /** The record now (null: deleted here). */
  json,
  /** Change ids already sent for this entry: a row coming back with one of them is this laptop's own. */
  sentIds: z.array(z.string().max(64)).max(50),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const conflictSchema = z.object({
  id: z.string().max(64),
  kind: z.string().max(40),
  recordId: z.string().max(64),
  shard: z.string().max(64).nullable(),
  /** The field (see merge.ts), or '(record)' when one side deleted the record and the other edited it. */
  field: z.string().max(200),
  label: z.string().max(400),
  base: json,
  mine: json,
  theirs: json,
  /** The colleague (PostgreSQL role) whose change met this laptop's. */
  writer: z.string().max(100),
  at: z.string().max(40),
});
export type Conflict = z.infer<typeof conflictSchema>;

const outboxSchema = z.object({
  pending: z.array(outboxEntrySchema),
  conflicts: z.array(conflictSchema),
});
export type Outbox = z.infer<typeof outboxSchema>;

const stateSchema = z.object({
  lastChangeNo: z.number().int().nonnegative(),
  versions: z.record(z.string(), z.number().int().nonnegative()),
  lastSyncAt: z.string().nullable(),
  /** The server this state belongs to (role@host/db): another server starts from nothing. */
  server: z.string().nullable(),
  /** The kinds of record this laptop has shared; absent in files written before the list grew. */
  kinds: z.array(z.string().max(40)).max(200).optional(),
});
export type SyncState = z.infer<typeof stateSchema>;

const configSchema = z.object({
  /** postgres:// URL without the password. */
  url: z.string().max(2000),
});
export type TeamConfig = z.infer<typeof configSchema>;

export class SyncFiles {
  readonly dir: string;
  /** Files that could not be read at start, moved aside: said once to the BRM. */
  readonly damaged: string[] = [];

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'team');
  }

  readOutbox(): Outbox {
    return this.read('outbox.json', outboxSchema) ?? { pending: [], conflicts: [] };
  }
  writeOutbox(outbox: Outbox): void {
    this.write('outbox.json', outbox);
  }
  readState(): SyncState {
    return (
      this.read('state.json', stateSchema) ?? {
        lastChangeNo: 0,
        versions: {},
        lastSyncAt: null,
        server: null,
      }
    );
  }
  writeState(state: SyncState): void {
    this.write('state.json', state);
  }
  readConfig(): TeamConfig | null {
    return this.read('connection.json', configSchema);
  }
  writeConfig(config: TeamConfig | null): void {
    if (config) this.write('connection.json', config);
    else fs.rmSync(path.join(this.dir, 'connection.json'), { force: true });
  }

  private read<T>(name: string, schema: z.ZodType<T>): T | null {
    const file = path.join(this.dir, name);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    try {
      return schema.parse(JSON.parse(text));
    } catch {
      // Kept for inspection; the sync starts over from the server for what this file held.
      fs.renameSync(file, `${file}.damaged-${Date.now()}`);
      this.damaged.push(name);
      return null;
    }
  }

  private write(name: string, value: unknown): void {
    writeFileAtomic(path.join(this.dir, name), JSON.stringify(value));
  }
}
