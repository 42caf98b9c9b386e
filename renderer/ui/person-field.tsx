import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo } from 'react';
import { CONTACT_ROLE_LABELS } from '../../shared/domain/customers';
import { useAppStore } from '../app/store';

/**
 * A person who is either one of the unit's contacts (picked from the list) or anyone else (typed in).
 * Typing a name clears the contact link; picking a contact fills in the name.
 */
export function PersonField(props: {
  label: string;
  unitId: string;
  contactId: string | null;
  name: string;
  onChange: (value: { contactId: string | null; name: string }) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const contacts = useAppStore((s) => s.directory.contacts);
  const unitContacts = useMemo(
    () => contacts.filter((c) => c.unitId === props.unitId).sort((a, b) => a.name.localeCompare(b.name)),
    [contacts, props.unitId],
  );
  return (
    <Field label={props.label} required={props.required} validationMessage={props.error} hint={props.hint}>
      <Combobox
        freeform
        value={props.name}
        selectedOptions={props.contactId ? [props.contactId] : []}
        placeholder="Pick a contact or type a name"
        onChange={(e) => props.onChange({ contactId: null, name: e.target.value })}
        onOptionSelect={(_, data) => {
          const contact = unitContacts.find((c) => c.id === data.optionValue);
          if (contact) props.onChange({ contactId: contact.id, name: contact.name });
        }}
      >
        {unitContacts.map((c) => (
          <Option key={c.id} value={c.id} text={c.name}>
            {c.name} · {CONTACT_ROLE_LABELS[c.role]}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
