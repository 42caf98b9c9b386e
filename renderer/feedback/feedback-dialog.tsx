import { Field, Textarea } from '@fluentui/react-components';
import {
  FEEDBACK_KINDS,
  FEEDBACK_KIND_LABELS,
  emptyFeedbackFields,
  feedbackFieldsSchema,
  type Feedback,
  type FeedbackFields,
  type FeedbackKind,
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
import {
  ComplaintHandlingFields,
  ComplimentHandlingFields,
  FeedbackSubjectFields,
} from './feedback-fieldsets';
import { ChoiceSelect } from '../ui/choice-select';

const fieldsOf = (f: Feedback): FeedbackFields => {
  const { kind, date, fromContactId, fromName, aboutKind, aboutName, description } = f;
  const { severity, status, resolution, rootCause, passedOnTo, passedOnDate } = f;
  return {
    kind,
    date,
    fromContactId,
    fromName,
    aboutKind,
    aboutName,
    description,
    severity,
    status,
    resolution,
    rootCause,
    passedOnTo,
    passedOnDate,
  };
};

/** Records a complaint or a compliment: who, about what, what was said; then how it was handled. */
export function FeedbackDialog(props: {
  open: boolean;
  feedback?: Feedback;
  kind: FeedbackKind;
  defaultUnitId: string | null;
  onClose: () => void;
  onSaved: (feedback: Feedback) => void;
}) {
  const { notify } = useNotify();
  const initial = () =>
    props.feedback ? fieldsOf(props.feedback) : emptyFeedbackFields(props.kind, todayIso());
  const startUnit = props.feedback?.unitId ?? props.defaultUnitId ?? '';
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(startUnit);
  const form = useDialogForm(feedbackFieldsSchema, props.open, initial, () => chooseUnit(startUnit));

  const v = form.values;
  const e = form.errors;
  const complaint = v.kind === 'complaint';
  const noun = complaint ? 'complaint' : 'compliment';

  const setKind = (kind: FeedbackKind) => {
    form.set('kind', kind);
    if (kind === 'complaint') {
      form.set('severity', v.severity ?? 'moderate');
      form.set('status', v.status ?? 'open');
    }
  };

  const save = () => {
    if (!isUnitChosen(`Choose the unit the ${noun} came from.`)) return;
    void form
      .submit(async (fields) => {
        const saved = props.feedback
          ? await api.updateFeedback({ unitId, id: props.feedback.id, fields })
          : await api.createFeedback({ unitId, fields });
        notify(props.feedback ? `Saved the ${noun}` : `Recorded the ${noun}`);
        props.onSaved(saved);
      })
      .then((ok) => ok && props.onClose());
  };

  return (
    <FormDialog
      open={props.open}
      title={props.feedback ? `Edit ${noun}` : `New ${noun}`}
      submitLabel={props.feedback ? 'Save' : `Record ${noun}`}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
      width={720}
    >
      <UnitSelectField
        value={unitId}
        disabled={Boolean(props.feedback)}
        error={unitError}
        onChange={(id) => {
          chooseUnit(id);
          form.set('fromContactId', null);
        }}
      />
      <FieldRow>
        <Field label="Kind">
          <ChoiceSelect
            value={v.kind}
            choices={FEEDBACK_KINDS}
            labels={FEEDBACK_KIND_LABELS}
            onChange={(value) => setKind(value)}
          />
        </Field>
        <DateField
          label="Received on"
          required
          value={v.date}
          onChange={(d) => form.set('date', d ?? '')}
          error={e.date}
        />
      </FieldRow>
      <PersonField
        label="From"
        required
        unitId={unitId}
        contactId={v.fromContactId}
        name={v.fromName}
        error={e.fromName ?? e.fromContactId}
        onChange={({ contactId, name }) => {
          form.set('fromContactId', contactId);
          form.set('fromName', name);
        }}
      />
      <FeedbackSubjectFields form={form} />
      <Field label="What was said" required validationMessage={e.description}>
        <Textarea
          value={v.description}
          resize="vertical"
          rows={3}
          onChange={(_, d) => form.set('description', d.value)}
        />
      </Field>
      {complaint ? <ComplaintHandlingFields form={form} /> : <ComplimentHandlingFields form={form} />}
    </FormDialog>
  );
}
