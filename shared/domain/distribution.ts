/**
 * Sending a meeting's documents and calendar invitations: who receives them, and what the meeting
 * remembers of it. Nothing is sent by the app; it writes files the BRM's own mail and calendar open.
 */
import { z } from 'zod';
import { LIMITS, emailSchema, instantSchema } from './common';
import type { Contact } from './customers';
// Types only: meetings.ts imports this file's schema, so a value import back would be a cycle.
import type { Meeting } from './meetings';

export const DISTRIBUTION_KINDS = ['minutes', 'agenda'] as const;
export type DistributionKind = (typeof DISTRIBUTION_KINDS)[number];

/** One minutes (or agenda) mail written for a meeting: "sent to N people on …" on the meeting page. */
export const distributionSchema = z.strictObject({
  at: instantSchema,
  kind: z.enum(DISTRIBUTION_KINDS),
  /** Whether the minutes attached were still a draft. */
  draft: z.boolean(),
  to: z.array(z.string().max(LIMITS.name)).max(500),
  cc: z.array(z.string().max(LIMITS.name)).max(50),
});
export type Distribution = z.infer<typeof distributionSchema>;

/** Addresses typed into the Cc field of the send dialog. */
export const ccListSchema = z.array(emailSchema.pipe(z.string().min(1, 'Enter an address.'))).max(50);

export interface Recipient {
  name: string;
  email: string;
}

/**
 * Everyone invited, absentees included (seed 004: the minutes go to all invitees). An invitee with no
 * address on file is returned in `missing`, so the BRM sees who must be reached another way.
 */
export function recipientsOf(
  meeting: Pick<Meeting, 'attendees'>,
  contacts: readonly Pick<Contact, 'id' | 'email'>[],
): { to: Recipient[]; missing: string[] } {
  const emailOf = new Map(contacts.map((c) => [c.id, c.email.trim()]));
  const to: Recipient[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const attendee of meeting.attendees) {
    const email = attendee.contactId ? (emailOf.get(attendee.contactId) ?? '') : '';
    if (!email) missing.push(attendee.name);
    else if (!seen.has(email.toLowerCase())) {
      seen.add(email.toLowerCase());
      to.push({ name: attendee.name, email });
    }
  }
  return { to, missing };
}

/** "Minutes: Retail periodic review, 2026-11-24" (or "DRAFT minutes…", "Agenda pre-read…"). */
export function distributionSubject(
  kind: DistributionKind,
  meeting: { kindLabel: string; date: string },
  unitName: string,
  draft: boolean,
): string {
  const what = kind === 'agenda' ? 'Agenda pre-read' : draft ? 'DRAFT minutes' : 'Minutes';
  return `${what}: ${unitName} ${meeting.kindLabel.toLowerCase()} review, ${meeting.date}`;
}

/**
 * Calendars replace an invitation only when its SEQUENCE is higher than the one they hold, so every
 * change of date, time or place raises it; other edits (agenda, chair) leave it alone.
 */
export function nextInvitationSequence(
  before: Pick<Meeting, 'date' | 'time' | 'location' | 'invitationSequence'>,
  after: Pick<Meeting, 'date' | 'time' | 'location'>,
): number {
  const sequence = before.invitationSequence ?? 0;
  const moved =
    before.date !== after.date || before.time !== after.time || before.location !== after.location;
  return moved ? sequence + 1 : sequence;
}

/** "Sent to 5 people on 2026-11-24" for the latest mail of the given kind, or null. */
export function lastDistribution(
  meeting: Pick<Meeting, 'distributions'>,
  kind: DistributionKind,
): Distribution | null {
  return (meeting.distributions ?? []).findLast((d) => d.kind === kind) ?? null;
}
