import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { FormDraftStore } from './form-drafts';

/** A fresh IndexedDB per test; opening a second store on it is what a reloaded or crashed renderer does. */
function browser() {
  const indexedDB = new IDBFactory();
  return { open: () => new FormDraftStore('forms', { indexedDB, IDBKeyRange }) };
}

const action = {
  scope: 'meeting-1',
  form: 'action:item-3',
  label: 'New action under 3. Service performance',
};

describe('form drafts', () => {
  it('keeps a half-filled form across a renderer restart, and lists it for the finalise warning', async () => {
    const tab = browser();
    const before = tab.open();
    await before.put(action, {
      title: 'Review the incident backlog',
      owner: 'Kees Bakker',
      dueDate: '2026-12-23',
    });
    await before.idle();
    before.close();

    const after = tab.open();
    expect(after.get('meeting-1', 'action:item-3')).toBeNull(); // not read until the meeting opens
    await after.load('meeting-1');
    expect(after.get('meeting-1', 'action:item-3')).toEqual({
      title: 'Review the incident backlog',
      owner: 'Kees Bakker',
      dueDate: '2026-12-23',
    });
    expect(after.unsaved('meeting-1').map((d) => d.label)).toEqual([action.label]);
    expect(after.unsaved('meeting-2')).toEqual([]);
  });

  it('forgets a draft once its form is saved, and every draft of a meeting when it is discarded', async () => {
    const tab = browser();
    const store = tab.open();
    await store.put(action, { title: 'A' });
    await store.put({ ...action, form: 'decision:item-3', label: 'New decision' }, { text: 'Weekly call' });
    // Typed fast: the latest values win even with writes queued.
    void store.put(action, { title: 'AB' });
    void store.put(action, { title: 'ABC' });
    await store.remove('meeting-1', 'action:item-3');
    await store.idle();
    const reopened = tab.open();
    await reopened.load('meeting-1');
    expect(reopened.unsaved('meeting-1').map((d) => d.form)).toEqual(['decision:item-3']);

    await reopened.discard('meeting-1');
    await reopened.idle();
    const third = tab.open();
    await third.load('meeting-1');
    expect(third.unsaved('meeting-1')).toEqual([]);
  });
});
