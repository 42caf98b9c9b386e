import { useCallback, useEffect, useRef, useState } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { api } from '../platform/workbook-api';
import { workbookEvents } from '../platform/workbook-events';
import { formDrafts } from '../ui/form-drafts';
import { minutesJournal, recoverMeeting } from './draft-recovery';
import { MinutesAutosave, type AutosaveState } from './minutes-autosave';

/**
 * The minutes of one meeting view, kept safe: before they become editable the journal is replayed (and the
 * meeting's half-filled forms read back); each change is journaled and committed after a pause, and
 * everything is flushed when the view goes away, the page is hidden or closed, or the app asks.
 */
export function useMinutesAutosave(
  meetingId: string,
  detail: MeetingDetail | null,
  reload: () => Promise<unknown>,
) {
  const [recovered, setRecovered] = useState<string[] | null>(null);
  const [minutes, setMinutes] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<AutosaveState>('saved');
  const autosaveRef = useRef<MinutesAutosave | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([recoverMeeting(meetingId).catch(() => []), formDrafts().load(meetingId)])
      .then(async ([ids]) => {
        if (!live) return;
        if (ids.length) await reload();
        setRecovered(ids);
      })
      .catch(() => setRecovered([]));
    return () => {
      live = false;
    };
  }, [meetingId, reload]);

  const ready = detail !== null && recovered !== null;

  // One autosave per meeting view, fed with what is stored.
  useEffect(() => {
    if (!ready || autosaveRef.current) return;
    const autosave = new MinutesAutosave({
      meetingId,
      journal: minutesJournal(),
      save: async (itemId, text) => {
        await api.saveMinutes({ meetingId, itemId, minutes: text });
      },
      onState: (state) => setSaveState(state),
    });
    for (const item of detail.meeting.agenda) autosave.setStored(item.id, item.minutes);
    autosaveRef.current = autosave;
    setMinutes(Object.fromEntries(detail.meeting.agenda.map((i) => [i.id, i.minutes])));
  }, [ready, detail, meetingId]);

  useEffect(() => {
    const flush = () => void autosaveRef.current?.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', onHidden);
    // Electron asks before quitting, closing or sleeping, and waits (bounded) for this commit to answer.
    const unsubscribe = workbookEvents.onFlushRequest(
      () => autosaveRef.current?.flush() ?? Promise.resolve(),
    );
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      document.removeEventListener('visibilitychange', onHidden);
      flush();
    };
  }, []);

  const change = useCallback((itemId: string, text: string) => {
    setMinutes((m) => ({ ...m, [itemId]: text }));
    autosaveRef.current?.change(itemId, text);
  }, []);

  const flush = useCallback(() => autosaveRef.current?.flush() ?? Promise.resolve(), []);

  /** Runs `step` once every item's minutes are stored; refuses (changing nothing) while any are not. */
  const flushThen = useCallback(async <T>(itemIds: readonly string[], step: () => Promise<T>): Promise<T> => {
    await autosaveRef.current?.flush();
    if (itemIds.some((id) => autosaveRef.current?.unsaved(id) != null)) {
      throw new Error('The minutes could not be saved yet. Nothing else was changed; try again in a moment.');
    }
    return step();
  }, []);

  return { ready, recovered: recovered ?? [], minutes, saveState, change, flush, flushThen };
}
