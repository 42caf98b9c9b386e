import { WorkbookError } from '../../shared/contract/define';
import { api } from '../platform/workbook-api';
import { DraftJournal, replayDrafts } from './draft-journal';

let journal: DraftJournal | null = null;

/** The app's one minutes journal, opened on first use. */
export const minutesJournal = (): DraftJournal => (journal ??= new DraftJournal());

const running = new Map<string, Promise<string[]>>();
/** Items recovered at start whose meeting has not been opened since: its page says so when it is. */
const unseen = new Map<string, string[]>();

async function replayMeeting(meetingId: string): Promise<string[]> {
  let meeting;
  try {
    ({ meeting } = await api.getMeeting({ id: meetingId }));
  } catch (error) {
    // Drafts of a meeting that was deleted have nowhere to go.
    if (error instanceof WorkbookError && error.code === 'not-found') {
      for (const draft of await minutesJournal().forMeeting(meetingId)) {
        await minutesJournal().discard(meetingId, draft.itemId);
      }
      return [];
    }
    throw error;
  }
  return replayDrafts(minutesJournal(), meeting, async (itemId, minutes) => {
    await api.saveMinutes({ meetingId, itemId, minutes });
  });
}

/** One replay per meeting at a time: the start-up pass and an opening meeting page may ask together. */
function locked(meetingId: string): Promise<string[]> {
  const previous = running.get(meetingId) ?? Promise.resolve([]);
  const next = previous.catch(() => []).then(() => replayMeeting(meetingId));
  running.set(meetingId, next);
  return next;
}

/**
 * Replays this meeting's journal into the main process; returns the agenda item ids whose text was
 * recovered, including any recovered when the app started.
 */
export async function recoverMeeting(meetingId: string): Promise<string[]> {
  const now = await locked(meetingId);
  const earlier = unseen.get(meetingId) ?? [];
  unseen.delete(meetingId);
  return [...new Set([...earlier, ...now])];
}

/** At start: replays every meeting's journal; returns how many meetings had text recovered. */
export async function recoverAllAtStart(): Promise<number> {
  let meetings = 0;
  for (const meetingId of await minutesJournal().meetingIds()) {
    try {
      const recovered = await locked(meetingId);
      if (recovered.length) {
        meetings++;
        unseen.set(meetingId, [...(unseen.get(meetingId) ?? []), ...recovered]);
      }
    } catch (error) {
      // Left in the journal; the meeting's page tries again when it opens.
      console.error('Recovering minutes failed', error);
    }
  }
  return meetings;
}
