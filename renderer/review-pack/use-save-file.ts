import { useCallback } from 'react';
import type { SavedDocument } from '../../shared/domain/documents';
import { useNotify } from '../ui/toast';

/**
 * After the main process saved an exported file: in the preview host the browser also downloads it;
 * either way the user is told where it went. A cancelled save dialog says nothing.
 */
export function useSavedFileNotice() {
  const { notify } = useNotify();
  return useCallback(
    (saved: SavedDocument, what: string) => {
      if (!saved.savedTo) return;
      if (saved.downloadUrl) {
        const link = document.createElement('a');
        link.href = saved.downloadUrl;
        link.download = '';
        link.click();
      }
      notify(`${what} saved to ${saved.savedTo}`);
    },
    [notify],
  );
}
