import { Field } from '@fluentui/react-components';
import { DateInput } from './typed-date-input';

/** A calendar day (YYYY-MM-DD, typed in the setting's locale) or none: an empty field is null, never an empty string in the record. */
export function DateField(props: {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <Field label={props.label} required={props.required} validationMessage={props.error} hint={props.hint}>
      <DateInput value={props.value ?? ''} onChange={(value) => props.onChange(value || null)} />
    </Field>
  );
}
