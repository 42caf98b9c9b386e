import { Field, Input, Textarea } from '@fluentui/react-components';
import { useEffect } from 'react';
import { z } from 'zod';
import { LIMITS, optionalText } from '../../shared/domain/common';
import {
  ACTION_STATUSES,
  ACTION_STATUS_LABELS,
  actionFieldsSchema,
  type ActionItem,
} from '../../shared/domain/meetings';
import type { ActionRow } from '../../shared/contract/meetings';
import { api } from '../platform/workbook-api';
import { FormDialog } from '../ui/form-dialog';
import { useForm } from '../ui/use-form';
import { DateInput } from '../ui/typed-date-input';
import { ChoiceSelect } from '../ui/choice-select';

const changeSchema = z.strictObject({
  ...actionFieldsSchema.shape,
  status: z.enum(ACTION_STATUSES),
  note: optionalText(LIMITS.shortText),
});

/** What the dialog changes: an action as the register lists it is enough. */
type Changeable = Pick<ActionRow, 'id' | 'unitId' | 'title' | 'owner' | 'dueDate' | 'status'>;

const valuesOf = (action: Changeable) => ({
  title: action.title,
  owner: action.owner,
  dueDate: action.dueDate,
  status: action.status,
  note: '',
});

/**
 * Changing an action between meetings (from the register or a unit's page): title, owner, due date, or
 * closing or dropping it with a note. The trail records it as changed outside a meeting, by the BRM.
 */
export function ChangeActionDialog(props: {
  action: Changeable | null;
  onClose: () => void;
  onChanged: (action: ActionItem) => void;
}) {
  const { action } = props;
  const form = useForm(changeSchema, action ? valuesOf(action) : valuesOf(EMPTY));
  const { reset } = form;
  useEffect(() => {
    if (action) reset(valuesOf(action));
  }, [action, reset]);

  const save = () =>
    void form
      .submit(async ({ status, note, ...fields }) => {
        if (!action) return;
        props.onChanged(
          await api.changeActionOutsideMeeting({
            unitId: action.unitId,
            id: action.id,
            fields,
            status,
            note,
          }),
        );
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open={action !== null}
      title="Change the action"
      submitLabel="Save change"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Action" required validationMessage={form.errors.title}>
        <Input value={form.values.title} onChange={(_, d) => form.set('title', d.value)} />
      </Field>
      <Field label="Owner" validationMessage={form.errors.owner}>
        <Input value={form.values.owner} onChange={(_, d) => form.set('owner', d.value)} />
      </Field>
      <Field label="Due date" required validationMessage={form.errors.dueDate}>
        <DateInput value={form.values.dueDate} onChange={(value) => form.set('dueDate', value)} />
      </Field>
      <Field label="Status" validationMessage={form.errors.status}>
        <ChoiceSelect
          value={form.values.status}
          choices={ACTION_STATUSES}
          labels={ACTION_STATUS_LABELS}
          onChange={(value) => form.set('status', value)}
        />
      </Field>
      <Field
        label="Note"
        hint="Recorded in the action's trail as changed outside a meeting, with today's date and your name."
        validationMessage={form.errors.note}
      >
        <Textarea value={form.values.note} onChange={(_, d) => form.set('note', d.value)} />
      </Field>
    </FormDialog>
  );
}

const EMPTY: Changeable = {
  id: 'none00',
  unitId: 'none00',
  title: '',
  owner: '',
  dueDate: '',
  status: 'open',
};
