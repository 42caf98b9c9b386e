import { Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import {
  SCORE_MAX,
  SCORE_MIN,
  surveyFieldsSchema,
  type Survey,
  type SurveyFields,
  type SurveyQuestion,
} from '../../shared/domain/registers';
import { api } from '../platform/workbook-api';
import { DateField } from '../ui/date-field';
import { FieldRow } from '../ui/field-row';
import { todayIso } from '../ui/format';
import { PersonField } from '../ui/person-field';
import { UnitSelectField, useUnitChoice } from '../ui/unit-filter';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useDialogForm } from '../ui/use-dialog-form';

const useStyles = makeStyles({
  questions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  scale: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

const SCORES = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => SCORE_MIN + i);
const NOT_ANSWERED = 'none';

const emptySurvey = (): SurveyFields => ({
  date: todayIso(),
  respondentContactId: null,
  respondentName: '',
  scores: {},
  comment: '',
});

/** Records one respondent's answers: a score from 1 (poor) to 5 (excellent) per question, and a comment. */
export function SurveyDialog(props: {
  open: boolean;
  survey?: Survey;
  questions: readonly SurveyQuestion[];
  defaultUnitId: string | null;
  onClose: () => void;
  onSaved: (survey: Survey) => void;
}) {
  const styles = useStyles();
  const { notify } = useNotify();
  const initial = (): SurveyFields => {
    if (!props.survey) return emptySurvey();
    const { date, respondentContactId, respondentName, scores, comment } = props.survey;
    return { date, respondentContactId, respondentName, scores, comment };
  };
  const startUnit = props.survey?.unitId ?? props.defaultUnitId ?? '';
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(startUnit);
  const form = useDialogForm(surveyFieldsSchema, props.open, initial, () => chooseUnit(startUnit));

  const v = form.values;
  const e = form.errors;
  // An older survey keeps the answers to questions removed since; they stay visible and editable.
  const shown = useMemo(() => {
    const current = new Set(props.questions.map((q) => q.id));
    const removed = Object.keys(props.survey?.scores ?? {})
      .filter((id) => !current.has(id))
      .map((id) => ({ id, text: 'A question no longer in the questionnaire' }));
    return [...props.questions, ...removed];
  }, [props.questions, props.survey]);

  const setScore = (questionId: string, value: string) => {
    const next = { ...v.scores };
    if (value === NOT_ANSWERED) delete next[questionId];
    else next[questionId] = Number(value);
    form.set('scores', next);
  };

  const save = () => {
    if (!isUnitChosen('Choose the unit the respondent belongs to.')) return;
    void form
      .submit(async (fields) => {
        const saved = props.survey
          ? await api.updateSurvey({ unitId, id: props.survey.id, fields })
          : await api.createSurvey({ unitId, fields });
        notify(props.survey ? 'Saved the survey' : 'Recorded the survey');
        props.onSaved(saved);
      })
      .then((ok) => ok && props.onClose());
  };

  return (
    <FormDialog
      open={props.open}
      title={props.survey ? 'Edit survey' : 'New survey'}
      submitLabel={props.survey ? 'Save' : 'Record survey'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
      width={720}
    >
      <UnitSelectField
        value={unitId}
        disabled={Boolean(props.survey)}
        error={unitError}
        onChange={(id) => {
          chooseUnit(id);
          form.set('respondentContactId', null);
        }}
      />
      <FieldRow columns="180px minmax(0, 1fr)">
        <DateField
          label="Date"
          required
          value={v.date}
          onChange={(d) => form.set('date', d ?? '')}
          error={e.date}
        />
        <PersonField
          label="Respondent"
          required
          unitId={unitId}
          contactId={v.respondentContactId}
          name={v.respondentName}
          error={e.respondentName ?? e.respondentContactId}
          onChange={({ contactId, name }) => {
            form.set('respondentContactId', contactId);
            form.set('respondentName', name);
          }}
        />
      </FieldRow>
      <div className={styles.questions}>
        <span className={styles.scale}>Scores: 1 = very dissatisfied … 5 = very satisfied.</span>
        {e.scores ? (
          <span role="alert" className={styles.error}>
            {e.scores}
          </span>
        ) : null}
        {shown.map((q) => (
          <Field key={q.id} label={q.text} validationMessage={e[`scores.${q.id}`]}>
            <RadioGroup
              layout="horizontal"
              value={v.scores[q.id] === undefined ? NOT_ANSWERED : String(v.scores[q.id])}
              onChange={(_, d) => setScore(q.id, d.value)}
            >
              {SCORES.map((s) => (
                <Radio key={s} value={String(s)} label={String(s)} />
              ))}
              <Radio value={NOT_ANSWERED} label="Not answered" />
            </RadioGroup>
          </Field>
        ))}
      </div>
      <Field label="Comment" validationMessage={e.comment}>
        <Textarea value={v.comment} resize="vertical" onChange={(_, d) => form.set('comment', d.value)} />
      </Field>
    </FormDialog>
  );
}
