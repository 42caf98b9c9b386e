import { Field, Input, Textarea } from '@fluentui/react-components';
import {
  CONTACT_ROLES,
  CONTACT_ROLE_LABELS,
  contactFieldsSchema,
  emptyContactFields,
  type Contact,
  type ContactFields,
  type ContactRole,
} from '../../shared/domain/customers';
import { api } from '../platform/workbook-api';
import { useAppStore } from '../app/store';
import { FormDialog } from '../ui/form-dialog';
import { useDialogForm } from '../ui/use-dialog-form';
import { useNotify } from '../ui/toast';
import { ChoiceSelect } from '../ui/choice-select';

export const ROLE_HINTS: Record<ContactRole, string> = {
  customer: 'Decides on and finances IT services for the unit (one per unit).',
  purchaser: 'Line manager who orders from existing services, without that mandate.',
  user: 'Uses the services day to day.',
  'key-user': 'Expert user, the first line for colleagues ("IT buddy").',
  'it-stakeholder': 'Someone in IT with a stake in this unit.',
};

export function ContactDialog(props: {
  open: boolean;
  unitId: string;
  contact?: Contact;
  defaultRole?: ContactRole;
  onClose: () => void;
}) {
  const putContact = useAppStore((s) => s.putContact);
  const { notify } = useNotify();
  const initial = (): ContactFields => {
    if (!props.contact) return emptyContactFields(props.defaultRole);
    const { role, name, title, email, phone, notes, itContact } = props.contact;
    return { role, name, title, email, phone, notes, itContact };
  };
  const form = useDialogForm(contactFieldsSchema, props.open, initial);

  const save = () =>
    void form
      .submit(async (fields) => {
        const contact = props.contact
          ? await api.updateContact({ id: props.contact.id, fields })
          : await api.createContact({ unitId: props.unitId, fields });
        putContact(contact);
        notify(props.contact ? `Saved ${contact.name}` : `Added ${contact.name}`);
      })
      .then((ok) => ok && props.onClose());

  const v = form.values;
  return (
    <FormDialog
      open={props.open}
      title={props.contact ? `Edit ${props.contact.name}` : 'New contact'}
      submitLabel={props.contact ? 'Save' : 'Add contact'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field label="Role" hint={ROLE_HINTS[v.role]} validationMessage={form.errors.role}>
        <ChoiceSelect
          value={v.role}
          choices={CONTACT_ROLES}
          labels={CONTACT_ROLE_LABELS}
          onChange={(value) => form.set('role', value)}
        />
      </Field>
      <Field label="Name" required validationMessage={form.errors.name}>
        <Input value={v.name} onChange={(_, d) => form.set('name', d.value)} autoFocus />
      </Field>
      <Field label="Job title" validationMessage={form.errors.title}>
        <Input value={v.title} onChange={(_, d) => form.set('title', d.value)} />
      </Field>
      <Field label="Email" validationMessage={form.errors.email}>
        <Input type="email" value={v.email} onChange={(_, d) => form.set('email', d.value)} />
      </Field>
      <Field label="Phone" validationMessage={form.errors.phone}>
        <Input type="tel" value={v.phone} onChange={(_, d) => form.set('phone', d.value)} />
      </Field>
      <Field label="Designated IT contact" validationMessage={form.errors.itContact}>
        <Input value={v.itContact} onChange={(_, d) => form.set('itContact', d.value)} />
      </Field>
      <Field label="Notes" validationMessage={form.errors.notes}>
        <Textarea value={v.notes} onChange={(_, d) => form.set('notes', d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
