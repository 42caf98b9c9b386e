import { Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect } from 'react';
import { emptyOutcomeFields, outcomeFieldsSchema, type Outcome } from '../../shared/domain/outcomes';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { DateField } from '../ui/date-field';
import { useLoad } from '../ui/use-load';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  group: { display: 'flex', flexDirection: 'column', maxHeight: '160px', overflowY: 'auto' },
});

const fieldsOf = ({ id: _i, createdAt: _c, updatedAt: _u, unitId: _unit, values: _v, ...fields }: Outcome) =>
  fields;

/** A business outcome of a unit: what, measured how, from which baseline to which target by when. */
export function OutcomeDialog(props: {
  open: boolean;
  unitId: string;
  outcome: Outcome | null;
  onClose: () => void;
  onSaved: (outcome: Outcome) => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const contacts = useAppStore((s) => s.directory.contacts).filter((c) => c.unitId === props.unitId);
  const { data: review } = useLoad(
    () => (props.unitId ? api.getReviewRecords({ unitId: props.unitId }) : Promise.resolve(null)),
    [props.unitId],
  );
  const form = useForm(outcomeFieldsSchema, emptyOutcomeFields());
  const { reset } = form;
  useEffect(() => {
    if (props.open) reset(props.outcome ? fieldsOf(props.outcome) : emptyOutcomeFields());
  }, [props.open, props.outcome, reset]);
  const v = form.values;
  const e = form.errors;
  const toggle = (key: 'projectIds' | 'requirementIds', id: string, on: boolean) =>
    form.set(key, on ? [...v[key], id] : v[key].filter((x) => x !== id));

  const save = () =>
    void form
      .submit(async (fields) => {
        const saved = await api.saveOutcome({ unitId: props.unitId, id: props.outcome?.id ?? null, fields });
        notify(props.outcome ? `Saved ${saved.outcome}` : `Added ${saved.outcome}`);
        props.onSaved(saved);
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open={props.open}
      title={props.outcome ? `Edit ${props.outcome.outcome}` : 'New business outcome'}
      submitLabel={props.outcome ? 'Save' : 'Add outcome'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
      width={640}
    >
      <Field label="Outcome" required validationMessage={e.outcome}>
        <Input value={v.outcome} onChange={(_, d) => form.set('outcome', d.value)} />
      </Field>
      <Field label="Measure" hint="What is measured, e.g. order lead time" validationMessage={e.measure}>
        <Input value={v.measure} onChange={(_, d) => form.set('measure', d.value)} />
      </Field>
      <div className={styles.row}>
        <Field
          label="Baseline"
          required
          hint="A number with its unit, e.g. 10 days"
          validationMessage={e.baseline}
        >
          <Input value={v.baseline} onChange={(_, d) => form.set('baseline', d.value)} />
        </Field>
        <DateField
          label="Baseline date"
          required
          value={v.baselineDate || null}
          onChange={(d) => form.set('baselineDate', d ?? '')}
          error={e.baselineDate}
        />
        <Field label="Target" required hint="e.g. 5 days" validationMessage={e.target}>
          <Input value={v.target} onChange={(_, d) => form.set('target', d.value)} />
        </Field>
        <DateField
          label="Target date"
          required
          value={v.targetDate || null}
          onChange={(d) => form.set('targetDate', d ?? '')}
          error={e.targetDate}
        />
      </div>
      <Field label="Business owner" validationMessage={e.ownerContactId}>
        <Select
          value={v.ownerContactId ?? ''}
          onChange={(_, d) => form.set('ownerContactId', d.value || null)}
        >
          <option value="">Not named</option>
          {contacts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Linked projects" validationMessage={e.projectIds}>
        <div className={styles.group}>
          {(review?.projects ?? []).map((p) => (
            <Checkbox
              key={p.id}
              label={p.name}
              checked={v.projectIds.includes(p.id)}
              onChange={(_, d) => toggle('projectIds', p.id, d.checked === true)}
            />
          ))}
        </div>
      </Field>
      <Field label="Linked requirements" validationMessage={e.requirementIds}>
        <div className={styles.group}>
          {(review?.requirements ?? []).map((r) => (
            <Checkbox
              key={r.id}
              label={r.title}
              checked={v.requirementIds.includes(r.id)}
              onChange={(_, d) => toggle('requirementIds', r.id, d.checked === true)}
            />
          ))}
        </div>
      </Field>
    </FormDialog>
  );
}
