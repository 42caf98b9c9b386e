import { formatDistanceToNowStrict, parseISO } from 'date-fns';
import { displayDates } from '../../shared/domain/date-format';
import type { BackupInfo, BackupReason } from '../../shared/contract/backups';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  start: 'App started',
  periodic: 'While you worked',
  'before-restore': 'Safety backup before a restore',
  'before-import': 'Safety backup before an import',
  imported: 'Imported workbook',
};

/** "24 Nov 2026, 10:15" in the user's local time and display locale. */
export const backupTime = (info: BackupInfo): string =>
  displayDates().instantWithTime(parseISO(info.takenAt));

export const backupAge = (info: BackupInfo): string =>
  `${formatDistanceToNowStrict(parseISO(info.takenAt), { roundingMethod: 'floor' })} ago`;

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
