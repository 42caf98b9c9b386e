import { z } from 'zod';
import type { MeetingRef } from '../domain/action-trail';
import { LIMITS, idSchema, isoDateSchema, optionalText, requiredName } from '../domain/common';
import {
  ACTION_STATUSES,
  ATTENDANCE,
  actionFieldsSchema,
  agendaItemSchema,
  decisionSchema,
  meetingPlanFieldsSchema,
  templateFieldsSchema,
  type ActionItem,
  type AgendaTemplate,
  type Meeting,
  type MeetingHeader,
} from '../domain/meetings';
import { method } from './define';

/** The most actions one register page may ask for. */
export const ACTION_PAGE_LIMIT = 1000;

/** The action register's sortable columns. */
export const ACTION_SORT_KEYS = ['due', 'title', 'owner', 'status', 'unit'] as const;
export type ActionSortKey = (typeof ACTION_SORT_KEYS)[number];
export interface ActionSort {
  by: ActionSortKey;
  direction: 'ascending' | 'descending';
}

/** A meeting as listed (sidebar "Meetings", a unit's page): no minutes. */
export type MeetingSummary = MeetingHeader & { actionCount: number };

/**
 * One meeting with the actions it needs: those carried into it (see `carriedActions`) and those raised in
 * it. Feed both to `assembleAgenda` for the agenda as shown and exported.
 */
export interface MeetingDetail {
  meeting: Meeting;
  actions: ActionItem[];
}

/**
 * An action as the register lists it: what its row shows, sorts and filters on. Its trail is asked for
 * with `getAction` when the BRM opens it: a team-sized workbook holds 300,000 actions, and the register
 * answers from a digest of these rows without reading every unit's file.
 */
export type ActionRow = Omit<ActionItem, ActionRowOmits> & {
  /** How many updates its trail holds. */
  updates: number;
};
/** What a row leaves out of an action: every other field of an action item is a column of the register. */
export type ActionRowOmits = 'trail' | 'createdAt' | 'updatedAt' | 'agendaItemId';

/**
 * The action register: the actions that pass the filter, sorted by due date, and what they refer to. With a
 * `page`, only that slice of them (ten years hold 30,000 actions: the register view fetches what it shows).
 */
export interface ActionRegister {
  /** The matching actions from `offset` on (all of them without a page). */
  actions: ActionRow[];
  /** Where `actions` starts among the matching actions. */
  offset: number;
  /** How many actions pass the filter. */
  matching: number;
  /** Every meeting these actions were raised in, by id. */
  meetings: Record<string, MeetingRef>;
  /** Every owner named on any action, for the owner filter. */
  owners: string[];
  /** How many actions exist before filtering. */
  total: number;
}

/** One action whole, with every meeting it was raised or updated in, by id. */
export interface ActionWithTrail {
  action: ActionItem;
  meetings: Record<string, MeetingRef>;
}

const meetingItem = { meetingId: idSchema, itemId: idSchema };

