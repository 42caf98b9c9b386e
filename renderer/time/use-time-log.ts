import { useMemo } from 'react';
import { timePeriodRange, timeSplit, type TimePeriod } from '../../shared/domain/register-rules';
import { DEFAULT_IDEAL_SPLIT } from '../../shared/domain/time-log';
import { api } from '../platform/workbook-api';
import { todayIso } from '../ui/format';
import { useLoad } from '../ui/use-load';

/** The time entries of the period up to today, the ideal split, and where the period's time went. */
export function useTimeLog(period: TimePeriod) {
  const range = timePeriodRange(period, todayIso());
  const entries = useLoad(() => api.listTimeEntries(range), [range.from, range.to]);
  const settings = useLoad(() => api.getRegisterSettings({}), []);
  const ideal = settings.data?.idealSplit ?? DEFAULT_IDEAL_SPLIT;
  const split = useMemo(() => timeSplit(entries.data ?? []), [entries.data]);
  return { range, entries, settings, ideal, split };
}
