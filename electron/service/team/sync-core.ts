import type { ShardStore } from '../store/shard-store';
import type { LocalOutbox } from './outbox';
import type { SyncFiles, SyncState } from './sync-files';

/** Records pushed or pulled in one round trip. */
export const BATCH = 500;

/** What push, pull and the conflict inbox share: the store, the outbox and how far the sync got. */
export interface SyncCore {
  readonly store: ShardStore;
  readonly now: () => Date;
  readonly files: SyncFiles;
  readonly outbox: LocalOutbox;
  /** Replaced whole when the laptop joins another server. */
  state: SyncState;
}
