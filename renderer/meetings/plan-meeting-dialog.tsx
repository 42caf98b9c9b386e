import {
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { NEARBY_MEETING_DAYS, formatDayLong } from '../../shared/domain/meeting-dates';
import {
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  type AgendaTemplate,
  type MeetingKind,
} from '../../shared/domain/meetings';
import type { MeetingSummary } from '../../shared/contract/meetings';
import { useAppStore } from '../app/store';
import { SeriesRepeatFields } from '../app/feature-parts';
import { FormDialog } from '../ui/form-dialog';
import { DateInput, TimeInput } from '../ui/typed-date-input';
import { useUnitLabels } from '../ui/unit-labels';
import { BusinessInviteesFieldset } from './business-invitees-fieldset';
import { ItAttendeesFieldset } from './it-attendees-fieldset';
import { meetingKindTitle } from './meeting-labels';
import { useMeetingPlanForm, type PlanMeetingRequest } from './use-meeting-plan-form';
import { ChoiceSelect } from '../ui/choice-select';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  // Date and time as wide as their typed inputs are at most (see typed-date-input), so that a long 'is not a
  // time' message wraps under its input; the location takes the rest. Top-aligned, so such a message does not
  // stretch the location's input to its height.
  when: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 14em) minmax(0, 10em) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  // Without it the input keeps its natural width (some 20 characters), which overflowed the dialog's right
  // edge at a 1366 px window.
  fill: { minWidth: 0 },
});

/**
 * Plans a service review for a unit, or changes the plan of `meeting`. The period under review follows the
 * kind and date until the BRM edits it; invitees come from the unit's contacts plus IT attendees by name.
 */
export function PlanMeetingDialog(props: PlanMeetingRequest) {
  const styles = useStyles();
  const plan = useMeetingPlanForm(props);
  const { form, values } = plan;
  return (
    <FormDialog
      open={props.open}
      title={
        props.meeting ? 'Edit meeting plan' : props.after ? 'Plan the next meeting' : 'Plan a service review'
      }
      submitLabel={
        props.meeting
          ? 'Save plan'
          : plan.repeat && values.kind === 'periodic'
            ? 'Plan series'
            : 'Plan meeting'
      }
      saving={form.saving}
      formError={form.formError}
      onSubmit={plan.save}
      onClose={props.onClose}
    >
      {props.unitId || props.meeting || props.after ? null : (
        <UnitField unitId={plan.unitId} error={plan.unitError} onChange={plan.changeUnit} />
      )}
      <div className={styles.row}>
        <Field label="Kind of review">
          <ChoiceSelect
            value={values.kind}
            choices={MEETING_KINDS}
            labels={MEETING_KIND_LABELS}
            onChange={(value) => plan.chooseKind(value)}
          />
        </Field>
        <Field
          label="Agenda template"
          validationMessage={form.errors.templateId}
          hint={
            props.meeting ? 'Changing it replaces the agenda only while no minutes are written.' : undefined
          }
        >
          <TemplateSelect
            templates={plan.templates}
            kind={values.kind}
            value={values.templateId}
            noTemplateLabel={
              props.after ? "No template (this meeting's agenda)" : 'No template (empty agenda)'
            }
            onChange={(id) => form.set('templateId', id)}
          />
        </Field>
      </div>
      {values.kind === 'adhoc' ? (
        <Field
          label="Trigger"
          required
          hint="Why this review is called: a serious complaint, a new requirement outside the schedule, another process needing the business's input."
          validationMessage={form.errors.trigger}
        >
          <Textarea value={values.trigger} onChange={(_, d) => form.set('trigger', d.value)} rows={2} />
        </Field>
      ) : null}
      <div className={styles.when}>
        <Field label="Date" required validationMessage={form.errors.date}>
          <DateInput value={values.date} onChange={(value) => plan.setKindOrDate(values.kind, value)} />
        </Field>
        <Field label="Time" validationMessage={form.errors.time}>
          <TimeInput value={values.time} onChange={(value) => form.set('time', value)} />
        </Field>
        <Field label="Location or online link" validationMessage={form.errors.location}>
          <Input
            className={styles.fill}
            value={values.location}
            onChange={(_, d) => form.set('location', d.value)}
          />
        </Field>
      </div>
      {values.kind === 'periodic' && !props.meeting && !props.after ? (
        <SeriesRepeatFields date={values.date} value={plan.repeat} onChange={plan.setRepeat} />
      ) : null}
      <NearbyMeetingsWarning nearby={plan.nearby} />
      <div className={styles.row}>
        <Field label="Period under review from" validationMessage={form.errors.periodStart}>
          <DateInput
            value={values.periodStart ?? ''}
            onChange={(value) => plan.setPeriod('periodStart', value)}
          />
        </Field>
        <Field label="Period under review to" validationMessage={form.errors.periodEnd}>
          <DateInput
            value={values.periodEnd ?? ''}
            onChange={(value) => plan.setPeriod('periodEnd', value)}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Chair">
          <Input value={values.chair} onChange={(_, d) => form.set('chair', d.value)} />
        </Field>
        <Field label="Minute-taker">
          <Input value={values.minuteTaker} onChange={(_, d) => form.set('minuteTaker', d.value)} />
        </Field>
      </div>
      <BusinessInviteesFieldset
        unitId={plan.unitId}
        contacts={plan.unitContacts}
        invitees={values.invitees}
        onToggle={plan.toggleContact}
      />
      <ItAttendeesFieldset invitees={values.invitees} errors={form.errors} onChange={plan.setInvitees} />
    </FormDialog>
  );
}

/** The unit a new meeting is with, when the planner is not opened from the unit's page. */
function UnitField(props: { unitId: string; error?: string; onChange: (unitId: string) => void }) {
  const { units } = useAppStore((s) => s.directory);
  const labelOf = useUnitLabels();
  const activeUnits = units.filter((u) => !u.archived || u.id === props.unitId);
  return (
    <Field label="Business unit" required validationMessage={props.error}>
      <Select value={props.unitId} onChange={(_, d) => props.onChange(d.value)}>
        <option value="">Choose a unit…</option>
        {activeUnits.map((u) => (
          <option key={u.id} value={u.id}>
            {labelOf(u.id)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The kind's templates first, then the others named with their kind, then none. */
function TemplateSelect(props: {
  templates: readonly AgendaTemplate[];
  kind: MeetingKind;
  value: string | null;
  noTemplateLabel: string;
  onChange: (templateId: string | null) => void;
}) {
  const kindTemplates = props.templates.filter((t) => t.kind === props.kind);
  const otherTemplates = props.templates.filter((t) => t.kind !== props.kind);
  return (
    <Select value={props.value ?? ''} onChange={(_, d) => props.onChange(d.value || null)}>
      {kindTemplates.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
      {otherTemplates.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name} ({MEETING_KIND_LABELS[t.kind].toLowerCase()})
        </option>
      ))}
      <option value="">{props.noTemplateLabel}</option>
    </Select>
  );
}

/** Another meeting of the unit a few days from the date chosen: perhaps the same review planned twice. */
function NearbyMeetingsWarning(props: { nearby: readonly MeetingSummary[] }) {
  if (!props.nearby.length) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Another meeting of this unit is within {NEARBY_MEETING_DAYS} days</MessageBarTitle>
        {props.nearby.map((m) => `${meetingKindTitle(m.kind)} on ${formatDayLong(m.date)}`).join('; ')}.
      </MessageBarBody>
    </MessageBar>
  );
}
