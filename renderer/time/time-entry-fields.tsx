import { Field, Input, Select } from '@fluentui/react-components';
import {
  PROCESS_ACTIVITIES,
  RELATIONSHIP_ACTIVITIES,
  TIME_ACTIVITY_LABELS,
  type TimeActivity,
  type TimeEntryFields,
} from '../../shared/domain/time-log';
import { DateField } from '../ui/date-field';
import { NumberInput } from '../ui/number-input';

/** The fields of one time entry, shared by the quick log row and the edit dialog. */
export function TimeEntryInputs(props: {
  values: TimeEntryFields;
  errors: Record<string, string>;
  set: <K extends keyof TimeEntryFields>(key: K, value: TimeEntryFields[K]) => void;
  noteClassName?: string;
}) {
  const { values: v, errors: e, set } = props;
  return (
    <>
      <DateField label="Date" required value={v.date} onChange={(d) => set('date', d ?? '')} error={e.date} />
      <Field label="Activity" validationMessage={e.activity}>
        <Select value={v.activity} onChange={(_, d) => set('activity', d.value as TimeActivity)}>
          <optgroup label="Relationship-centric">
            {RELATIONSHIP_ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {TIME_ACTIVITY_LABELS[a]}
              </option>
            ))}
          </optgroup>
          <optgroup label="Process-centric">
            {PROCESS_ACTIVITIES.map((a) => (
              <option key={a} value={a}>
                {TIME_ACTIVITY_LABELS[a]}
              </option>
            ))}
          </optgroup>
        </Select>
      </Field>
      <Field label="Hours" validationMessage={e.hours} style={{ maxWidth: 110 }}>
        <NumberInput value={v.hours} onValueChange={(n) => set('hours', n ?? Number.NaN)} />
      </Field>
      <Field label="Note" validationMessage={e.note} className={props.noteClassName}>
        <Input value={v.note} onChange={(_, d) => set('note', d.value)} />
      </Field>
    </>
  );
}
