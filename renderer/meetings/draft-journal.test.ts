import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DraftJournal, planReplay, replayDrafts, type MinutesDraft } from './draft-journal';
import { MinutesAutosave, type AutosaveState } from './minutes-autosave';

const MEETING = 'meeting-1';
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh IndexedDB per test; opening a second journal on it is what reopening the window does. */
function browser() {
  const indexedDB = new IDBFactory();
  return { open: () => new DraftJournal('journal', { indexedDB, IDBKeyRange }) };
}

/** Stands in for the main process: what it stores per item, and whether it is reachable. */
function mainProcess() {
  const stored = new Map<string, string>();
  const server = {
    stored,
    reachable: true,
    saves: 0,
    save: async (itemId: string, text: string) => {
      await wait(5);
      if (!server.reachable) throw new Error('The preview host is not reachable.');
      server.saves++;
      stored.set(itemId, text);
    },
  };
  return server;
}

describe('minutes autosave and journal', () => {
  it('journals every change and commits after a moment of idle, then clears the journal', async () => {
    const journal = browser().open();
    const server = mainProcess();
    const states: AutosaveState[] = [];
    const autosave = new MinutesAutosave({
      meetingId: MEETING,
      journal,
      save: server.save,
      idleMs: 400,
      onState: (s) => states.push(s),
    });
    autosave.setStored('item-1', '');
    for (const text of ['A', 'Av', 'Availability 99.8%']) autosave.change('item-1', text);
    await autosave.idle();
    expect((await journal.forMeeting(MEETING)).map((d) => d.text)).toEqual(['Availability 99.8%']);
    expect(server.saves).toBe(0);

    await wait(600);
    expect(server.stored.get('item-1')).toBe('Availability 99.8%');
    expect(server.saves).toBe(1);
    expect(await journal.forMeeting(MEETING)).toEqual([]);
    expect(states.at(-1)).toBe('saved');
  });

  it('keeps what was typed when the main process is unreachable, and replays it when the window reopens', async () => {
    const ibrowser = browser();
    const server = mainProcess();
    server.reachable = false;
    const states: AutosaveState[] = [];
    const first = new MinutesAutosave({
      meetingId: MEETING,
      journal: ibrowser.open(),
      save: server.save,
      onState: (s) => states.push(s),
    });
    first.setStored('item-1', 'Agreed before');
    first.change('item-1', 'Agreed before. New: capacity review in May');
    await first.flush(); // leaving the field: the save fails
    expect(states.at(-1)).toBe('failed');
    expect(first.unsaved('item-1')).toBe('Agreed before. New: capacity review in May');

    // The window closes; later it reopens with the host back.
    server.reachable = true;
    const reopened = ibrowser.open();
    const recovered = await replayDrafts(
      reopened,
      {
        id: MEETING,
        updatedAt: new Date(Date.now() - 60_000).toISOString(),
        agenda: [{ id: 'item-1', minutes: 'Agreed before' }],
      },
      server.save,
    );
    expect(recovered).toEqual(['item-1']);
    expect(server.stored.get('item-1')).toBe('Agreed before. New: capacity review in May');
    expect(await reopened.forMeeting(MEETING)).toEqual([]);
  });

  it('text typed while a save is under way is journaled and committed next', async () => {
    const journal = browser().open();
    const server = mainProcess();
    const autosave = new MinutesAutosave({ meetingId: MEETING, journal, save: server.save, idleMs: 1000 });
    autosave.setStored('item-1', '');
    autosave.change('item-1', 'first');
    const flushing = autosave.flush();
    autosave.change('item-1', 'first and more');
    await flushing;
    await autosave.idle();
    const [draft] = await journal.forMeeting(MEETING);
    expect(draft).toMatchObject({ text: 'first and more', base: 'first' });
    await autosave.flush();
    expect(server.stored.get('item-1')).toBe('first and more');
    expect(await journal.forMeeting(MEETING)).toEqual([]);
  });
});

describe('which drafts are replayed', () => {
  const draft = (over: Partial<MinutesDraft>): MinutesDraft => ({
    key: `${MEETING}/item-1`,
    meetingId: MEETING,
    itemId: 'item-1',
    text: 'typed',
    base: '',
    at: Date.parse('2026-03-10T10:00:00Z'),
    ...over,
  });
  const meeting = (minutes: string, updatedAt: string) => ({
    updatedAt,
    agenda: [{ id: 'item-1', minutes }],
  });

  it('replays a draft typed over what is stored, or newer than the last save', () => {
    expect(planReplay([draft({ base: 'old' })], meeting('old', '2026-03-10T11:00:00Z')).replay).toHaveLength(
      1,
    );
    expect(planReplay([draft({ base: 'x' })], meeting('other', '2026-03-10T09:00:00Z')).replay).toHaveLength(
      1,
    );
  });

  it('drops a draft already stored, one for a removed item, and one older than a later change', () => {
    expect(planReplay([draft({ text: 'same' })], meeting('same', '2026-03-10T09:00:00Z')).drop).toHaveLength(
      1,
    );
    expect(planReplay([draft({ itemId: 'gone' })], meeting('x', '2026-03-10T09:00:00Z')).drop).toHaveLength(
      1,
    );
    expect(
      planReplay([draft({ base: 'older' })], meeting('changed later', '2026-03-10T11:00:00Z')).drop,
    ).toHaveLength(1);
  });
});
