import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from '@fluentui/react-icons';
import { z } from 'zod';
import { newId } from '../../shared/domain/ids';
import {
  DEFAULT_SURVEY_QUESTIONS,
  surveyQuestionsSchema,
  type RegisterSettings,
  type SurveyQuestion,
} from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useDialogForm } from '../ui/use-dialog-form';

const useStyles = makeStyles({
  question: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'start' },
  grow: { flex: 1 },
  footer: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const schema = z.strictObject({ questions: surveyQuestionsSchema });

/**
 * The questionnaire every survey uses. Removing a question keeps the answers already given to it; a new
 * question is answered from the next survey on.
 */
export function QuestionsDialog(props: {
  open: boolean;
  questions: readonly SurveyQuestion[];
  onClose: () => void;
  onSaved: (settings: RegisterSettings) => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const form = useDialogForm(schema, props.open, () => ({
    questions: props.questions.map((q) => ({ ...q })),
  }));

  const questions = form.values.questions;
  const setQuestions = (next: SurveyQuestion[]) => form.set('questions', next);
  const move = (index: number, by: number) => {
    const next = [...questions];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setQuestions(next);
  };

  const save = () =>
    void form
      .submit(async ({ questions: saved }) => {
        props.onSaved(await api.updateSurveyQuestions({ questions: saved }));
        notify('Questions saved');
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open={props.open}
      title="Survey questions"
      submitLabel="Save questions"
      saving={form.saving}
      formError={form.formError ?? form.errors.questions ?? null}
      onSubmit={save}
      onClose={props.onClose}
      width={720}
    >
      {questions.map((q, i) => (
        <div key={q.id} className={styles.question}>
          <Field
            label={`Question ${i + 1}`}
            className={styles.grow}
            validationMessage={form.errors[`questions.${i}.text`]}
          >
            <Input
              value={q.text}
              onChange={(_, d) =>
                setQuestions(questions.map((x, j) => (j === i ? { ...x, text: d.value } : x)))
              }
            />
          </Field>
          <Button
            appearance="subtle"
            icon={<ArrowUp16Regular />}
            aria-label={`Move question ${i + 1} up`}
            disabled={i === 0}
            style={{ marginTop: 26 }}
            onClick={() => move(i, -1)}
          />
          <Button
            appearance="subtle"
            icon={<ArrowDown16Regular />}
            aria-label={`Move question ${i + 1} down`}
            disabled={i === questions.length - 1}
            style={{ marginTop: 26 }}
            onClick={() => move(i, 1)}
          />
          <Button
            appearance="subtle"
            icon={<Delete16Regular />}
            aria-label={`Remove question ${i + 1}`}
            style={{ marginTop: 26 }}
            onClick={() => setQuestions(questions.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div className={styles.footer}>
        <Button
          icon={<Add16Regular />}
          onClick={() => setQuestions([...questions, { id: newId(), text: '' }])}
        >
          Add question
        </Button>
        <Button
          appearance="subtle"
          onClick={() => setQuestions(DEFAULT_SURVEY_QUESTIONS.map((q) => ({ ...q })))}
        >
          Restore the default questions
        </Button>
      </div>
    </FormDialog>
  );
}
