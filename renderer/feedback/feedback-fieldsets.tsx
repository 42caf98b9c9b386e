import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import {
  COMPLAINT_SEVERITIES,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUSES,
  COMPLAINT_STATUS_LABELS,
  FEEDBACK_SUBJECTS,
  FEEDBACK_SUBJECT_LABELS,
  type ComplaintSeverity,
  type ComplaintStatus,
  type feedbackFieldsSchema,
} from '../../shared/domain/registers';
import { DateField } from '../ui/date-field';
import { FieldRow } from '../ui/field-row';
import type { useForm } from '../ui/use-form';
import { ChoiceSelect } from '../ui/choice-select';

/** The feedback dialog's form, handed whole to its fieldsets: they set fields and show their errors. */
export type FeedbackForm = ReturnType<typeof useForm<typeof feedbackFieldsSchema>>;

/** What the feedback is about: a service, a team or a person, and which one. */
export function FeedbackSubjectFields({ form }: { form: FeedbackForm }) {
  const v = form.values;
  return (
    <FieldRow columns="140px minmax(0, 1fr)">
      <Field label="About a">
        <ChoiceSelect
          value={v.aboutKind}
          choices={FEEDBACK_SUBJECTS}
          labels={FEEDBACK_SUBJECT_LABELS}
          onChange={(value) => form.set('aboutKind', value)}
        />
      </Field>
      <Field label="About" required validationMessage={form.errors.aboutName}>
        <Input
          value={v.aboutName}
          placeholder={
            v.aboutKind === 'person' ? 'Name and team' : v.aboutKind === 'team' ? 'Team' : 'Service'
          }
          onChange={(_, d) => form.set('aboutName', d.value)}
        />
      </Field>
    </FieldRow>
  );
}

/** How a complaint is handled: how serious, how far along, the resolution and the root cause. */
export function ComplaintHandlingFields({ form }: { form: FeedbackForm }) {
  const v = form.values;
  const e = form.errors;
  return (
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
        <Textarea value={v.rootCause} resize="vertical" onChange={(_, d) => form.set('rootCause', d.value)} />
      </Field>
    </>
  );
}

/** A compliment is handled by passing it on to the people it praises. */
export function ComplimentHandlingFields({ form }: { form: FeedbackForm }) {
  const v = form.values;
  const e = form.errors;
  return (
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
  );
}
