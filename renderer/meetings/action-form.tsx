import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type FormEvent, type KeyboardEvent } from 'react';
import { defaultDueDate, dueDateProblem } from '../../shared/domain/meeting-dates';
import { actionFieldsSchema, type ActionFields } from '../../shared/domain/meetings';
import { useDraftJournal, useDraftStart, type DraftAddress } from '../ui/form-drafts';
import { useForm } from '../ui/use-form';
import { DateInput, typedInputsValid } from '../ui/typed-date-input';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) 160px auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  input: { width: '100%', minWidth: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalXS, paddingTop: '26px' },
  error: { gridColumn: '1 / -1', color: tokens.colorPaletteRedForeground1 },
});

/**
 * Title, owner and due date of an action. Checks what the main process checks (a title, a due date not
 * before the meeting) before sending, and keeps what was typed when either refuses.
 */
export function ActionForm(props: {
  meetingDate: string;
  initial?: ActionFields;
  owners: readonly string[];
  submitLabel: string;
  focusKey?: number;
  /** Where what is typed is kept until it is saved, so leaving the item or a crash does not lose it. */
  draft?: DraftAddress;
  onSubmit: (fields: ActionFields) => Promise<void>;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const fresh = (): ActionFields =>
    props.initial ?? { title: '', owner: '', dueDate: defaultDueDate(props.meetingDate) };
  const form = useForm(actionFieldsSchema, useDraftStart(props.draft, fresh()));
  useDraftJournal(props.draft, form.values, fresh());
  const titleRef = useRef<HTMLInputElement>(null);
  const { reset } = form;

  useEffect(() => {
    if (props.focusKey) titleRef.current?.focus();
  }, [props.focusKey]);

  const dueProblem = form.values.dueDate ? dueDateProblem(form.values.dueDate, props.meetingDate) : null;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    // A due date that cannot be read would otherwise be saved as the last one that could.
    if (event && !typedInputsValid(event.currentTarget as HTMLFormElement)) return;
    if (dueProblem) {
      // The message is already shown beside the date; this also marks any other field that needs work.
      void form.submit(() => Promise.reject(new Error(dueProblem)));
      return;
    }
    void form
      .submit(async (fields) => {
        await props.onSubmit(fields);
      })
      .then((ok) => {
        if (ok && !props.initial) {
          reset(fresh());
          titleRef.current?.focus();
        }
      });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      props.onCancel();
    }
  };

  const listId = `owners-${props.submitLabel.replaceAll(' ', '-')}`;
  return (
    <form className={styles.form} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      <Field label="Action" required validationMessage={form.errors.title}>
        <Input
          className={styles.input}
          ref={titleRef}
          value={form.values.title}
          onChange={(_, d) => form.set('title', d.value)}
          placeholder="What is to be done"
        />
      </Field>
      <Field label="Owner" validationMessage={form.errors.owner}>
        <Input
          className={styles.input}
          list={listId}
          value={form.values.owner}
          onChange={(_, d) => form.set('owner', d.value)}
        />
      </Field>
      <datalist id={listId}>
        {props.owners.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <Field label="Due date" required validationMessage={form.errors.dueDate ?? dueProblem ?? undefined}>
        <DateInput value={form.values.dueDate} onChange={(value) => form.set('dueDate', value)} />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={form.saving}>
          {props.submitLabel}
        </Button>
        {props.initial ? <Button onClick={props.onCancel}>Cancel</Button> : null}
      </div>
      {form.formError && !dueProblem && Object.keys(form.errors).length === 0 ? (
        <Text role="alert" className={styles.error}>
          {form.formError}
        </Text>
      ) : null}
    </form>
  );
}
