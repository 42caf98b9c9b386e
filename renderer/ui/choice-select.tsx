import { Select, type SelectProps } from '@fluentui/react-components';

/**
 * A Select over a fixed list of choices (statuses, kinds, types), each shown by its label, that hands back
 * the choice typed. Inside a Field it is labelled by it, as a Select is.
 */
export function ChoiceSelect<T extends string>({
  value,
  choices,
  labels,
  onChange,
  ...rest
}: Omit<SelectProps, 'value' | 'onChange'> & {
  value: T;
  choices: readonly T[];
  labels: Readonly<Record<T, string>>;
  onChange: (value: T) => void;
}) {
  return (
    <Select {...rest} value={value} onChange={(_, d) => onChange(d.value as T)}>
      {choices.map((choice) => (
        <option key={choice} value={choice}>
          {labels[choice]}
        </option>
      ))}
    </Select>
  );
}
