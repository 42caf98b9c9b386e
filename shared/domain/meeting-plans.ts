import { CONTACT_ROLE_LABELS, sideOfRole, type Contact, type ContactRole } from './customers';
import { newId } from './ids';
import { NEARBY_MEETING_DAYS, daysApart, defaultPeriod, nextMeetingDate } from './meeting-dates';
import type { Invitee, Meeting, MeetingKind, MeetingPlanFields } from './meetings';

/**
 * Who is invited by default, and what the next meeting of a series looks like before the BRM changes it:
 * an annual review is the customer's and purchasers' meeting; a periodic review continues with the people
 * who came to the last one.
 */

/** The roles invited to an annual review without asking. */
export const ANNUAL_REVIEW_ROLES: readonly ContactRole[] = ['customer', 'purchaser'];

export const inviteeOfContact = (contact: Contact): Invitee => ({
  id: newId(),
  contactId: contact.id,
  name: contact.name,
  side: sideOfRole(contact.role),
  role: contact.title || CONTACT_ROLE_LABELS[contact.role],
});

/** A meeting's attendees who were there; every invitee when no attendance was recorded. */
export function attendeesPresent(meeting: Meeting): Invitee[] {
  const recorded = meeting.attendees.some((a) => a.attendance !== null);
  return meeting.attendees
    .filter((a) => !recorded || a.attendance === 'present')
    .map(({ attendance: _attendance, ...invitee }) => ({ ...invitee, id: newId() }));
}

/**
 * The invitees ticked when a meeting is planned: for an annual review the unit's customer and purchasers;
 * for a periodic review whoever attended `previous` (the unit's latest meeting before it); nobody for ad hoc.
 */
export function defaultInvitees(
  kind: MeetingKind,
  contacts: readonly Contact[],
  previous: Meeting | null,
): Invitee[] {
  if (kind === 'annual') {
    return contacts.filter((c) => ANNUAL_REVIEW_ROLES.includes(c.role)).map(inviteeOfContact);
  }
  if (kind === 'periodic' && previous) return attendeesPresent(previous);
  return [];
}

/** The latest meeting on or before `date`, if any. */
export const latestBefore = <M extends Pick<Meeting, 'date'>>(
  date: string,
  meetings: readonly M[],
): M | null =>
  meetings
    .filter((m) => m.date <= date)
    .sort((a, b) => b.date.localeCompare(a.date))
    .at(0) ?? null;

/**
 * The plan proposed for the periodic review after `meeting`: the same weekday pattern a month later, its
 * time, place, chair, minute-taker and template (when it still exists), and the people who attended.
 */
export function nextMeetingPlan(meeting: Meeting, templateId: string | null): MeetingPlanFields {
  const date = nextMeetingDate(meeting.date);
  const period = defaultPeriod('periodic', date);
  return {
    kind: 'periodic',
    templateId,
    date,
    time: meeting.time,
    location: meeting.location,
    periodStart: period?.periodStart ?? null,
    periodEnd: period?.periodEnd ?? null,
    trigger: '',
    chair: meeting.chair,
    minuteTaker: meeting.minuteTaker,
    invitees: attendeesPresent(meeting),
  };
}

/** Other meetings of the unit within a few days of `date`, nearest first (the planner warns about them). */
export function meetingsNear<M extends Pick<Meeting, 'id' | 'date'>>(
  date: string,
  meetings: readonly M[],
  exceptId?: string,
  days = NEARBY_MEETING_DAYS,
): M[] {
  return meetings
    .filter((m) => m.id !== exceptId && daysApart(m.date, date) <= days)
    .sort((a, b) => daysApart(a.date, date) - daysApart(b.date, date));
}

/**
 * The names offered as an action's owner: the meeting's attendees, every contact of the unit, the unit's IT
 * contact and the owners of its actions so far, without repeats, sorted. The field also takes any other name.
 */
export function actionOwnerChoices(sources: {
  attendees: readonly Pick<Invitee, 'name'>[];
  contacts: readonly Pick<Contact, 'name'>[];
  itContact: string;
  owners: readonly string[];
}): string[] {
  const names = [
    ...sources.attendees.map((a) => a.name),
    ...sources.contacts.map((c) => c.name),
    sources.itContact,
    ...sources.owners,
  ].map((n) => n.trim());
  return [...new Set(names.filter(Boolean))].sort((a, b) => a.localeCompare(b));
}
