import { useCallback, useMemo, useState } from 'react';
import { defaultPeriod, todayOf } from '../../shared/domain/meeting-dates';
import { inviteeOfContact, meetingsNear, nextMeetingPlan } from '../../shared/domain/meeting-plans';
import {
  meetingPlanFieldsSchema,
  type AgendaTemplate,
  type Invitee,
  type Meeting,
  type MeetingKind,
  type MeetingPlanFields,
} from '../../shared/domain/meetings';
import type { SeriesRepeat } from '../../shared/domain/meeting-series';
import { useAppStore } from '../app/store';
import { api } from '../platform/workbook-api';
import { useUnitChoice } from '../ui/unit-filter';
import { useDialogForm } from '../ui/use-dialog-form';
import { useDefaultInvitees, useUnitMeetings } from './use-plan-context';

/** What the planner is opened for: a new meeting, a changed plan, or the next meeting of a series. */
export interface PlanMeetingRequest {
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
}

/** The kind's built-in template if it is still there, else any template of the kind. */
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
 * Saves `fields` as `request` asks: the changed plan, the next meeting of the series, a new series or one
 * meeting. Resolves to the meeting to open (a series' first).
 */
async function savePlan(
  request: PlanMeetingRequest,
  unitId: string,
  repeat: SeriesRepeat | null,
  fields: MeetingPlanFields,
): Promise<string> {
  if (request.meeting) {
    await api.updateMeetingPlan({ id: request.meeting.id, fields });
    return request.meeting.id;
  }
  if (request.after) return (await api.planNextMeeting({ id: request.after.id, fields })).id;
  if (repeat && fields.kind === 'periodic') {
    return (await api.planMeetingSeries({ unitId, fields, repeat })).firstMeetingId;
  }
  return (await api.planMeeting({ unitId, fields })).id;
}

/**
 * The planner's form: the plan, the unit it is for, and what follows from them. The period under review
 * follows the kind and date, and the invitees the unit, kind and date, until the BRM edits them.
 */
export function useMeetingPlanForm(request: PlanMeetingRequest) {
  const contacts = useAppStore((s) => s.directory.contacts);
  const [templates, setTemplates] = useState<AgendaTemplate[]>([]);
  const { unitId, unitError, chooseUnit, isUnitChosen } = useUnitChoice(
    request.meeting?.unitId ?? request.after?.unitId ?? request.unitId ?? '',
  );
  const [periodEdited, setPeriodEdited] = useState(false);
  const [inviteesEdited, setInviteesEdited] = useState(false);
  // A new periodic review may be planned as a series; null plans one meeting.
  const [repeat, setRepeat] = useState<SeriesRepeat | null>(null);
  const proposal = (list: readonly AgendaTemplate[]): MeetingPlanFields => {
    const plan = initialPlan(list, request.meeting, request.preset?.kind ?? 'periodic');
    return request.preset && !request.meeting ? { ...plan, trigger: request.preset.trigger } : plan;
  };
  const { after } = request;
  // The proposal shows at once; the template list only confirms that the series' template still exists.
  const form = useDialogForm(
    meetingPlanFieldsSchema,
    request.open,
    () => (after ? nextMeetingPlan(after, after.templateId) : proposal([])),
    () => {
      chooseUnit(request.meeting?.unitId ?? after?.unitId ?? request.unitId ?? '');
      setPeriodEdited(Boolean(request.meeting));
      setInviteesEdited(Boolean(request.meeting ?? after));
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
  const unitMeetings = useUnitMeetings(request.open, unitId);
  useDefaultInvitees({
    active: request.open && !inviteesEdited,
    kind: values.kind,
    date: values.date,
    contacts: unitContacts,
    meetings: unitMeetings,
    apply: useCallback((invitees: Invitee[]) => set('invitees', invitees), [set]),
  });

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

  return {
    form,
    values,
    templates,
    unitId,
    unitError,
    unitContacts,
    nearby: meetingsNear(values.date, unitMeetings, request.meeting?.id),
    repeat,
    setRepeat,
    setKindOrDate,
    /** A new kind brings its own template. */
    chooseKind: (kind: MeetingKind) => {
      setKindOrDate(kind, values.date);
      form.set('templateId', templateFor(templates, kind)?.id ?? null);
    },
    /** Another unit's contacts are no longer invited; IT attendees by name stay. */
    changeUnit: (id: string) => {
      chooseUnit(id);
      setInvitees(values.invitees.filter((i) => i.contactId === null));
    },
    setPeriod: (end: 'periodStart' | 'periodEnd', value: string) => {
      setPeriodEdited(true);
      form.set(end, value || null);
    },
    setInvitees,
    toggleContact: (contactId: string, checked: boolean) => {
      const contact = unitContacts.find((c) => c.id === contactId);
      if (!contact) return;
      setInvitees(
        checked
          ? [...values.invitees, inviteeOfContact(contact)]
          : values.invitees.filter((i) => i.contactId !== contactId),
      );
    },
    save: () => {
      if (!request.meeting && !isUnitChosen('Choose the business unit the meeting is with.')) return;
      void form
        .submit(async (fields) => request.onSaved(await savePlan(request, unitId, repeat, fields)))
        .then((ok) => ok && request.onClose());
    },
  };
}
