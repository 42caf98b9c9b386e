import { Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { isSelfOrDescendant, type BusinessUnit } from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { useUnitLabels } from '../ui/unit-labels';
import { FormDialog } from '../ui/form-dialog';
import { messageOf } from '../ui/use-form';
import { useNotify } from '../ui/toast';

const TOP_LEVEL = '';

export function MoveUnitDialog(props: { open: boolean; unit: BusinessUnit; onClose: () => void }) {
  const units = useAppStore((s) => s.directory.units);
  const putUnit = useAppStore((s) => s.putUnit);
  const { notify } = useNotify();
  const [parentId, setParentId] = useState(props.unit.parentId ?? TOP_LEVEL);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (props.open) {
      setParentId(props.unit.parentId ?? TOP_LEVEL);
      setError(null);
    }
  }, [props.open, props.unit.parentId]);
  // A unit cannot go under itself or its own sub-units.
  const labelOf = useUnitLabels();
  const candidates = units
    .filter((u) => !isSelfOrDescendant(units, props.unit.id, u.id))
    .sort((a, b) => a.name.localeCompare(b.name));

  const save = () => {
    setSaving(true);
    api
      .moveUnit({ id: props.unit.id, parentId: parentId || null })
      .then((u) => {
        putUnit(u);
        notify(`Moved ${u.name}`);
        props.onClose();
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setSaving(false));
  };

  return (
    <FormDialog
      open={props.open}
      title={`Move ${props.unit.name}`}
      submitLabel="Move"
      saving={saving}
      formError={error}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="New parent unit">
        <Select value={parentId} onChange={(_, d) => setParentId(d.value)}>
          <option value={TOP_LEVEL}>(Top level)</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {labelOf(u.id)}
            </option>
          ))}
        </Select>
      </Field>
    </FormDialog>
  );
}
