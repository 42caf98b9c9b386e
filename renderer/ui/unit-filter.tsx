import { Field, Select } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { BusinessUnit } from '../../shared/domain/customers';
import { useAppStore } from '../app/store';
import { useUnitLabels } from './unit-labels';

/** Units in tree order, indented by depth, so a unit is found where it sits in the customer structure. */
export function useUnitOptions(includeArchived = false): UnitOption[] {
  const units = useAppStore((s) => s.directory.units);
  const labelOf = useUnitLabels();
  return useMemo(() => {
    const out: UnitOption[] = [];
    const visit = (parentId: string | null, depth: number) => {
      for (const unit of units
        .filter((u) => u.parentId === parentId && (includeArchived || !u.archived))
        .sort((a, b) => a.name.localeCompare(b.name))) {
        out.push({ unit, depth, label: labelOf(unit.id) });
        if (depth < 20) visit(unit.id, depth + 1);
      }
    };
    visit(null, 0);
    return out;
  }, [units, includeArchived, labelOf]);
}

interface UnitOption {
  unit: BusinessUnit;
  depth: number;
  /** The name, or the path where another unit has the same name. */
  label: string;
}

export const unitOptionLabel = ({ unit, depth, label }: UnitOption) =>
  `${'\u00a0\u00a0\u00a0'.repeat(depth)}${label}${unit.archived ? ' (archived)' : ''}`;

/** The register's scope, kept in the address (?unitId=…) so a link from a unit page opens it filtered. */
export function useUnitScope(): [string | null, (unitId: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unitId');
  const setUnitId = (next: string | null) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next) copy.set('unitId', next);
        else copy.delete('unitId');
        return copy;
      },
      { replace: true },
    );
  return [unitId, setUnitId];
}

export function UnitFilter(props: { unitId: string | null; onChange: (unitId: string | null) => void }) {
  const options = useUnitOptions(true);
  return (
    <Field label="Business unit" orientation="horizontal" style={{ minWidth: 300 }}>
      <Select value={props.unitId ?? ''} onChange={(_, d) => props.onChange(d.value || null)}>
        <option value="">All units</option>
        {options.map((o) => (
          <option key={o.unit.id} value={o.unit.id}>
            {unitOptionLabel(o)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * The unit a record dialog is for, with the message shown while none is chosen. `chooseUnit` also sets
 * it again when the dialog reopens; `isUnitChosen` shows `message` while the unit is still missing.
 */
export function useUnitChoice(initial: string) {
  const [unitId, setUnitId] = useState(initial);
  const [unitError, setUnitError] = useState<string | undefined>();
  const chooseUnit = useCallback((id: string) => {
    setUnitId(id);
    setUnitError(undefined);
  }, []);
  const isUnitChosen = (message: string): boolean => {
    if (!unitId) setUnitError(message);
    return Boolean(unitId);
  };
  return { unitId, unitError, chooseUnit, isUnitChosen };
}

/** Picks the unit a new record is for (creation only: records do not move between units). */
export function UnitSelectField(props: {
  value: string;
  onChange: (unitId: string) => void;
  disabled?: boolean;
  error?: string;
}) {
  const options = useUnitOptions(props.disabled);
  return (
    <Field label="Business unit" required validationMessage={props.error}>
      <Select value={props.value} disabled={props.disabled} onChange={(_, d) => props.onChange(d.value)}>
        <option value="" disabled>
          Choose a unit…
        </option>
        {options.map((o) => (
          <option key={o.unit.id} value={o.unit.id}>
            {unitOptionLabel(o)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export const useUnitName = useUnitLabels;
