import type { WorkbookHandlers } from '../../shared/contract';
import type { ServiceContext } from './context';
import { customersHandlers } from './customers/customers-service';
import { createDispatch, type Dispatch } from './dispatch';
import { exportHandlers } from './export/export-service';
import type { HostAdapter } from './host';
import { registersHandlers } from './registers/registers-service';
import { ShardStore } from './store/shard-store';
import { ALL_SHARDS } from './store/shards';
import { searchHandlers } from './search/search-service';
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
    ...searchHandlers(ctx),
    ...exportHandlers(ctx),
    ...registersHandlers(ctx),
  } satisfies WorkbookHandlers;
  return { store, handlers, dispatch: createDispatch(handlers, options.trustedOrigins) };
}
