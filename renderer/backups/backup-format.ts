import { format, formatDistanceToNowStrict, parseISO } from 'date-fns';
import type { BackupInfo, BackupReason } from '../../shared/contract/backups';

export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  start: 'App started',
  periodic: 'While you worked',
  'before-restore': 'Safety backup before a restore',
  'before-import': 'Safety backup before an import',
  imported: 'Imported workbook',
};

/** "Tue 24 Nov 2026, 10:15" in the user's local time. */
export const backupTime = (info: BackupInfo): string =>
  format(parseISO(info.takenAt), 'EEE d MMM yyyy, HH:mm');

export const backupAge = (info: BackupInfo): string =>
  `${formatDistanceToNowStrict(parseISO(info.takenAt), { roundingMethod: 'floor' })} ago`;

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
