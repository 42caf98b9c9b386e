import type { WorkbookHandlers } from '../../../shared/contract';
import type { TeamSync } from './team-sync';

type TeamHandlers = Pick<
  WorkbookHandlers,
  | 'getTeamStatus'
  | 'connectTeam'
  | 'disconnectTeam'
  | 'syncTeamNow'
  | 'shareWorkbook'
  | 'listTeamConflicts'
  | 'resolveTeamConflict'
>;

/** Settings → Team and the status bar: the team sync as the window sees it. */
export function teamHandlers(team: TeamSync): TeamHandlers {
  return {
    getTeamStatus: () => team.status(),
    connectTeam: ({ url }) => team.connect(url),
    disconnectTeam: async () => {
      await team.disconnect();
      return team.status();
    },
    // A failed sync is not a failed call: the status says why, and the app keeps working locally.
    syncTeamNow: async () => {
      await team.syncNow().catch(() => undefined);
      return team.status();
    },
    shareWorkbook: async () => ({ shared: await team.share() }),
    listTeamConflicts: () => team.conflicts(),
    resolveTeamConflict: ({ id, keep, text }) => {
      team.resolve(id, keep === 'edited' ? { text: text ?? '' } : { take: keep });
      return team.status();
    },
  };
}
