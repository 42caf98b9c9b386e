import fs from 'node:fs';
import path from 'node:path';
import { lastingNoticesSchema, type Notice } from '../../../shared/domain/system';
import { writeFileAtomic } from '../atomic-file';

/**
 * Recovery and quarantine notices kept in `<data>/notices.json` until the user dismisses them: a file left out
 * of the workbook must not be mentioned once at one start and then silently be gone. Not a store file: a
 * restore or an import does not bring back notices already dismissed.
 */
export const NOTICES_FILE = 'notices.json';

export class LastingNotices {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, NOTICES_FILE);
  }

  /** The kept notices; none when there is no file or it is unreadable (it holds messages only). */
  load(): Notice[] {
    try {
      const parsed = lastingNoticesSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data.notices : [];
    } catch {
      return [];
    }
  }

  /** Keeps exactly the notices given. A failure (read-only or full folder) keeps them for this session only. */
  save(notices: readonly Notice[]): void {
    try {
      writeFileAtomic(this.file, JSON.stringify({ notices }));
    } catch {
      // They are still shown now; the store's own error explains the folder.
    }
  }
}

export const isLasting = (notice: Notice): boolean => notice.file !== undefined;
