import { useCallback, useEffect, useState } from 'react';
import type { TeamStatus } from '../../shared/contract/team';
import { api } from '../platform/workbook-api';

/** How often the window asks the main process for the team status (the service emits no event for it). */
const POLL_MS = 3000;
/** While "Share this workbook" runs, its progress bar is refreshed faster. */
const SHARE_POLL_MS = 500;

/** The team status, polled; `set` takes a status a call just returned, so the page need not wait. */
export function useTeamStatus(): {
  status: TeamStatus | null;
  set: (status: TeamStatus) => void;
  refresh: () => void;
} {
  const [status, set] = useState<TeamStatus | null>(null);
  const refresh = useCallback(() => {
    api.getTeamStatus({}).then(set, () => undefined);
  }, []);
  const sharing = status?.share != null;
  useEffect(() => {
    refresh();
    const timer = window.setInterval(refresh, sharing ? SHARE_POLL_MS : POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh, sharing]);
  return { status, set, refresh };
}
