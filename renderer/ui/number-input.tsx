import { Input, type InputProps } from '@fluentui/react-components';
import { useEffect, useState } from 'react';

const parseNumber = (text: string): number | null => {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  // Accept a decimal comma as typed in much of Europe.
  return Number(trimmed.replace(',', '.'));
};

/**
 * A number typed as text: what the user typed stays on screen (even "12,5" or "abc"), the form receives the
 * number (NaN when it is not one, so the schema's message appears) or null when the field is empty.
 */
export function NumberInput(
  props: Omit<InputProps, 'value' | 'onChange' | 'type'> & {
    value: number | null;
    onValueChange: (value: number | null) => void;
  },
) {
  const { value, onValueChange, ...rest } = props;
  const [text, setText] = useState(value === null || Number.isNaN(value) ? '' : String(value));
  useEffect(() => {
    // Follow outside changes (a form reset) without overwriting what is being typed.
    setText((current) => {
      const parsed = parseNumber(current);
      if (parsed === value || (Number.isNaN(value) && Number.isNaN(parsed))) return current;
      return value === null || Number.isNaN(value) ? '' : String(value);
    });
  }, [value]);
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={text}
      onChange={(_, d) => {
        setText(d.value);
        onValueChange(parseNumber(d.value));
      }}
    />
  );
}
