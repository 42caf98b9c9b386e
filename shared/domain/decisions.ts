/**
 * The decision register: every decision taken in a meeting, with its standing (in force, superseded,
 * reversed), what it changed and the decision that superseded it. The text stays in the meeting's
 * minutes; the unit's records file keeps only what the register adds to it.
 */
import { z } from 'zod';
import { LIMITS, idSchema, recordMeta, type IsoDate } from './common';
import type { MeetingKind } from './meetings';

export const DECISION_STATUSES = ['in-force', 'superseded', 'reversed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  'in-force': 'In force',
  superseded: 'Superseded',
  reversed: 'Reversed',
};

/** What a decision can change. A service level is named by its own id; its agreement is found from it. */
export const DECISION_TARGET_KINDS = [
  'agreement',
  'service-level',
  'requirement',
  'project',
  'outcome',
] as const;
export type DecisionTargetKind = (typeof DECISION_TARGET_KINDS)[number];
export const DECISION_TARGET_LABELS: Record<DecisionTargetKind, string> = {
  agreement: 'Agreement',
  'service-level': 'Service level',
  requirement: 'Requirement',
  project: 'Project',
  outcome: 'Outcome',
};

export const decisionTargetSchema = z.strictObject({ kind: z.enum(DECISION_TARGET_KINDS), id: idSchema });
export type DecisionTarget = z.infer<typeof decisionTargetSchema>;

/** What the register adds to one decision; its id is the decision's own. */
export const decisionRecordSchema = z.strictObject({
  ...recordMeta,
  meetingId: idSchema,
  status: z.enum(DECISION_STATUSES),
  supersededById: idSchema.nullable(),
  links: z.array(decisionTargetSchema).max(200),
});
export type DecisionRecord = z.infer<typeof decisionRecordSchema>;

/** A decision as it sits in a meeting (from the meeting's summary, so the register reads no meeting file). */
export interface DecisionInMeeting {
  id: string;
  itemTitle: string;
  text: string;
}

export interface DecisionLinkView extends DecisionTarget {
  /** What the reader knows it by: "SLA Hosting › Availability ≥ 99.5 %". */
  label: string;
  /** The agreement it belongs to (itself for an agreement, its agreement for a service level). */
  agreementId: string | null;
  /** False when the linked record was deleted since. */
  exists: boolean;
}

/** One row of the register. */
export interface DecisionRow {
  id: string;
  unitId: string;
  unitName: string;
  meetingId: string;
  meetingDate: IsoDate;
  meetingKind: MeetingKind;
  itemTitle: string;
  text: string;
  status: DecisionStatus;
  supersededBy: { id: string; text: string; meetingDate: IsoDate } | null;
  links: DecisionLinkView[];
}

export const sameTarget = (a: DecisionTarget, b: DecisionTarget): boolean =>
  a.kind === b.kind && a.id === b.id;

/** The words a register query is matched against: the text and everything the row names. */
export function decisionHaystack(row: DecisionRow): string {
  return [
    row.text,
    row.itemTitle,
    row.unitName,
    row.meetingDate,
    DECISION_STATUS_LABELS[row.status],
    ...row.links.map((l) => l.label),
    row.supersededBy?.text ?? '',
  ]
    .join('\n')
    .toLocaleLowerCase();
}

/** Every word of the query appears somewhere in the row (case-insensitive). */
export function matchesDecisionQuery(row: DecisionRow, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = decisionHaystack(row);
  return words.every((w) => hay.includes(w));
}

export const DECISION_QUERY_MAX = LIMITS.name;
