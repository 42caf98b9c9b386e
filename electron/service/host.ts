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

/**
 * Keeps small secrets (the team server's password) out of the data folder's JSON files. The Electron shell
 * encrypts them with the OS keychain (safeStorage); the preview host and tests keep them in memory only.
 */
export interface SecretKeeper {
  load(name: string): string | null;
  /** null forgets the secret. */
  save(name: string, secret: string | null): void;
}

export interface HostAdapter {
  saveDocument(doc: DocumentToSave): Promise<SavedDocument>;
  /** Absent: secrets are kept in memory for this session only. */
  secrets?: SecretKeeper;
}

/** A SecretKeeper that forgets everything when the process ends. */
export function memorySecrets(): SecretKeeper {
  const secrets = new Map<string, string>();
  return {
    load: (name) => secrets.get(name) ?? null,
    save: (name, secret) => {
      if (secret === null) secrets.delete(name);
      else secrets.set(name, secret);
    },
  };
}
