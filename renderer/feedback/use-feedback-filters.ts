import { useMemo, useState } from 'react';
import { isOpenComplaint, type Feedback, type FeedbackKind } from '../../shared/domain/registers';

export type KindFilter = 'all' | FeedbackKind;

/**
 * The register's filters (complaints, compliments or both; open complaints only), the rows they leave,
 * newest first, and the counts the toolbar shows, which always count everything loaded.
 */
export function useFeedbackFilters(data: readonly Feedback[] | null) {
  const [kind, setKind] = useState<KindFilter>('all');
  const [openOnly, setOpenOnly] = useState(false);

  const rows = useMemo(
    () =>
      (data ?? [])
        .filter((f) => kind === 'all' || f.kind === kind)
        .filter((f) => !openOnly || isOpenComplaint(f))
        .sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
    [data, kind, openOnly],
  );
  const complaints = (data ?? []).filter((f) => f.kind === 'complaint');
  const openComplaints = complaints.filter(isOpenComplaint).length;

  return { kind, setKind, openOnly, setOpenOnly, rows, complaints: complaints.length, openComplaints };
}

export type FeedbackFilters = ReturnType<typeof useFeedbackFilters>;
