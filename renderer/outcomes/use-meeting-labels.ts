import { useMemo } from 'react';
import { MEETING_KIND_LABELS } from '../../shared/domain/meetings';
import { api } from '../platform/workbook-api';
import { formatDate } from '../ui/format';
import { useLoad } from '../ui/use-load';

/** "12 Mar 2026 annual review" for the meetings of a unit (or all units), by id. */
export function useMeetingLabels(unitId: string | null): (meetingId: string) => string {
  const { data } = useLoad(() => api.listMeetings({ unitId }), [unitId]);
  return useMemo(() => {
    const labels = new Map(
      (data ?? []).map((m) => [
        m.id,
        `${formatDate(m.date)} ${MEETING_KIND_LABELS[m.kind].toLowerCase()} review`,
      ]),
    );
    return (id: string) => labels.get(id) ?? 'A meeting';
  }, [data]);
}
