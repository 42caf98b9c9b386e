import { Field, Input } from '@fluentui/react-components';
import {
  UNIT_KINDS,
  emptyUnitFields,
  unitFieldsSchema,
  type BusinessUnit,
  type UnitFields,
  type UnitKind,
} from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { FormDialog } from '../ui/form-dialog';
import { useDialogForm } from '../ui/use-dialog-form';
import { useNotify } from '../ui/toast';
import { ChoiceSelect } from '../ui/choice-select';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  company: 'Company',
  division: 'Division',
  department: 'Department',
};

/** Creates a unit under `parentId`, or edits `unit` when one is given. */
export function UnitDialog(props: {
  open: boolean;
  unit?: BusinessUnit;
  parentId?: string | null;
  defaultKind?: UnitKind;
  onClose: () => void;
  onSaved?: (unit: BusinessUnit) => void;
}) {
  const putUnit = useAppStore((s) => s.putUnit);
  const { notify } = useNotify();
  const initial = (): UnitFields =>
    props.unit
      ? {
          name: props.unit.name,
          kind: props.unit.kind,
          itContact: props.unit.itContact,
          plans: props.unit.plans,
          drivers: props.unit.drivers,
          plansReviewedOn: props.unit.plansReviewedOn,
        }
      : emptyUnitFields(props.defaultKind);
  const form = useDialogForm(unitFieldsSchema, props.open, initial);

  const save = () =>
    void form
      .submit(async (fields) => {
        const unit = props.unit
          ? await api.updateUnit({ id: props.unit.id, fields })
          : await api.createUnit({ parentId: props.parentId ?? null, fields });
        putUnit(unit);
        notify(props.unit ? `Saved ${unit.name}` : `Created ${unit.name}`);
        props.onSaved?.(unit);
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open={props.open}
      title={props.unit ? `Edit ${props.unit.name}` : 'New business unit'}
      submitLabel={props.unit ? 'Save' : 'Create unit'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Unit name" required validationMessage={form.errors.name}>
        <Input value={form.values.name} onChange={(_, d) => form.set('name', d.value)} autoFocus />
      </Field>
      <Field label="Level">
        <ChoiceSelect
          value={form.values.kind}
          choices={UNIT_KINDS}
          labels={UNIT_KIND_LABELS}
          onChange={(value) => form.set('kind', value)}
        />
      </Field>
      <Field
        label="Designated IT contact"
        hint="The person in IT this unit turns to (often you, the BRM)."
        validationMessage={form.errors.itContact}
      >
        <Input value={form.values.itContact} onChange={(_, d) => form.set('itContact', d.value)} />
      </Field>
    </FormDialog>
  );
}
