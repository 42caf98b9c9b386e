import { Field, Input } from '@fluentui/react-components';

/** A calendar day (YYYY-MM-DD) or none: an empty field is null, never an empty string in the record. */
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
      <Input type="date" value={props.value ?? ''} onChange={(_, d) => props.onChange(d.value || null)} />
    </Field>
  );
}
