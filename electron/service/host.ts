/**
 * What the service layer needs from whoever hosts it. The Electron shell answers with native dialogs;
 * the preview host with downloads and an exports folder. The service never knows which.
 */
import type { SavedDocument } from '../../shared/domain/documents';

// Defined in shared/ because it is also what export methods return across the contract.
export type { SavedDocument };

export interface DocumentToSave {
  suggestedName: string;
  bytes: Uint8Array;
  /** File type, for the save dialog's filter. */
  extension: 'docx' | 'csv' | 'json' | 'eml' | 'ics' | 'vcf';
  /**
   * Open the saved file with the system's program for its type (a mail draft in the mail program, an
   * invitation in the calendar). Hosts without a desktop offer it as a download instead.
   */
  open?: boolean;
}

export interface HostAdapter {
  saveDocument(doc: DocumentToSave): Promise<SavedDocument>;
}
