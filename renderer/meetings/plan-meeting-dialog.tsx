import {
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { CONTACT_ROLE_LABELS } from '../../shared/domain/customers';
import {
  NEARBY_MEETING_DAYS,
  defaultPeriod,
  formatDayLong,
  todayOf,
} from '../../shared/domain/meeting-dates';
import { inviteeOfContact, meetingsNear, nextMeetingPlan } from '../../shared/domain/meeting-plans';
import {
  MEETING_KINDS,
  MEETING_KIND_LABELS,
  meetingPlanFieldsSchema,
  type AgendaTemplate,
  type Invitee,
  type Meeting,
  type MeetingKind,
  type MeetingPlanFields,
} from '../../shared/domain/meetings';
import { useAppStore } from '../app/store';
import { useUnitLabels } from '../ui/unit-labels';
import { api } from '../platform/workbook-api';
import { FormDialog } from '../ui/form-dialog';
import { useDialogForm } from '../ui/use-dialog-form';
import { ItAttendeesFieldset } from './it-attendees-fieldset';
import { meetingKindTitle } from './meeting-labels';
import { useDefaultInvitees, useUnitMeetings } from './use-plan-context';
import { useUnitChoice } from '../ui/unit-filter';
import { OverdueInviteeSuggestion, SeriesRepeatFields } from '../app/feature-parts';
import { DateInput, TimeInput } from '../ui/typed-date-input';
import type { SeriesRepeat } from '../../shared/domain/meeting-series';

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
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

const templateFor = (templates: readonly AgendaTemplate[], kind: MeetingKind) =>
  templates.find((t) => t.kind === kind && t.builtInKey === kind) ?? templates.find((t) => t.kind === kind);

function initialPlan(
  templates: readonly AgendaTemplate[],
  meeting: Meeting | undefined,
  defaultKind: MeetingKind,
): MeetingPlanFields {
  if (meeting) {
    return {
      kind: meeting.kind,
      templateId: meeting.templateId,
      date: meeting.date,
      time: meeting.time,
      location: meeting.location,
      periodStart: meeting.periodStart,
      periodEnd: meeting.periodEnd,
      trigger: meeting.trigger,
      chair: meeting.chair,
      minuteTaker: meeting.minuteTaker,
      invitees: meeting.attendees.map(({ attendance: _attendance, ...invitee }) => invitee),
    };
  }
  const date = todayOf();
  const period = defaultPeriod(defaultKind, date);
  return {
    kind: defaultKind,
    templateId: templateFor(templates, defaultKind)?.id ?? null,
    date,
    time: '',
    location: '',
    periodStart: period?.periodStart ?? null,
    periodEnd: period?.periodEnd ?? null,
    trigger: '',
    chair: '',
    minuteTaker: '',
    invitees: [],
  };
}

/**
 * Plans a service review for a unit, or changes the plan of `meeting`. The period under review follows the
 * kind and date until the BRM edits it; invitees come from the unit's contacts plus IT attendees by name.
 */
export function PlanMeetingDialog(props: {
  open: boolean;
  /** Fixed when planning from a unit's page; chosen in the dialog otherwise. */
  unitId?: string;
  meeting?: Meeting;
  /** Plans the next periodic review of `after`'s series: its date, template and attendees proposed. */
  after?: Meeting;
  /** Prefills a new meeting, e.g. an ad hoc review called for a serious complaint. */
  preset?: { kind: MeetingKind; trigger: string };
  onClose: () => void;
  onSaved: (meetingId: string) => void;
}) {
  const styles = useStyles();
  const { units, contacts } = useAppStore((s) => s.directory);
  const [templates, setTemplates] = useState<AgendaTemplate[]>([]);
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(
    props.meeting?.unitId ?? props.after?.unitId ?? props.unitId ?? '',
  );
  const [periodEdited, setPeriodEdited] = useState(false);
  const [inviteesEdited, setInviteesEdited] = useState(false);
  // A new periodic review may be planned as a series; null plans one meeting.
  const [repeat, setRepeat] = useState<SeriesRepeat | null>(null);
  const proposal = (list: readonly AgendaTemplate[]): MeetingPlanFields => {
    const plan = initialPlan(list, props.meeting, props.preset?.kind ?? 'periodic');
    return props.preset && !props.meeting ? { ...plan, trigger: props.preset.trigger } : plan;
  };
  const { after } = props;
  // The proposal shows at once; the template list only confirms that the series' template still exists.
  const form = useDialogForm(
    meetingPlanFieldsSchema,
    props.open,
    () => (after ? nextMeetingPlan(after, after.templateId) : proposal([])),
    () => {
      chooseUnit(props.meeting?.unitId ?? after?.unitId ?? props.unitId ?? '');
      setPeriodEdited(Boolean(props.meeting));
      setInviteesEdited(Boolean(props.meeting ?? after));
      setRepeat(null);
      void api.listTemplates({}).then((list) => {
        setTemplates(list);
        if (!after) reset(proposal(list));
        else if (!list.some((t) => t.id === after.templateId)) set('templateId', null);
      });
    },
  );
  const { reset, set } = form;
  const values = form.values as MeetingPlanFields;

  const unitContacts = useMemo(() => contacts.filter((c) => c.unitId === unitId), [contacts, unitId]);
  const labelOf = useUnitLabels();
  const unitMeetings = useUnitMeetings(props.open, unitId);
  useDefaultInvitees({
    active: props.open && !inviteesEdited,
    kind: values.kind,
    date: values.date,
    contacts: unitContacts,
    meetings: unitMeetings,
    apply: useCallback((invitees: Invitee[]) => set('invitees', invitees), [set]),
  });
  const nearby = meetingsNear(values.date, unitMeetings, props.meeting?.id);
  const activeUnits = units.filter((u) => !u.archived || u.id === unitId);

  /** Kind and date drive the default period until the BRM sets one. */
  const setKindOrDate = (kind: MeetingKind, date: string) => {
    form.set('kind', kind);
    form.set('date', date);
    if (!periodEdited && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
      const period = defaultPeriod(kind, date);
      form.set('periodStart', period?.periodStart ?? null);
      form.set('periodEnd', period?.periodEnd ?? null);
    }
  };

  const setInvitees = (invitees: Invitee[]) => {
    setInviteesEdited(true);
    form.set('invitees', invitees);
  };
  const toggleContact = (contactId: string, checked: boolean) => {
    const contact = unitContacts.find((c) => c.id === contactId);
    if (!contact) return;
    setInvitees(
      checked
        ? [...values.invitees, inviteeOfContact(contact)]
        : values.invitees.filter((i) => i.contactId !== contactId),
    );
  };

  const save = () => {
    if (!props.meeting && !isUnitChosen('Choose the business unit the meeting is with.')) return;
    void form
      .submit(async (fields) => {
        if (props.meeting) {
          await api.updateMeetingPlan({ id: props.meeting.id, fields });
          props.onSaved(props.meeting.id);
        } else if (props.after) {
          const next = await api.planNextMeeting({ id: props.after.id, fields });
          props.onSaved(next.id);
        } else if (repeat && fields.kind === 'periodic') {
          const { firstMeetingId } = await api.planMeetingSeries({ unitId, fields, repeat });
          props.onSaved(firstMeetingId);
        } else {
          const meeting = await api.planMeeting({ unitId, fields });
          props.onSaved(meeting.id);
        }
      })
      .then((ok) => ok && props.onClose());
  };

  const kindTemplates = templates.filter((t) => t.kind === values.kind);
  const otherTemplates = templates.filter((t) => t.kind !== values.kind);

  return (
    <FormDialog
      open={props.open}
      title={
        props.meeting ? 'Edit meeting plan' : props.after ? 'Plan the next meeting' : 'Plan a service review'
      }
      submitLabel={
        props.meeting ? 'Save plan' : repeat && values.kind === 'periodic' ? 'Plan series' : 'Plan meeting'
      }
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      {props.unitId || props.meeting || props.after ? null : (
        <Field label="Business unit" required validationMessage={unitError}>
          <Select
            value={unitId}
            onChange={(_, d) => {
              chooseUnit(d.value);
              setInvitees(values.invitees.filter((i) => i.contactId === null));
            }}
          >
            <option value="">Choose a unit…</option>
            {activeUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {labelOf(u.id)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <Field label="Kind of review">
          <Select
            value={values.kind}
            onChange={(_, d) => {
              const kind = d.value as MeetingKind;
              setKindOrDate(kind, values.date);
              form.set('templateId', templateFor(templates, kind)?.id ?? null);
            }}
          >
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {MEETING_KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Agenda template"
          validationMessage={form.errors.templateId}
          hint={
            props.meeting ? 'Changing it replaces the agenda only while no minutes are written.' : undefined
          }
        >
          <Select
            value={values.templateId ?? ''}
            onChange={(_, d) => form.set('templateId', d.value || null)}
          >
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
            <option value="">
              {props.after ? "No template (this meeting's agenda)" : 'No template (empty agenda)'}
            </option>
          </Select>
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
          <DateInput value={values.date} onChange={(value) => setKindOrDate(values.kind, value)} />
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
        <SeriesRepeatFields date={values.date} value={repeat} onChange={setRepeat} />
      ) : null}
      {nearby.length ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>
              Another meeting of this unit is within {NEARBY_MEETING_DAYS} days
            </MessageBarTitle>
            {nearby.map((m) => `${meetingKindTitle(m.kind)} on ${formatDayLong(m.date)}`).join('; ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.row}>
        <Field label="Period under review from" validationMessage={form.errors.periodStart}>
          <DateInput
            value={values.periodStart ?? ''}
            onChange={(value) => {
              setPeriodEdited(true);
              form.set('periodStart', value || null);
            }}
          />
        </Field>
        <Field label="Period under review to" validationMessage={form.errors.periodEnd}>
          <DateInput
            value={values.periodEnd ?? ''}
            onChange={(value) => {
              setPeriodEdited(true);
              form.set('periodEnd', value || null);
            }}
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
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Invite from the business</legend>
        <OverdueInviteeSuggestion
          unitId={unitId}
          invitedContactIds={values.invitees.flatMap((i) => (i.contactId ? [i.contactId] : []))}
          onInvite={(id) => toggleContact(id, true)}
        />
        {unitContacts.length ? (
          unitContacts.map((c) => (
            <Checkbox
              key={c.id}
              label={`${c.name} (${CONTACT_ROLE_LABELS[c.role]}${c.title ? `, ${c.title}` : ''})`}
              checked={values.invitees.some((i) => i.contactId === c.id)}
              onChange={(_, d) => toggleContact(c.id, d.checked === true)}
            />
          ))
        ) : (
          <Text className={styles.hint}>
            {unitId ? 'This unit has no contacts yet.' : 'Choose a unit to see its contacts.'}
          </Text>
        )}
      </fieldset>
      <ItAttendeesFieldset invitees={values.invitees} errors={form.errors} onChange={setInvitees} />
    </FormDialog>
  );
}
