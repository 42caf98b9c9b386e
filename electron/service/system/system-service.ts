import type { WorkbookHandlers } from '../../../shared/contract';
import type { WorkbookStatus } from '../../../shared/domain/system';
import type { ServiceContext } from '../context';
import { changeSettings } from './settings';
import { settingsShard } from '../store/shards';

type SystemHandlers = Pick<
  WorkbookHandlers,
  'getStatus' | 'dismissNotice' | 'getSettings' | 'updateSettings'
>;

export function systemHandlers(ctx: ServiceContext): SystemHandlers {
  const status = (): WorkbookStatus => ({
    dataDir: ctx.store.dataDir,
    readOnly: ctx.store.readOnlyReason !== null,
    readOnlyReason: ctx.store.readOnlyReason,
    notices: [...ctx.store.notices],
  });
  return {
    getStatus: () => status(),
    dismissNotice: ({ id }) => {
      ctx.store.dismissNotice(id);
      return status();
    },
    getSettings: () => ctx.store.get(settingsShard),
    updateSettings: ({ fields }) => changeSettings(ctx.store, fields),
  };
}
