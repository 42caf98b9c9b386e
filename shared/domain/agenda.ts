import { isActionOpen, type ActionItem, type ActionUpdate, type AgendaItem, type Meeting } from './meetings';

export const CARRIED_ACTIONS_TITLE = 'Actions from previous meetings';

/** An action carried into a meeting, with what was said about it before and in this meeting. */
export interface CarriedAction {
  action: ActionItem;
  /** The newest update given, this meeting's included: what the card and the pre-read show as "Latest update". */
  latestUpdate: ActionUpdate | null;
  /** The update recorded in this meeting, if one was given. */
  updateInThisMeeting: ActionUpdate | null;
}

export type AssembledAgendaEntry =
  { kind: 'carried-actions'; title: string; actions: CarriedAction[] } | { kind: 'item'; item: AgendaItem };

const byDueDate = (a: ActionItem, b: ActionItem) =>
  a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);

/**
 * The actions a meeting reviews. While the meeting is open this is every open action of the unit raised
 * elsewhere, plus any that were updated in this meeting (closing one keeps it in the record) and any carried
 * in when it was planned. Once finalised, the list is the frozen `carriedActionIds`.
 */
export function carriedActions(meeting: Meeting, unitActions: readonly ActionItem[]): CarriedAction[] {
  const frozen = new Set(meeting.carriedActionIds);
  const selected = unitActions.filter((a) => {
    if (a.unitId !== meeting.unitId || a.raisedInMeetingId === meeting.id) return false;
    if (meeting.status === 'finalised') return frozen.has(a.id);
    return frozen.has(a.id) || isActionOpen(a.status) || a.trail.some((u) => u.meetingId === meeting.id);
  });
  return selected.sort(byDueDate).map((action) => {
    const inThis = action.trail.filter((u) => u.meetingId === meeting.id);
    return { action, latestUpdate: action.trail.at(-1) ?? null, updateInThisMeeting: inThis.at(-1) ?? null };
  });
}

/** Actions raised in this meeting, in the order of the agenda items that raised them. */
export function newActionsOf(meeting: Meeting, unitActions: readonly ActionItem[]): ActionItem[] {
  const order = new Map(meeting.agenda.map((item, index) => [item.id, index]));
  return unitActions
    .filter((a) => a.raisedInMeetingId === meeting.id)
    .sort(
      (a, b) =>
        (order.get(a.agendaItemId ?? '') ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.agendaItemId ?? '') ?? Number.MAX_SAFE_INTEGER) ||
        a.createdAt.localeCompare(b.createdAt),
    );
}

/** The agenda as shown and exported: "Actions from previous meetings" first, then the template's items. */
export function assembleAgenda(meeting: Meeting, unitActions: readonly ActionItem[]): AssembledAgendaEntry[] {
  return [
    { kind: 'carried-actions', title: CARRIED_ACTIONS_TITLE, actions: carriedActions(meeting, unitActions) },
    ...meeting.agenda.map((item) => ({ kind: 'item' as const, item })),
  ];
}
