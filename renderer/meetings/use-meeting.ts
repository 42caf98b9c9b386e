import { useCallback, useEffect, useState } from 'react';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { ActionItem } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { messageOf } from '../ui/use-form';

/** One meeting and its actions, loaded for the view and replaced by what each change returns. */
export function useMeeting(meetingId: string) {
  const [detail, setDetail] = useState<MeetingDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      api
        .getMeeting({ id: meetingId })
        .then((d) => {
          setDetail(d);
          setLoadError(null);
          return d;
        })
        .catch((error: unknown) => {
          setLoadError(messageOf(error));
          return null;
        }),
    [meetingId],
  );

  useEffect(() => {
    setDetail(null);
    void reload();
  }, [reload]);

  const putAction = useCallback(
    (action: ActionItem) =>
      setDetail((d) => d && { ...d, actions: d.actions.map((a) => (a.id === action.id ? action : a)) }),
    [],
  );

  return { detail, loadError, apply: setDetail, reload, putAction };
}
