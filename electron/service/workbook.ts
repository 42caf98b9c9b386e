import type { WorkbookHandlers } from '../../shared/contract';
import type { ServiceContext } from './context';
import { customersHandlers } from './customers/customers-service';
import { createDispatch, type Dispatch } from './dispatch';
import { exportHandlers } from './export/export-service';
import { meetingsHandlers } from './meetings/meetings-service';
import type { HostAdapter } from './host';
import { csvExportHandlers } from './review-pack/csv-export-service';
import { packHandlers } from './review-pack/pack-service';
import { reviewPackHandlers } from './review-pack/review-pack-service';
import { serviceResultHandlers } from './review-pack/service-results-service';
import { registersHandlers } from './registers/registers-service';
import { reportsHandlers } from './reports/reports-service';
import { ShardStore } from './store/shard-store';
import { ALL_SHARDS } from './store/shards';
import { systemHandlers } from './system/system-service';

export interface Workbook {
  readonly store: ShardStore;
  readonly handlers: WorkbookHandlers;
  readonly dispatch: Dispatch;
}

export interface OpenOptions {
  dataDir: string;
  host: HostAdapter;
  trustedOrigins: readonly string[];
  now?: () => Date;
}

/** Opens the workbook in `dataDir`: loads (and if needed recovers) the store and wires every handler. */
export function openWorkbook(options: OpenOptions): Workbook {
  const now = options.now ?? (() => new Date());
  const store = new ShardStore(options.dataDir, ALL_SHARDS, { now });
  store.open();
  const ctx: ServiceContext = { store, host: options.host, now };
  const handlers = {
    ...systemHandlers(ctx),
    ...customersHandlers(ctx),
    ...reviewPackHandlers(ctx),
    ...csvExportHandlers(ctx),
    ...serviceResultHandlers(ctx),
    ...packHandlers(ctx),
    ...reportsHandlers(ctx),
    ...exportHandlers(ctx),
    ...meetingsHandlers(ctx),
    ...registersHandlers(ctx),
  } satisfies WorkbookHandlers;
  return { store, handlers, dispatch: createDispatch(handlers, options.trustedOrigins) };
}
