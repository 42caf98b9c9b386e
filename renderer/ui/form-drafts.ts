import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import { useEffect, useMemo } from 'react';

/**
 * Half-filled forms (a new action, a decision, an update on a carried action, a pack comment) kept as they
 * are typed, so moving to another agenda item, leaving the page or a renderer crash does not lose them. Like
 * the minutes journal it is a safety net in IndexedDB, never the record: a draft goes once its form is
 * saved or back to its starting values. An in-memory copy answers synchronously, so a form shown again
 * starts with its draft instead of flashing empty.
 */
export type DraftValues = Record<string, string>;

export interface FormDraft {
  /** `${scope}/${form}`. */
  key: string;
  /** What the forms belong to, e.g. a meeting id: loaded, listed and discarded together. */
  scope: string;
  /** Which form within the scope, e.g. `action:<itemId>`. */
  form: string;
  /** How the BRM would name it: "New action under 3. Service performance". */
  label: string;
  values: DraftValues;
  at: number;
}

export interface DraftAddress {
  scope: string;
  form: string;
  label: string;
}

const keyOf = (scope: string, form: string) => `${scope}/${form}`;

export const sameValues = (a: DraftValues, b: DraftValues): boolean => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
};

export class FormDraftStore {
  private readonly db: Dexie & { drafts: EntityTable<FormDraft, 'key'> };
  private readonly cache = new Map<string, FormDraft>();
  private readonly loaded = new Map<string, Promise<void>>();
  /** One write at a time per form, the latest values winning, so an older write never lands last. */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(name = 'brm-workbook-form-drafts', options: DexieOptions = {}) {
    // Chromium's default (relaxed) durability acknowledges a write before it reaches the disk.
    this.db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as Dexie & {
      drafts: EntityTable<FormDraft, 'key'>;
    };
    this.db.version(1).stores({ drafts: 'key, scope' });
  }

  /** Reads a scope's drafts from the journal once; forms of the scope read the copy in memory afterwards. */
  load(scope: string): Promise<void> {
    let loading = this.loaded.get(scope);
    if (!loading) {
      loading = this.db.drafts
        .where('scope')
        .equals(scope)
        .toArray()
        .then((drafts) => {
          // A draft typed since the page opened is newer than the journal's copy of it.
          for (const d of drafts) if (!this.cache.has(d.key)) this.cache.set(d.key, d);
        })
        .catch((error: unknown) => {
          this.loaded.delete(scope);
          console.error('Reading form drafts failed', error);
        });
      this.loaded.set(scope, loading);
    }
    return loading;
  }

  get(scope: string, form: string): DraftValues | null {
    return this.cache.get(keyOf(scope, form))?.values ?? null;
  }

  /** Drafts of a scope with something typed, oldest first. */
  unsaved(scope: string): FormDraft[] {
    return [...this.cache.values()].filter((d) => d.scope === scope).sort((a, b) => a.at - b.at);
  }

  put(address: DraftAddress, values: DraftValues, at = Date.now()): Promise<void> {
    const key = keyOf(address.scope, address.form);
    const previous = this.cache.get(key);
    if (previous && sameValues(previous.values, values) && previous.label === address.label) {
      return this.writes.get(key) ?? Promise.resolve();
    }
    this.cache.set(key, { key, ...address, values: { ...values }, at: previous?.at ?? at });
    return this.persist(key);
  }

  remove(scope: string, form: string): Promise<void> {
    const key = keyOf(scope, form);
    if (!this.cache.has(key)) return this.writes.get(key) ?? Promise.resolve();
    this.cache.delete(key);
    return this.persist(key);
  }

  /** Forgets every draft of a scope (the minutes were finalised with them, the meeting deleted). */
  async discard(scope: string): Promise<void> {
    for (const draft of this.unsaved(scope)) await this.remove(scope, draft.form);
  }

  /** Settles writes in flight (for tests and teardown). */
  async idle(): Promise<void> {
    await Promise.all(this.writes.values());
  }

  close(): void {
    this.db.close();
  }

  private persist(key: string): Promise<void> {
    const previous = this.writes.get(key) ?? Promise.resolve();
    const write = previous
      .then(async () => {
        const draft = this.cache.get(key);
        if (draft) await this.db.drafts.put(draft);
        else await this.db.drafts.delete(key);
      })
      .catch((error: unknown) => {
        // A safety net: if IndexedDB fails, the form itself still holds what was typed.
        console.error('Form draft journal write failed', error);
      })
      .finally(() => {
        if (this.writes.get(key) === write) this.writes.delete(key);
      });
    this.writes.set(key, write);
    return write;
  }
}

let store: FormDraftStore | null = null;

/** The app's one form-draft journal, opened on first use. */
export const formDrafts = (): FormDraftStore => (store ??= new FormDraftStore());

/**
 * Starting values of a form: its draft if one is kept, else `initial`. Computed once per mount, so pass it
 * to the form's state as its initial value.
 */
export function useDraftStart<T extends DraftValues>(address: DraftAddress | undefined, initial: T): T {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the draft is read once, when the form mounts
  return useMemo(() => restore(address, initial), [address?.scope, address?.form]);
}

function restore<T extends DraftValues>(address: DraftAddress | undefined, initial: T): T {
  const draft = address ? formDrafts().get(address.scope, address.form) : null;
  return draft ? ({ ...initial, ...draft } as T) : initial;
}

/**
 * Keeps a form's draft in step with its values: kept while they differ from `initial`, gone once they are
 * back to it (saved and reset, or cleared by hand).
 */
export function useDraftJournal(
  address: DraftAddress | undefined,
  values: DraftValues,
  initial: DraftValues,
): void {
  const scope = address?.scope;
  const form = address?.form;
  const label = address?.label ?? '';
  const valuesKey = JSON.stringify(values);
  const initialKey = JSON.stringify(initial);
  useEffect(() => {
    if (!scope || !form) return;
    const now = JSON.parse(valuesKey) as DraftValues;
    if (sameValues(now, JSON.parse(initialKey) as DraftValues)) void formDrafts().remove(scope, form);
    else void formDrafts().put({ scope, form, label }, now);
  }, [scope, form, label, valuesKey, initialKey]);
}
