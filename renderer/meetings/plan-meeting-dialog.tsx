import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { CONTACT_ROLE_LABELS, sideOfRole } from '../../shared/domain/customers';
import { newId } from '../../shared/domain/ids';
import { defaultPeriod, todayOf } from '../../shared/domain/meeting-dates';
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
import { useForm } from '../ui/use-form';
import { IT_ROLE_SUGGESTIONS } from './meeting-labels';
import { useUnitChoice } from '../ui/unit-filter';
import { OverdueInviteeSuggestion } from '../app/feature-parts';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  row3: { display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', gap: tokens.spacingHorizontalM },
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: 'none',
    padding: 0,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  itRow: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
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
  /** Prefills a new meeting, e.g. an ad hoc review called for a serious complaint. */
  preset?: { kind: MeetingKind; trigger: string };
  onClose: () => void;
  onSaved: (meetingId: string) => void;
}) {
  const styles = useStyles();
  const { units, contacts } = useAppStore((s) => s.directory);
  const [templates, setTemplates] = useState<AgendaTemplate[]>([]);
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(
    props.meeting?.unitId ?? props.unitId ?? '',
  );
  const [periodEdited, setPeriodEdited] = useState(false);
  const form = useForm(meetingPlanFieldsSchema, initialPlan([], props.meeting, 'periodic'));
  const { reset } = form;
  const values = form.values as MeetingPlanFields;

  useEffect(() => {
    if (!props.open) return;
    chooseUnit(props.meeting?.unitId ?? props.unitId ?? '');
    setPeriodEdited(Boolean(props.meeting));
    void api.listTemplates({}).then((list) => {
      setTemplates(list);
      const plan = initialPlan(list, props.meeting, props.preset?.kind ?? 'periodic');
      reset(props.preset && !props.meeting ? { ...plan, trigger: props.preset.trigger } : plan);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.open]);

  const unitContacts = useMemo(() => contacts.filter((c) => c.unitId === unitId), [contacts, unitId]);
  // IT people entered by name; an invited IT-stakeholder contact is ticked among the unit's contacts.
  const itInvitees = values.invitees.filter((i) => i.side === 'it' && i.contactId === null);
  const labelOf = useUnitLabels();
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

  const setInvitees = (invitees: Invitee[]) => form.set('invitees', invitees);
  const toggleContact = (contactId: string, checked: boolean) => {
    const contact = unitContacts.find((c) => c.id === contactId);
    if (!contact) return;
    setInvitees(
      checked
        ? [
            ...values.invitees,
            {
              id: newId(),
              contactId,
              name: contact.name,
              side: sideOfRole(contact.role),
              role: contact.title || CONTACT_ROLE_LABELS[contact.role],
            },
          ]
        : values.invitees.filter((i) => i.contactId !== contactId),
    );
  };
  const updateIt = (id: string, change: Partial<Invitee>) =>
    setInvitees(values.invitees.map((i) => (i.id === id ? { ...i, ...change } : i)));

  const save = () => {
    if (!props.meeting && !isUnitChosen('Choose the business unit the meeting is with.')) return;
    void form
      .submit(async (fields) => {
        if (props.meeting) {
          await api.updateMeetingPlan({ id: props.meeting.id, fields });
          props.onSaved(props.meeting.id);
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
      title={props.meeting ? 'Edit meeting plan' : 'Plan a service review'}
      submitLabel={props.meeting ? 'Save plan' : 'Plan meeting'}
      saving={form.saving}
      formError={form.formError}
      onSubmit={save}
      onClose={props.onClose}
    >
      {props.unitId || props.meeting ? null : (
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
            <option value="">No template (empty agenda)</option>
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
      <div className={styles.row3}>
        <Field label="Date" required validationMessage={form.errors.date}>
          <Input type="date" value={values.date} onChange={(_, d) => setKindOrDate(values.kind, d.value)} />
        </Field>
        <Field label="Time" validationMessage={form.errors.time}>
          <Input type="time" value={values.time} onChange={(_, d) => form.set('time', d.value)} />
        </Field>
        <Field label="Location or online link" validationMessage={form.errors.location}>
          <Input value={values.location} onChange={(_, d) => form.set('location', d.value)} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Period under review from" validationMessage={form.errors.periodStart}>
          <Input
            type="date"
            value={values.periodStart ?? ''}
            onChange={(_, d) => {
              setPeriodEdited(true);
              form.set('periodStart', d.value || null);
            }}
          />
        </Field>
        <Field label="Period under review to" validationMessage={form.errors.periodEnd}>
          <Input
            type="date"
            value={values.periodEnd ?? ''}
            onChange={(_, d) => {
              setPeriodEdited(true);
              form.set('periodEnd', d.value || null);
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
      <fieldset className={styles.group}>
        <legend className={styles.legend}>IT attendees</legend>
        <datalist id="it-role-suggestions">
          {IT_ROLE_SUGGESTIONS.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
        {itInvitees.map((invitee, index) => (
          <div key={invitee.id} className={styles.itRow}>
            <Field
              label={`IT attendee ${index + 1} name`}
              validationMessage={form.errors[`invitees.${values.invitees.indexOf(invitee)}.name`]}
            >
              <Input value={invitee.name} onChange={(_, d) => updateIt(invitee.id, { name: d.value })} />
            </Field>
            <Field label={`IT attendee ${index + 1} role`}>
              <Input
                list="it-role-suggestions"
                value={invitee.role}
                onChange={(_, d) => updateIt(invitee.id, { role: d.value })}
              />
            </Field>
            <Button
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-label={`Remove IT attendee ${index + 1}`}
              onClick={() => setInvitees(values.invitees.filter((i) => i.id !== invitee.id))}
            />
          </div>
        ))}
        <div>
          <Button
            icon={<Add20Regular />}
            onClick={() =>
              setInvitees([
                ...values.invitees,
                { id: newId(), contactId: null, name: '', side: 'it', role: '' },
              ])
            }
          >
            Add IT attendee
          </Button>
        </div>
      </fieldset>
    </FormDialog>
  );
}
