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
  /**
   * Notes that `state` changed; it is written soon after, off the path of the edit. A state file that
   * lags behind only makes the next pull fetch rows again, which merge to the same result: it is ~1.5 MB
   * for a ten-year workbook and took 200–340 ms to write on a loaded machine, several times per edit.
   */
  stateChanged(): void;
}
