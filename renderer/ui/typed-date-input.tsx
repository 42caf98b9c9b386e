/**
 * Date and time fields typed in the locale of the setting (issue 13): "24.12.2026" in de-DE, "12/24/2026"
 * in en-US, "14:30" or "2:30 PM", where the browser's own date input would show its own locale's
 * MM/DD/YYYY whatever the setting says. The value given and reported stays 'YYYY-MM-DD' / 'HH:mm'.
 * What cannot be read keeps the last good value, says why when the field is left, and marks the input
 * invalid (setCustomValidity), so a FormDialog refuses to save it rather than save the old date silently.
 */
import { Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { displayDates } from '../../shared/domain/date-format';
import {
  dateInputPattern,
  formatDateInput,
  formatTimeInput,
  parseDateInput,
  parseTimeInput,
  usesTwelveHours,
  type Parsed,
} from '../../shared/domain/date-input';

const useStyles = makeStyles({
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Marks the typed date and time inputs, so a form can check just them before saving. */
export const TYPED_INPUT = 'data-typed-input';

interface TypedInputProps {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  'aria-label'?: string;
}

function TypedInput(
  props: TypedInputProps & {
    format: (value: string) => string;
    parse: (text: string) => Parsed;
    placeholder: string;
    width: string;
  },
) {
  const styles = useStyles();
  const [text, setText] = useState(() => props.format(props.value));
  const [shown, setShown] = useState<string | null>(null);
  const reported = useRef(props.value);
  const input = useRef<HTMLInputElement>(null);

  // A new value from outside (a proposed date, a reset form) replaces what is typed.
  const { value, format } = props;
  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    setText(format(value));
    setShown(null);
    input.current?.setCustomValidity('');
  }, [value, format]);

  const read = (typed: string) => {
    const parsed = props.parse(typed);
    input.current?.setCustomValidity(parsed.ok ? '' : parsed.message);
    return parsed;
  };

  return (
    <span className={styles.field}>
      <Input
        ref={input}
        value={text}
        placeholder={props.placeholder}
        disabled={props.disabled}
        aria-label={props['aria-label']}
        aria-invalid={shown ? true : undefined}
        style={{ maxWidth: props.width }}
        {...{ [TYPED_INPUT]: '' }}
        onChange={(_, d) => {
          setText(d.value);
          const parsed = read(d.value);
          if (!parsed.ok) return;
          setShown(null);
          if (parsed.value !== reported.current) {
            reported.current = parsed.value;
            props.onChange(parsed.value);
          }
        }}
        onBlur={() => {
          const parsed = read(text);
          if (parsed.ok) setText(props.format(parsed.value));
          setShown(parsed.ok ? null : parsed.message);
        }}
        // A form's checkValidity() asks every typed input: one that cannot be read says why.
        onInvalid={(event) => setShown(event.currentTarget.validationMessage)}
      />
      {shown ? (
        <Text role="alert" size={200} className={styles.error}>
          {shown}
        </Text>
      ) : null}
    </span>
  );
}

/** A calendar day typed in the setting's locale; value '' is no date. */
export function DateInput(props: TypedInputProps) {
  const locale = displayDates().locale;
  return (
    <TypedInput
      {...props}
      format={(iso) => formatDateInput(iso, locale)}
      parse={(text) => parseDateInput(text, locale)}
      placeholder={dateInputPattern(locale).pattern}
      width="14em"
    />
  );
}

/** A time of day typed in the setting's locale (24 hours, or 12 with AM/PM); value '' is no time. */
export function TimeInput(props: TypedInputProps) {
  const locale = displayDates().locale;
  return (
    <TypedInput
      {...props}
      format={(hhmm) => formatTimeInput(hhmm, locale)}
      parse={(text) => parseTimeInput(text, locale)}
      placeholder={usesTwelveHours(locale) ? 'h:mm AM' : 'HH:mm'}
      width="10em"
    />
  );
}

/** Whether every typed date and time in `form` can be read; those that cannot show their message. */
export function typedInputsValid(form: HTMLFormElement): boolean {
  let valid = true;
  for (const input of form.querySelectorAll<HTMLInputElement>(`input[${TYPED_INPUT}]`)) {
    if (!input.checkValidity()) valid = false;
  }
  return valid;
}
