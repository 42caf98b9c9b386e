import type { DraftJournal } from './draft-journal';

export type AutosaveState = 'saved' | 'pending' | 'saving' | 'failed';

interface ItemState {
  /** What the user sees now. */
  text: string;
  /** What the main process holds. */
  stored: string;
  /** The text last written to the journal, or null while a write is under way. */
  journaled: string | null;
  journalWrite: Promise<void> | null;
  commit: Promise<void> | null;
}

export interface AutosaveOptions {
  meetingId: string;
  journal: DraftJournal;
  save: (itemId: string, text: string) => Promise<void>;
  /** Commit after this long without typing. */
  idleMs?: number;
  onState?: (state: AutosaveState, error: unknown) => void;
}

/**
 * Keeps the minutes being typed safe: each change goes to the journal at once (one write at a time, the
 * latest text winning) and to the main process after a second of idle, or at once on `flush` (leaving the
 * field or the view, the page being hidden or closed). What the main process has stored is settled in the
 * journal; what it has not stays there to be replayed.
 */
export class MinutesAutosave {
  private readonly items = new Map<string, ItemState>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private state: AutosaveState = 'saved';
  private lastError: unknown = null;
  private readonly idleMs: number;

  constructor(private readonly options: AutosaveOptions) {
    this.idleMs = options.idleMs ?? 1000;
  }

  /** Tells the autosave what the main process holds for an item (on load, after a replay). */
  setStored(itemId: string, stored: string): void {
    const item = this.items.get(itemId);
    if (item) item.stored = stored;
    else
      this.items.set(itemId, {
        text: stored,
        stored,
        journaled: stored,
        journalWrite: null,
        commit: null,
      });
  }

  change(itemId: string, text: string): void {
    const item = this.items.get(itemId) ?? {
      text,
      stored: '',
      journaled: null,
      journalWrite: null,
      commit: null,
    };
    item.text = text;
    this.items.set(itemId, item);
    this.journal(itemId, item);
    this.setState('pending');
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.idleMs);
  }

  /** Text of an item not yet stored by the main process, if any. */
  unsaved(itemId: string): string | null {
    const item = this.items.get(itemId);
    return item && item.text !== item.stored ? item.text : null;
  }

  /** Commits every item whose text differs from what is stored; resolves when all have been tried. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await Promise.all([...this.items.keys()].map((itemId) => this.commit(itemId)));
  }

  /** Settles journal writes in flight (for tests and teardown). */
  async idle(): Promise<void> {
    await Promise.all([...this.items.values()].map((i) => i.journalWrite));
  }

  private journal(itemId: string, item: ItemState): void {
    if (item.journalWrite) return;
    const write = async () => {
      while (item.journaled !== item.text) {
        const text = item.text;
        await this.options.journal.record(this.options.meetingId, itemId, text, item.stored);
        item.journaled = text;
      }
    };
    item.journalWrite = write()
      .catch((error: unknown) => {
        // The journal is a safety net: if IndexedDB fails, the commit to the main process still runs.
        console.error('Minutes journal write failed', error);
      })
      .finally(() => {
        item.journalWrite = null;
      });
  }

  private commit(itemId: string): Promise<void> {
    const item = this.items.get(itemId);
    if (!item) return Promise.resolve();
    if (item.commit) {
      // One save at a time per item; the text typed meanwhile follows once it returns.
      return item.commit.then(() => this.commit(itemId));
    }
    if (item.text === item.stored) {
      this.refreshState();
      return Promise.resolve();
    }
    const text = item.text;
    this.setState('saving');
    item.commit = this.options
      .save(itemId, text)
      .then(async () => {
        item.stored = text;
        if (item.journalWrite) await item.journalWrite;
        await this.options.journal.settle(this.options.meetingId, itemId, text);
        this.lastError = null;
      })
      .catch((error: unknown) => {
        this.lastError = error;
      })
      .finally(() => {
        item.commit = null;
        this.refreshState();
      });
    return item.commit;
  }

  private refreshState(): void {
    const busy = [...this.items.values()].some((i) => i.commit !== null);
    const unsaved = [...this.items.values()].some((i) => i.text !== i.stored);
    if (busy) this.setState('saving');
    else if (!unsaved) this.setState('saved');
    else this.setState(this.lastError ? 'failed' : 'pending');
  }

  private setState(state: AutosaveState): void {
    if (state === this.state && state !== 'failed') return;
    this.state = state;
    this.options.onState?.(state, this.lastError);
  }
}
