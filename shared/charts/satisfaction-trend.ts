/**
 * The satisfaction trend as the satisfaction view draws it: one unit's surveys, or (all units) the
 * quarterly average across units emphasised, with each unit's own line beside it.
 */
import { quarterMiddle, quarterlySatisfaction, unitSatisfaction } from '../domain/register-rules';
import type { Survey } from '../domain/registers';
import type { LineSeries } from './line-chart';

export const ALL_UNITS_SERIES = 'All units (quarterly average)';

export function satisfactionTrendSeries(
  surveys: readonly Survey[],
  unitId: string | null,
  unitName: (unitId: string) => string,
): LineSeries[] {
  if (unitId) {
    const own = unitSatisfaction(surveys.filter((s) => s.unitId === unitId));
    return [{ name: unitName(unitId), points: own.points.map((p) => ({ x: p.date, y: p.average })) }];
  }
  const byUnit = new Map<string, Survey[]>();
  for (const s of surveys) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s]);
  const quarterly = quarterlySatisfaction(surveys);
  return [
    {
      name: ALL_UNITS_SERIES,
      emphasis: true,
      points: quarterly.points.map((p) => ({
        x: quarterMiddle(p.date),
        y: p.average,
        label: `${p.label}: ${p.average.toFixed(1)} (${p.count} survey${p.count === 1 ? '' : 's'})`,
      })),
    },
    ...[...byUnit.entries()]
      .sort(([a], [b]) => unitName(a).localeCompare(unitName(b)))
      .map(([id, list]) => ({
        name: unitName(id),
        points: unitSatisfaction(list).points.map((p) => ({ x: p.date, y: p.average })),
      })),
  ];
}
