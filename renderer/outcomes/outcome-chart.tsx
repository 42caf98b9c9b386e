import { outcomeChart } from '../../shared/charts/outcome-chart';
import type { Outcome } from '../../shared/domain/outcomes';
import { SCREEN_THEME, SvgChart } from '../ui/svg-chart';
import { formatDate } from '../ui/format';

/** The measured values of an outcome from its baseline, against the target as a line to its date. */
export function OutcomeChart({ outcome }: { outcome: Outcome }) {
  return <SvgChart tree={outcomeChart(outcome, SCREEN_THEME, formatDate)} />;
}
