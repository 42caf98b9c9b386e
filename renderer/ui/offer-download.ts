import type { SavedDocument } from '../../shared/domain/documents';

/** The preview host offers a saved file as a download; the desktop app has already written (or opened) it. */
export function offerDownload(saved: SavedDocument): void {
  if (!saved.downloadUrl || !saved.savedTo) return;
  const link = document.createElement('a');
  link.href = saved.downloadUrl;
  link.download = saved.savedTo.split(/[\\/]/).pop() ?? '';
  document.body.append(link);
  link.click();
  link.remove();
}
