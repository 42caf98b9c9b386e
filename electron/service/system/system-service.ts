import type { WorkbookHandlers } from '../../../shared/contract';
import { setDisplayLocale } from '../../../shared/domain/date-format';
import type { WorkbookStatus } from '../../../shared/domain/system';
import type { ServiceContext } from '../context';
import { changeSettings } from './settings';
import { settingsShard } from '../store/shards';

type SystemHandlers = Pick<
  WorkbookHandlers,
  'getStatus' | 'dismissNotice' | 'getSettings' | 'updateSettings'
>;

export function systemHandlers(ctx: ServiceContext): SystemHandlers {
  // The service's own messages ("due before the meeting (Wed, 9 Dec 2026)") speak the BRM's locale too.
  setDisplayLocale(ctx.store.get(settingsShard).locale);
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
    updateSettings: ({ fields }) => {
      setDisplayLocale(fields.locale);
      return changeSettings(ctx.store, fields);
    },
  };
}
