import { useMemo } from 'react';
import { unitLabels } from '../../shared/domain/customers';
import { useAppStore } from '../app/store';

/** Each unit's name as pickers and lists show it: the path ("Retail › Sales") where names repeat. */
export function useUnitLabels(): (unitId: string) => string {
  const units = useAppStore((s) => s.directory.units);
  return useMemo(() => {
    const labels = unitLabels(units);
    return (unitId: string) => labels.get(unitId) ?? 'Deleted unit';
  }, [units]);
}
