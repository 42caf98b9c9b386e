import { Field, Textarea } from '@fluentui/react-components';
import { useEffect } from 'react';
import { informalContactFieldsSchema } from '../../shared/domain/engagement';
import { api } from '../platform/workbook-api';
import { DateField } from '../ui/date-field';
import { todayIso } from '../ui/format';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';

/** Logs a corridor conversation that counts as meeting the contact ("met informally"). */
export function LogContactDialog(props: {
  contact: { id: string; name: string } | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { notify } = useNotify();
  const form = useForm(informalContactFieldsSchema, { contactId: '', date: todayIso(), note: '' });
  const { reset } = form;
  const contactId = props.contact?.id ?? '';
  useEffect(() => reset({ contactId, date: todayIso(), note: '' }), [contactId, reset]);

  const save = () =>
    void form
      .submit(async (fields) => {
        await api.logContact(fields);
        notify(`Informal contact with ${props.contact?.name ?? ''} logged`);
      })
      .then((saved) => {
        if (saved) {
          props.onSaved();
          props.onClose();
        }
      });

  return (
    <FormDialog
      open={props.contact !== null}
      title={`Met ${props.contact?.name ?? ''} informally`}
      submitLabel="Log contact"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <DateField
        label="Met on"
        required
        value={form.values.date}
        onChange={(v) => form.set('date', v ?? '')}
        error={form.errors.date}
      />
      <Field label="What was it about" validationMessage={form.errors.note}>
        <Textarea value={form.values.note} onChange={(_, d) => form.set('note', d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
