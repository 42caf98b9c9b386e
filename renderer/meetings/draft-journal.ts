import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

/**
 * The minutes journal: every keystroke of minutes is written to IndexedDB in the renderer before it is sent
 * to the main process, so text typed just before a crash, a closed window or a dead host is not lost. It is a
 * safety net, never the record: entries are removed once the main process has stored the same text.
 */
export interface MinutesDraft {
  /** `${meetingId}/${itemId}`: one entry per agenda item, the latest text wins. */
  key: string;
  meetingId: string;
  itemId: string;
  text: string;
  /** The stored minutes this text was typed over; tells a draft from a stale one when replaying. */
  base: string;
  /** When the text was journaled (ms since the epoch). */
  at: number;
}

const keyOf = (meetingId: string, itemId: string) => `${meetingId}/${itemId}`;

export class DraftJournal {
  private readonly db: Dexie & { drafts: EntityTable<MinutesDraft, 'key'> };

  constructor(name = 'brm-workbook-minutes-journal', options: DexieOptions = {}) {
    // Chromium's default (relaxed) durability acknowledges a write before it reaches the disk.
    this.db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as Dexie & {
      drafts: EntityTable<MinutesDraft, 'key'>;
    };
    this.db.version(1).stores({ drafts: 'key, meetingId' });
  }

  async record(
    meetingId: string,
    itemId: string,
    text: string,
    base: string,
    at = Date.now(),
  ): Promise<void> {
    await this.db.drafts.put({ key: keyOf(meetingId, itemId), meetingId, itemId, text, base, at });
  }

  forMeeting(meetingId: string): Promise<MinutesDraft[]> {
    return this.db.drafts.where('meetingId').equals(meetingId).toArray();
  }

  async meetingIds(): Promise<string[]> {
    return (await this.db.drafts.orderBy('meetingId').uniqueKeys()).map(String);
  }

  /**
   * The main process now holds `stored` for this item. A draft with that very text is done with; a draft
   * typed further meanwhile stays, now counted as typed over `stored`.
   */
  async settle(meetingId: string, itemId: string, stored: string): Promise<void> {
    const key = keyOf(meetingId, itemId);
    await this.db.transaction('rw', this.db.drafts, async () => {
      const draft = await this.db.drafts.get(key);
      if (!draft) return;
      if (draft.text === stored) await this.db.drafts.delete(key);
      else if (draft.base !== stored) await this.db.drafts.put({ ...draft, base: stored });
    });
  }

  async discard(meetingId: string, itemId: string): Promise<void> {
    await this.db.drafts.delete(keyOf(meetingId, itemId));
  }

  close(): void {
    this.db.close();
  }
}

export interface StoredMinutes {
  /** When the meeting was last saved (ISO instant). */
  updatedAt: string;
  agenda: ReadonlyArray<{ id: string; minutes: string }>;
}

/**
 * Which drafts hold text the stored meeting lacks. A draft is replayed when the stored minutes are still the
 * ones it was typed over, or when it is newer than the meeting's last save; it is dropped when it matches
 * what is stored (already committed), when its item is gone, or when the stored minutes changed after it.
 */
export function planReplay(
  drafts: readonly MinutesDraft[],
  meeting: StoredMinutes,
): { replay: MinutesDraft[]; drop: MinutesDraft[] } {
  const savedAt = Date.parse(meeting.updatedAt);
  const replay: MinutesDraft[] = [];
  const drop: MinutesDraft[] = [];
  for (const draft of drafts) {
    const item = meeting.agenda.find((i) => i.id === draft.itemId);
    if (!item || item.minutes === draft.text) drop.push(draft);
    else if (item.minutes === draft.base || draft.at > savedAt) replay.push(draft);
    else drop.push(draft);
  }
  return { replay, drop };
}

/**
 * Replays one meeting's journal into the main process and returns the ids of the items whose text was
 * recovered. A draft whose save fails stays in the journal for the next attempt.
 */
export async function replayDrafts(
  journal: DraftJournal,
  meeting: StoredMinutes & { id: string },
  save: (itemId: string, text: string) => Promise<void>,
): Promise<string[]> {
  const { replay, drop } = planReplay(await journal.forMeeting(meeting.id), meeting);
  for (const draft of drop) await journal.discard(meeting.id, draft.itemId);
  const recovered: string[] = [];
  for (const draft of replay) {
    await save(draft.itemId, draft.text);
    await journal.settle(meeting.id, draft.itemId, draft.text);
    recovered.push(draft.itemId);
  }
  return recovered;
}
