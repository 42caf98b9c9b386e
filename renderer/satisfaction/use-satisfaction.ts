import { useMemo } from 'react';
import {
  quarterlySatisfaction,
  unitSatisfaction,
  type SatisfactionSummary,
} from '../../shared/domain/register-rules';
import type { Survey } from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { useUnitName } from '../ui/unit-filter';
import { useLoad } from '../ui/use-load';

/** One unit's results over time and how many surveys it had: a row of "Latest result per unit". */
export interface UnitResult {
  unitId: string;
  summary: SatisfactionSummary;
  count: number;
}

/**
 * The surveys and the questionnaire, and what the view shows of them for the unit in scope (null: all
 * units): the summary behind the tiles and the trend, every unit's latest result, the unit's latest survey.
 */
export function useSatisfaction(unitId: string | null) {
  const unitName = useUnitName();
  const surveys = useLoad(() => api.listSurveys({ unitId: null }), []);
  const settings = useLoad(() => api.getRegisterSettings({}), []);
  const questions = settings.data?.surveyQuestions ?? [];

  const all = useMemo(() => surveys.data ?? [], [surveys.data]);
  const inScope = useMemo(() => all.filter((s) => !unitId || s.unitId === unitId), [all, unitId]);
  const byUnit = useMemo(() => resultsByUnit(all, unitName), [all, unitName]);

  // One unit's trend has a point per survey; across units, a point per quarter.
  const summary: SatisfactionSummary = unitId ? unitSatisfaction(inScope) : quarterlySatisfaction(all);
  const latestSurvey = unitId ? [...inScope].sort((a, b) => a.date.localeCompare(b.date)).at(-1) : undefined;
  return { surveys, settings, questions, inScope, byUnit, summary, latestSurvey };
}

function resultsByUnit(all: readonly Survey[], unitName: (unitId: string) => string): UnitResult[] {
  const map = new Map<string, Survey[]>();
  for (const s of all) map.set(s.unitId, [...(map.get(s.unitId) ?? []), s]);
  return [...map.entries()]
    .map(([id, list]) => ({ unitId: id, summary: unitSatisfaction(list), count: list.length }))
    .sort((a, b) => unitName(a.unitId).localeCompare(unitName(b.unitId)));
}
