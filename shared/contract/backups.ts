import { z } from 'zod';
import { idSchema } from '../domain/common';
import type { Notice } from '../domain/system';
import { method } from './define';

/** Why a snapshot was taken. */
export const BACKUP_REASONS = ['start', 'periodic', 'before-restore', 'before-import', 'imported'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Snapshot folder names: the UTC time it was taken, to the millisecond (never a path). */
export const backupStampSchema = z
  .string()
  .regex(/^\d{8}-\d{6}-\d{3}$/, 'That is not the name of a backup. Choose one from the list.');

export interface BackupInfo {
  stamp: string;
  /** ISO instant. */
  takenAt: string;
  reason: BackupReason | null;
  files: number;
  /** Total size of the files in the snapshot (unchanged files are shared with other snapshots on disk). */
  bytes: number;
}

export interface RestoreResult {
  restored: string;
  /** The snapshot of the state just before the restore, to undo it; null when the workbook was empty. */
  safetyBackup: string | null;
}

export interface ExportResult {
  /** Where the file was written, or null when the user cancelled. */
  savedTo: string | null;
  /** Preview host only: where the browser downloads the file from. */
  downloadUrl: string | null;
}

export interface ImportResult {
  files: number;
  safetyBackup: string | null;
}

/** Largest workbook file accepted (a ten-year workbook exports to about 40 MB). */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

export const backupsContract = {
  listBackups: method<BackupInfo[]>()(z.strictObject({})),
  restoreBackup: method<RestoreResult>()(z.strictObject({ stamp: backupStampSchema })),
  exportWorkbook: method<ExportResult>()(z.strictObject({})),
  /** Recoveries and quarantines of store files, kept until dismissed. */
  listRecoveryNotices: method<Notice[]>()(z.strictObject({})),
  dismissRecoveryNotice: method<Notice[]>()(z.strictObject({ id: idSchema })),
  importWorkbook: method<ImportResult>()(
    z.strictObject({
      content: z.string().max(MAX_IMPORT_CHARS, 'That file is too large to be a BRM Workbook export.'),
    }),
  ),
};
