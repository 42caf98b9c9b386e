import { format } from 'date-fns';
import type { WorkbookHandlers } from '../../../shared/contract';
import type { ServiceContext } from '../context';
import { describeSnapshot } from '../store/snapshots';
import { decodeWorkbook, encodeWorkbook } from './workbook-file';

type BackupHandlers = Pick<
  WorkbookHandlers,
  | 'listBackups'
  | 'restoreBackup'
  | 'exportWorkbook'
  | 'importWorkbook'
  | 'listRecoveryNotices'
  | 'dismissRecoveryNotice'
>;

/** Snapshots to restore from, and the whole workbook as one file to carry elsewhere. */
export function backupsHandlers(ctx: ServiceContext): BackupHandlers {
  const recoveryNotices = () => ctx.store.notices.filter((notice) => notice.file !== undefined);
  return {
    listBackups: () => ctx.store.listBackups(),

    listRecoveryNotices: () => recoveryNotices(),
    dismissRecoveryNotice: ({ id }) => {
      ctx.store.dismissNotice(id);
      return recoveryNotices();
    },

    restoreBackup: ({ stamp }) => {
      const { safetyBackup } = ctx.store.restoreSnapshot(stamp, 'before-restore');
      ctx.store.notify(
        'info',
        `The workbook was restored from the backup of ${describeSnapshot(stamp)}.` +
          (safetyBackup
            ? ` The workbook as it was just before is kept as the backup of ${describeSnapshot(safetyBackup)}, so this can be undone.`
            : ''),
      );
      return { restored: stamp, safetyBackup };
    },

    exportWorkbook: async () => {
      const text = encodeWorkbook(ctx.store.exportFiles(), ctx.store.kinds, ctx.now());
      return ctx.host.saveDocument({
        suggestedName: `BRM Workbook ${format(ctx.now(), 'yyyy-MM-dd')}.json`,
        bytes: new TextEncoder().encode(text),
        extension: 'json',
      });
    },

    importWorkbook: ({ content }) => {
      const files = decodeWorkbook(content, ctx.store.kinds);
      const { safetyBackup } = ctx.store.importFiles(files);
      ctx.store.notify(
        'info',
        'The workbook was replaced by the imported file.' +
          (safetyBackup
            ? ` The workbook as it was before is kept as the backup of ${describeSnapshot(safetyBackup)}, so this can be undone.`
            : ''),
      );
      return { files: files.size, safetyBackup };
    },
  };
}
