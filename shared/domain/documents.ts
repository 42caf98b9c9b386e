/** What saving an exported document gave: where it went, and (preview host) where to download it. */
export interface SavedDocument {
  /** Where the file was written, or null when the user cancelled. */
  savedTo: string | null;
  /** Preview host only: a URL the browser can download the file from. */
  downloadUrl: string | null;
}
