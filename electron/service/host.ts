/**
 * What the service layer needs from whoever hosts it. The Electron shell answers with native dialogs;
 * the preview host with downloads and an exports folder. The service never knows which.
 */
export interface SavedDocument {
  /** Where the file was written, or null when the user cancelled. */
  savedTo: string | null;
  /** Preview host only: a URL the browser can download the file from. */
  downloadUrl: string | null;
}

export interface DocumentToSave {
  suggestedName: string;
  bytes: Uint8Array;
  /** File type, for the save dialog's filter. */
  extension: 'docx' | 'csv' | 'json';
}

export interface HostAdapter {
  saveDocument(doc: DocumentToSave): Promise<SavedDocument>;
}
