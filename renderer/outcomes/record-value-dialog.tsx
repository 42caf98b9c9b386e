import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { LIMITS, isoDateSchema, optionalText } from '../../shared/domain/common';
import { MEETING_KIND_LABELS } from '../../shared/domain/meetings';
import { measuredTextSchema, type Outcome } from '../../shared/domain/outcomes';
import { api } from '../platform/workbook-api';
import { DateField } from '../ui/date-field';
import { formatDate, todayIso } from '../ui/format';
import { useLoad } from '../ui/use-load';
import { FormDialog } from '../ui/form-dialog';
import { useNotify } from '../ui/toast';
import { useForm } from '../ui/use-form';

const valueFormSchema = z.strictObject({
  date: isoDateSchema,
  value: measuredTextSchema,
  note: optionalText(LIMITS.shortText),
  meetingId: z.string(),
});

/**
 * Records a measured value of an outcome, as entered with its unit. From a meeting the meeting is set;
 * elsewhere the BRM may name the meeting it was reported in, or none.
 */
export function RecordValueDialog(props: {
  outcome: Outcome | null;
  /** Set when recording from a meeting's page. */
  meetingId?: string;
  onClose: () => void;
  onSaved: (outcome: Outcome) => void;
}) {
  const { notify } = useNotify();
  const [fixedMeeting] = useState(props.meetingId);
  const unitId = props.outcome?.unitId ?? null;
  const { data: meetings } = useLoad(
    () => (unitId && !fixedMeeting ? api.listMeetings({ unitId }) : Promise.resolve([])),
    [unitId, fixedMeeting],
  );
  const form = useForm(valueFormSchema, {
    date: todayIso(),
    value: '',
    note: '',
    meetingId: fixedMeeting ?? '',
  });
  const { reset } = form;
  const outcomeId = props.outcome?.id;
  useEffect(() => {
    reset({ date: todayIso(), value: '', note: '', meetingId: fixedMeeting ?? '' });
  }, [outcomeId, fixedMeeting, reset]);

  const save = () =>
    void form
      .submit(async ({ meetingId, ...fields }) => {
        if (!props.outcome) return;
        const saved = await api.recordOutcomeValue({
          outcomeId: props.outcome.id,
          ...fields,
          ...(meetingId ? { meetingId } : {}),
        });
        notify(`Recorded ${fields.value} for ${saved.outcome}`);
        props.onSaved(saved);
      })
      .then((ok) => ok && props.onClose());

  return (
    <FormDialog
      open={props.outcome !== null}
      title={`Measured value: ${props.outcome?.outcome ?? ''}`}
      submitLabel="Record value"
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      <Field
        label="Value"
        required
        hint={`A number with its unit, as for the target (${props.outcome?.target ?? ''})`}
        validationMessage={form.errors.value}
      >
        <Input value={form.values.value} onChange={(_, d) => form.set('value', d.value)} />
      </Field>
      <DateField
        label="Measured on"
        required
        value={form.values.date}
        onChange={(d) => form.set('date', d ?? '')}
        error={form.errors.date}
      />
      {fixedMeeting ? null : (
        <Field label="Reported in meeting">
          <Select value={form.values.meetingId} onChange={(_, d) => form.set('meetingId', d.value)}>
            <option value="">Outside a meeting</option>
            {(meetings ?? []).map((m) => (
              <option key={m.id} value={m.id}>
                {formatDate(m.date)} {MEETING_KIND_LABELS[m.kind].toLowerCase()} review
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Note" validationMessage={form.errors.note}>
        <Textarea value={form.values.note} onChange={(_, d) => form.set('note', d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}