export const meetingsContract = {
  // Agenda templates
  listTemplates: method<AgendaTemplate[]>()(z.strictObject({})),
  createTemplate: method<AgendaTemplate>()(z.strictObject({ fields: templateFieldsSchema })),
  copyTemplate: method<AgendaTemplate>()(z.strictObject({ id: idSchema })),
  updateTemplate: method<AgendaTemplate>()(z.strictObject({ id: idSchema, fields: templateFieldsSchema })),
  deleteTemplate: method<{ deleted: string }>()(z.strictObject({ id: idSchema })),
  /** Puts the built-in templates back as shipped (edited ones reset, deleted ones re-created). */
  restoreBuiltInTemplates: method<AgendaTemplate[]>()(z.strictObject({})),

  // Meetings
  listMeetings: method<MeetingSummary[]>()(z.strictObject({ unitId: idSchema.nullable() })),
  getMeeting: method<MeetingDetail>()(z.strictObject({ id: idSchema })),
  planMeeting: method<Meeting>()(z.strictObject({ unitId: idSchema, fields: meetingPlanFieldsSchema })),
  updateMeetingPlan: method<MeetingDetail>()(
    z.strictObject({ id: idSchema, fields: meetingPlanFieldsSchema }),
  ),
  deleteMeeting: method<{ deleted: string }>()(z.strictObject({ id: idSchema })),
  addAgendaItem: method<MeetingDetail>()(
    z.strictObject({ meetingId: idSchema, title: requiredName('Item title') }),
  ),
  removeAgendaItem: method<MeetingDetail>()(z.strictObject(meetingItem)),
  /** Moves an item to position `to` (0-based, among the meeting's own items) before or during the meeting. */
  moveAgendaItem: method<MeetingDetail>()(
    z.strictObject({ ...meetingItem, to: z.number().int().min(0).max(LIMITS.list) }),
  ),
  /** The hot path while minutes are typed: rewrites only this meeting's file and returns little. */
  saveMinutes: method<{ savedAt: string }>()(
    z.strictObject({ ...meetingItem, minutes: agendaItemSchema.shape.minutes }),
  ),
  addDecision: method<MeetingDetail>()(z.strictObject({ ...meetingItem, text: decisionSchema.shape.text })),
  updateDecision: method<MeetingDetail>()(
    z.strictObject({ ...meetingItem, decisionId: idSchema, text: decisionSchema.shape.text }),
  ),
  removeDecision: method<MeetingDetail>()(z.strictObject({ ...meetingItem, decisionId: idSchema })),
  setAttendance: method<MeetingDetail>()(
    z.strictObject({ meetingId: idSchema, attendeeId: idSchema, attendance: z.enum(ATTENDANCE).nullable() }),
  ),
  /** A meeting dated after today is refused unless `confirmFuture` says the BRM saw the warning. */
  markMeetingHeld: method<MeetingDetail>()(
    z.strictObject({ id: idSchema, confirmFuture: z.boolean().optional() }),
  ),
  finaliseMeeting: method<MeetingDetail>()(
    z.strictObject({ id: idSchema, confirmFuture: z.boolean().optional() }),
  ),
  reopenMeeting: method<MeetingDetail>()(
    z.strictObject({
      id: idSchema,
      reason: z.string().trim().min(1, 'Say why the minutes are reopened.').max(LIMITS.shortText),
    }),
  ),
  /**
   * From a periodic review: the next one, linked to it, open actions carried. `fields` as the BRM confirmed
   * them in the planner; without them, the proposal (`nextMeetingPlan`: same weekday pattern, same template,
   * the people who attended).
   */
  planNextMeeting: method<Meeting>()(
    z.strictObject({ id: idSchema, fields: meetingPlanFieldsSchema.optional() }),
  ),

  // Actions
  /** `agendaItemId` null: raised under "Actions from previous meetings". */
  addAction: method<MeetingDetail>()(
    z.strictObject({ meetingId: idSchema, agendaItemId: idSchema.nullable(), fields: actionFieldsSchema }),
  ),
  updateAction: method<ActionItem>()(
    z.strictObject({ unitId: idSchema, id: idSchema, fields: actionFieldsSchema }),
  ),
  /**
   * A change made outside a meeting (from the action register or a unit's page): new title, owner, due date
   * or status, with a note. Recorded in the action's trail as changed outside a meeting, dated today and by
   * the BRM; the next meeting shows it as the latest update.
   */
  changeActionOutsideMeeting: method<ActionItem>()(
    z.strictObject({
      unitId: idSchema,
      id: idSchema,
      fields: actionFieldsSchema,
      status: z.enum(ACTION_STATUSES),
      note: optionalText(LIMITS.shortText),
    }),
  ),
  deleteAction: method<MeetingDetail>()(z.strictObject({ meetingId: idSchema, id: idSchema })),
  /** A dated update and new status for a carried action, recorded in this meeting (one per meeting). */
  recordActionUpdate: method<MeetingDetail>()(
    z.strictObject({
      meetingId: idSchema,
      actionId: idSchema,
      date: isoDateSchema,
      status: z.enum(ACTION_STATUSES),
      note: optionalText(LIMITS.shortText),
    }),
  ),
  clearActionUpdate: method<MeetingDetail>()(z.strictObject({ meetingId: idSchema, actionId: idSchema })),
  /** One action with its trail, as the register shows it when the BRM opens it. */
  getAction: method<ActionWithTrail>()(z.strictObject({ unitId: idSchema, id: idSchema })),
  listActions: method<ActionRegister>()(
    z.strictObject({
      unitId: idSchema.nullable(),
      owner: z.string().max(LIMITS.name).nullable(),
      /** Empty: every status. */
      statuses: z.array(z.enum(ACTION_STATUSES)).max(ACTION_STATUSES.length),
      /** Today on the caller's calendar; with `overdueOnly`, only open actions due before it. */
      today: isoDateSchema,
      overdueOnly: z.boolean(),
      /** Latest due date first instead of earliest. */
      latestFirst: z.boolean().optional(),
      /** The register's column to sort by; without it, by due date (then title). */
      sort: z
        .strictObject({ by: z.enum(ACTION_SORT_KEYS), direction: z.enum(['ascending', 'descending']) })
        .optional(),
      /** A slice of the matching actions; without it, all of them. */
      page: z
        .strictObject({
          offset: z.number().int().min(0).max(10_000_000),
          limit: z.number().int().min(1).max(ACTION_PAGE_LIMIT),
        })
        .optional(),
    }),
  ),
};
