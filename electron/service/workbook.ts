import { METHOD_NAMES, WorkbookError, joinParts, type WorkbookHandlers } from '../../shared/contract';
import { backupsHandlers } from './backups/backups-service';
import type { ServiceContext } from './context';
import { contactsExchangeHandlers } from './contacts-exchange/contacts-exchange-service';
import { customersHandlers } from './customers/customers-service';
import { distributionHandlers } from './distribution/distribution-service';
import { decisionsHandlers } from './decisions/decisions-service';
import { engagementHandlers } from './engagement/engagement-service';
import { outcomesHandlers } from './outcomes/outcomes-service';
import { createDispatch, type Dispatch } from './dispatch';
import { exportHandlers } from './export/export-service';
import { meetingsHandlers } from './meetings/meetings-service';
import type { HostAdapter } from './host';
import { lockDataFolder } from './store/folder-lock';
import { ShardStore, StoreBlockedError, type ShardStoreOptions } from './store/shard-store';
import { csvExportHandlers } from './review-pack/csv-export-service';
import { packHandlers } from './review-pack/pack-service';
import { reviewPackHandlers } from './review-pack/review-pack-service';
import { serviceResultHandlers } from './review-pack/service-results-service';
import { registersHandlers } from './registers/registers-service';
import { reportsHandlers } from './reports/reports-service';
import { ALL_SHARDS } from './store/shards';
import { searchHandlers } from './search/search-service';
import { seriesHandlers } from './series/series-service';
import { systemHandlers } from './system/system-service';
import { teamHandlers } from './team/team-service';
import { TeamSync } from './team/team-sync';
import { memorySecrets } from './host';

export interface Workbook {
  readonly store: ShardStore;
  readonly handlers: WorkbookHandlers;
  readonly dispatch: Dispatch;
  /** The team sync (Settings → Team); null when the workbook is blocked. */
  readonly team: TeamSync | null;
  /** Why this workbook was not opened (written by a newer version, …); every call then fails with it. */
  readonly blocked: string | null;
  /** Another process holds the data folder: this workbook only reads. The message names the holder. */
  readonly otherWriter: string | null;
  /** Stops background work (the snapshot timer) and releases the folder. Every save is already on disk. */
  close(): void;
}

export interface OpenOptions {
  dataDir: string;
  host: HostAdapter;
  trustedOrigins: readonly string[];
  now?: () => Date;
  store?: Omit<ShardStoreOptions, 'now' | 'otherWriter'>;
  /** false: the team sync only syncs when asked (tests); by default it reconnects, listens and polls. */
  teamBackground?: boolean;
  /**
   * Take the data folder's lock (folder-lock.ts) before anything is written; when another process holds it,
   * the workbook opens read-only and `otherWriter` says who. The app and the preview host lock; tests that
   * open one folder twice in one process do not.
   */
  lockFolder?: boolean;
}

/** Opens the workbook in `dataDir`: loads (and if needed recovers) the store and wires every handler. */
export function openWorkbook(options: OpenOptions): Workbook {
  const now = options.now ?? (() => new Date());
  let store: ShardStore | null = null;
  const lock = options.lockFolder
    ? lockDataFolder(options.dataDir, (message) => store?.stopWriting(message))
    : null;
  const otherWriter = lock?.status === 'refused' ? lock.message : null;
  const release = () => (lock?.status === 'held' ? lock.release() : undefined);
  store = new ShardStore(options.dataDir, ALL_SHARDS, { ...options.store, now, otherWriter });
  const opened = store;
  const close = () => {
    opened.close();
    release();
  };
  try {
    store.open();
  } catch (error) {
    if (error instanceof StoreBlockedError)
      return blockedWorkbook(store, error.message, options.trustedOrigins, close);
    release();
    throw error;
  }
  const ctx: ServiceContext = { store, host: options.host, now };
  const team = new TeamSync({
    store,
    now,
    secrets: options.host.secrets ?? memorySecrets(),
    background: options.teamBackground ?? true,
  });
  const meetings = meetingsHandlers(ctx);
  const handlers = joinParts(
    systemHandlers(ctx),
    customersHandlers(ctx),
    searchHandlers(ctx),
    exportHandlers(ctx),
    meetings,
    backupsHandlers(ctx),
    reviewPackHandlers(ctx),
    csvExportHandlers(ctx),
    serviceResultHandlers(ctx),
    packHandlers(ctx),
    reportsHandlers(ctx),
    registersHandlers(ctx),
    engagementHandlers(ctx),
    decisionsHandlers(ctx),
    outcomesHandlers(ctx),
    teamHandlers(team),
    distributionHandlers(ctx),
    contactsExchangeHandlers(ctx),
    seriesHandlers(ctx, meetings),
  ) satisfies WorkbookHandlers;
  return {
    store,
    handlers,
    dispatch: createDispatch(handlers, options.trustedOrigins),
    team,
    blocked: null,
    otherWriter,
    close: () => {
      void team.close();
      close();
    },
  };
}

/**
 * A workbook this version must not touch: the window still opens and every call answers with the
 * reason, which the renderer shows in place of the app (renderer/app/startup-error.tsx).
 */
function blockedWorkbook(
  store: ShardStore,
  reason: string,
  trustedOrigins: readonly string[],
  close: () => void,
): Workbook {
  const refuse = () => {
    throw new WorkbookError('storage', reason);
  };
  const handlers = Object.fromEntries(
    METHOD_NAMES.map((name) => [name, refuse]),
  ) as unknown as WorkbookHandlers;
  return {
    store,
    handlers,
    dispatch: createDispatch(handlers, trustedOrigins),
    team: null,
    blocked: reason,
    otherWriter: null,
    close,
  };
}
