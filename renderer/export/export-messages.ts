import type { SavedDocument } from '../../shared/domain/documents';

export type ExportKind = 'minutes' | 'agenda';

export const EXPORT_LABELS: Record<ExportKind, { menu: string; noun: string; title: string }> = {
  minutes: { menu: 'Minutes (Word)', noun: 'minutes', title: 'Minutes' },
  agenda: { menu: 'Agenda pre-read (Word)', noun: 'agenda pre-read', title: 'Agenda pre-read' },
};

/** The file name at the end of a path written by either host (Windows or POSIX separators). */
export const fileNameOf = (savedTo: string) => savedTo.split(/[\\/]/).pop() ?? savedTo;

const folderOf = (savedTo: string) =>
  savedTo.slice(0, Math.max(0, savedTo.length - fileNameOf(savedTo).length - 1));

export interface Notice {
  title: string;
  detail: string;
}

/** What the BRM is told after an export: where the file went, or nothing when they cancelled the dialog. */
export function savedNotice(kind: ExportKind, saved: SavedDocument): Notice | null {
  if (!saved.savedTo) return null;
  const { title } = EXPORT_LABELS[kind];
  return saved.downloadUrl
    ? {
        title: `${title} downloaded`,
        detail: `${fileNameOf(saved.savedTo)} (a copy is kept in ${folderOf(saved.savedTo)})`,
      }
    : { title: `${title} saved`, detail: saved.savedTo };
}

export function failedNotice(kind: ExportKind, reason: string): Notice {
  return { title: `The ${EXPORT_LABELS[kind].noun} could not be exported`, detail: reason };
}
