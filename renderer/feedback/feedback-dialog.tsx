import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import {
  COMPLAINT_SEVERITIES,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  FEEDBACK_KINDS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_SUBJECTS,
  FEEDBACK_SUBJECT_LABELS,
  emptyFeedbackFields,
  feedbackFieldsSchema,
  type ComplaintSeverity,
  type ComplaintStatus,
  type Feedback,
  type FeedbackFields,
  type FeedbackKind,
  type FeedbackSubject,
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
          <Select value={v.kind} onChange={(_, d) => setKind(d.value as FeedbackKind)}>
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {FEEDBACK_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
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
      <FieldRow columns="140px minmax(0, 1fr)">
        <Field label="About a">
          <Select value={v.aboutKind} onChange={(_, d) => form.set('aboutKind', d.value as FeedbackSubject)}>
            {FEEDBACK_SUBJECTS.map((s) => (
              <option key={s} value={s}>
                {FEEDBACK_SUBJECT_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="About" required validationMessage={e.aboutName}>
          <Input
            value={v.aboutName}
            placeholder={
              v.aboutKind === 'person' ? 'Name and team' : v.aboutKind === 'team' ? 'Team' : 'Service'
            }
            onChange={(_, d) => form.set('aboutName', d.value)}
          />
        </Field>
      </FieldRow>
      <Field label="What was said" required validationMessage={e.description}>
        <Textarea
          value={v.description}
          resize="vertical"
          rows={3}
          onChange={(_, d) => form.set('description', d.value)}
        />
      </Field>
      {complaint ? (
        <>
          <FieldRow>
            <Field
              label="Severity"
              validationMessage={e.severity}
              hint={
                v.severity === 'serious'
                  ? 'A serious complaint can call for an ad hoc service review.'
                  : undefined
              }
            >
              <Select
                value={v.severity ?? ''}
                onChange={(_, d) => form.set('severity', (d.value || null) as ComplaintSeverity | null)}
              >
                {COMPLAINT_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {COMPLAINT_SEVERITY_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Status" validationMessage={e.status}>
              <Select
                value={v.status ?? ''}
                onChange={(_, d) => form.set('status', (d.value || null) as ComplaintStatus | null)}
              >
                {COMPLAINT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {COMPLAINT_STATUS_LABELS[s]}
                  </option>
                ))}
              </Select>
            </Field>
          </FieldRow>
          <Field label="Resolution" validationMessage={e.resolution}>
            <Textarea
              value={v.resolution}
              resize="vertical"
              onChange={(_, d) => form.set('resolution', d.value)}
            />
          </Field>
          <Field
            label="Root cause"
            hint="What caused it, so that it is not repeated."
            validationMessage={e.rootCause}
          >
            <Textarea
              value={v.rootCause}
              resize="vertical"
              onChange={(_, d) => form.set('rootCause', d.value)}
            />
          </Field>
        </>
      ) : (
        <FieldRow>
          <Field label="Passed on to" validationMessage={e.passedOnTo} hint="The people or team it praises.">
            <Input value={v.passedOnTo} onChange={(_, d) => form.set('passedOnTo', d.value)} />
          </Field>
          <DateField
            label="Passed on on"
            value={v.passedOnDate}
            onChange={(d) => form.set('passedOnDate', d)}
            error={e.passedOnDate}
          />
        </FieldRow>
      )}
    </FormDialog>
  );
}
