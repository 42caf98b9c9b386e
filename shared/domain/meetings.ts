import { z } from 'zod';
import {
  LIMITS,
  idSchema,
  instantSchema,
  isoDateSchema,
  optionalText,
  recordMeta,
  requiredName,
  richText,
  timeOfDaySchema,
} from './common';
import { distributionSchema } from './distribution';
import { isRichTextEmpty } from '../rich-text/rich-text';

/** A date the user must give: an empty field gets its own message rather than a format complaint. */
export const requiredDate = (missing: string) => z.string().trim().min(1, missing).pipe(isoDateSchema);

export const MEETING_KINDS = ['annual', 'periodic', 'adhoc'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  annual: 'Annual',
  periodic: 'Periodic',
  adhoc: 'Ad hoc',
};

export const MEETING_STATUSES = ['planned', 'held', 'finalised'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const ATTENDANCE = ['present', 'apologies', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};
export const isActionOpen = (status: ActionStatus): boolean => status === 'open' || status === 'in-progress';

// ── Agenda templates ──────────────────────────────────────────────────────────

export const templateItemSchema = z.strictObject({
  id: idSchema,
  title: requiredName('Item title'),
  guidance: optionalText(LIMITS.shortText),
});
export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateFieldsSchema = z.strictObject({
  name: requiredName('Template name'),
  kind: z.enum(MEETING_KINDS),
  items: z.array(templateItemSchema).max(200),
});
export type TemplateFields = z.infer<typeof templateFieldsSchema>;

export const agendaTemplateSchema = z.strictObject({
  ...recordMeta,
  ...templateFieldsSchema.shape,
  /** Set on the built-in templates so they can be restored to their defaults. */
  builtInKey: z.string().max(40).nullable(),
});
export type AgendaTemplate = z.infer<typeof agendaTemplateSchema>;

// ── Meetings ──────────────────────────────────────────────────────────────────

export const attendeeSchema = z.strictObject({
  id: idSchema,
  /** The unit contact invited, or null for an IT attendee entered by name. */
  contactId: idSchema.nullable(),
  name: requiredName('Attendee name'),
  side: z.enum(['business', 'it']),
  role: optionalText(LIMITS.name),
  attendance: z.enum(ATTENDANCE).nullable(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const decisionSchema = z.strictObject({
  id: idSchema,
  /** Rich text (shared/rich-text). */
  text: richText(LIMITS.shortText)
    .trim()
    .refine((text) => !isRichTextEmpty(text), 'A decision needs some text.'),
});
export type Decision = z.infer<typeof decisionSchema>;

export const agendaItemSchema = z.strictObject({
  id: idSchema,
  title: requiredName('Item title'),
  guidance: optionalText(LIMITS.shortText),
  /** Rich text (shared/rich-text). */
  minutes: richText(LIMITS.minutes),
  decisions: z.array(decisionSchema).max(500),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

export const meetingHistoryEntrySchema = z.strictObject({
  at: instantSchema,
  event: z.enum(['planned', 'held', 'finalised', 'reopened']),
  reason: optionalText(LIMITS.shortText),
});
export type MeetingHistoryEntry = z.infer<typeof meetingHistoryEntrySchema>;

/**
 * Where a meeting sits in a series planned ahead (shared/domain/meeting-series): `occurrence` is the date
 * the series' rule gives it, kept when the meeting moves, since calendars know it by that date.
 */
export const seriesLinkSchema = z.strictObject({ id: idSchema, occurrence: isoDateSchema });
export type SeriesLink = z.infer<typeof seriesLinkSchema>;

export const meetingSchema = z.strictObject({
  ...recordMeta,
  unitId: idSchema,
  kind: z.enum(MEETING_KINDS),
  templateId: idSchema.nullable(),
  date: isoDateSchema,
  time: timeOfDaySchema.or(z.literal('')),
  location: optionalText(LIMITS.name * 5),
  periodStart: isoDateSchema.nullable(),
  periodEnd: isoDateSchema.nullable(),
  /** Ad hoc meetings: why the meeting was called (a serious complaint, a new requirement, …). */
  trigger: optionalText(LIMITS.shortText),
  chair: optionalText(LIMITS.name),
  minuteTaker: optionalText(LIMITS.name),
  attendees: z.array(attendeeSchema).max(500),
  agenda: z.array(agendaItemSchema).max(200),
  /** Actions carried into this meeting; frozen when the meeting is finalised. */
  carriedActionIds: z.array(idSchema).max(LIMITS.list * 10),
  status: z.enum(MEETING_STATUSES),
  history: z.array(meetingHistoryEntrySchema).max(1000),
  previousMeetingId: idSchema.nullable(),
  nextMeetingId: idSchema.nullable(),
  /** The calendar invitation's SEQUENCE: raised on every change of date, time or place (absent: 0). */
  invitationSequence: z.number().int().min(0).max(1_000_000).optional(),
  /** Minutes and agenda mails written for this meeting (absent in files from before they existed). */
  distributions: z.array(distributionSchema).max(1000).optional(),
  /** Absent for a meeting planned on its own. */
  series: seriesLinkSchema.optional(),
});
export type Meeting = z.infer<typeof meetingSchema>;

// ── Action items ──────────────────────────────────────────────────────────────

export const actionUpdateSchema = z.strictObject({
  id: idSchema,
  /** The meeting in which the update was given, or null when recorded outside a meeting. */
  meetingId: idSchema.nullable(),
  date: isoDateSchema,
  note: optionalText(LIMITS.shortText),
  status: z.enum(ACTION_STATUSES),
  /** Who recorded a change made outside a meeting (the BRM named in Settings); absent for meeting updates. */
  by: optionalText(LIMITS.name).optional(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const actionFieldsSchema = z.strictObject({
  title: z.string().trim().min(1, 'An action needs a title.').max(LIMITS.shortText),
  owner: optionalText(LIMITS.name),
  dueDate: requiredDate('Choose a due date.'),
});
export type ActionFields = z.infer<typeof actionFieldsSchema>;

export const actionItemSchema = z.strictObject({
  ...recordMeta,
  ...actionFieldsSchema.shape,
  unitId: idSchema,
  status: z.enum(ACTION_STATUSES),
  raisedInMeetingId: idSchema.nullable(),
  agendaItemId: idSchema.nullable(),
  trail: z.array(actionUpdateSchema).max(1000),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

// ── Planning ──────────────────────────────────────────────────────────────────

/** Someone invited to a meeting, as planned; attendance is recorded separately while it runs. */
export const inviteeSchema = attendeeSchema.omit({ attendance: true });
export type Invitee = z.infer<typeof inviteeSchema>;

/** What the BRM fills in when planning (or re-planning) a meeting. */
export const meetingPlanFieldsSchema = z
  .strictObject({
    kind: z.enum(MEETING_KINDS),
    templateId: idSchema.nullable(),
    date: requiredDate('Choose the date of the meeting.'),
    time: timeOfDaySchema.or(z.literal('')),
    location: optionalText(LIMITS.name * 5),
    periodStart: isoDateSchema.nullable(),
    periodEnd: isoDateSchema.nullable(),
    trigger: optionalText(LIMITS.shortText),
    chair: optionalText(LIMITS.name),
    minuteTaker: optionalText(LIMITS.name),
    invitees: z.array(inviteeSchema).max(500),
  })
  .superRefine((plan, ctx) => {
    if ((plan.periodStart === null) !== (plan.periodEnd === null)) {
      const path = plan.periodStart === null ? 'periodStart' : 'periodEnd';
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: 'Give both ends of the period under review, or neither.',
      });
    } else if (plan.periodStart && plan.periodEnd && plan.periodEnd < plan.periodStart) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodEnd'],
        message: 'The period under review ends before it starts.',
      });
    }
    if (plan.kind === 'adhoc' && plan.trigger.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['trigger'],
        message: 'Say what triggered this ad hoc review (a serious complaint, a new requirement, …).',
      });
    }
  });
export type MeetingPlanFields = z.infer<typeof meetingPlanFieldsSchema>;

/** What lists of meetings need (no minutes, attendees or history): kept for every meeting without reading it. */
export type MeetingHeader = Pick<
  Meeting,
  | 'id'
  | 'unitId'
  | 'kind'
  | 'templateId'
  | 'date'
  | 'time'
  | 'location'
  | 'periodStart'
  | 'periodEnd'
  | 'trigger'
  | 'status'
  | 'previousMeetingId'
  | 'nextMeetingId'
> & {
  decisionCount: number;
  /** Contacts recorded present: "last met" for the engagement cadence, without reading the meeting. */
  presentContactIds: string[];
  /** Every decision with its agenda item's title: the decision register, without reading the meeting. */
  decisions: Array<{ id: string; itemTitle: string; text: string }>;
};

/** A header as kept in the summaries file: checked when read, since that file is only a cache. */
export const meetingHeaderSchema = meetingSchema
  .pick({
    id: true,
    unitId: true,
    kind: true,
    templateId: true,
    date: true,
    time: true,
    location: true,
    periodStart: true,
    periodEnd: true,
    trigger: true,
    status: true,
    previousMeetingId: true,
    nextMeetingId: true,
  })
  .extend({
    decisionCount: z.number().int().min(0),
    presentContactIds: z.array(idSchema),
    decisions: z.array(z.strictObject({ id: idSchema, itemTitle: z.string(), text: z.string() })),
  });

export const meetingHeaderOf = (m: Meeting): MeetingHeader => ({
  id: m.id,
  unitId: m.unitId,
  kind: m.kind,
  templateId: m.templateId,
  date: m.date,
  time: m.time,
  location: m.location,
  periodStart: m.periodStart,
  periodEnd: m.periodEnd,
  trigger: m.trigger,
  status: m.status,
  previousMeetingId: m.previousMeetingId,
  nextMeetingId: m.nextMeetingId,
  decisionCount: m.agenda.reduce((n, item) => n + item.decisions.length, 0),
  presentContactIds: m.attendees.flatMap((a) =>
    a.contactId && a.attendance === 'present' ? [a.contactId] : [],
  ),
  decisions: m.agenda.flatMap((item) =>
    item.decisions.map((d) => ({ id: d.id, itemTitle: item.title, text: d.text })),
  ),
});
