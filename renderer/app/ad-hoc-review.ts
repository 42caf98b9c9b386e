import type { Feedback } from '../../shared/domain/registers';
import { formatDate } from '../ui/format';

/**
 * Where "Plan ad hoc review" leads: the meeting planner, prefilled with the unit, the kind and the trigger
 * (seed 004: a serious complaint is a reason for an ad hoc service review).
 */
export function adHocReviewLink(
  f: Pick<Feedback, 'unitId' | 'date' | 'fromName' | 'aboutName' | 'description'>,
): string {
  const trigger = `Serious complaint of ${formatDate(f.date)} from ${f.fromName} about ${f.aboutName}: ${f.description}`;
  const params = new URLSearchParams({
    unitId: f.unitId,
    kind: 'adhoc',
    trigger: trigger.length > 500 ? `${trigger.slice(0, 499)}…` : trigger,
  });
  return `/meetings/plan?${params.toString()}`;
}
