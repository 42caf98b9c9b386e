import { z } from 'zod';
import { LIMITS, idSchema } from '../domain/common';
import { method } from './define';

/** offline: shared but the server cannot be used now (the app keeps working locally); off: not shared. */
export const TEAM_PHASES = ['off', 'offline', 'syncing', 'up-to-date'] as const;
export type TeamPhase = (typeof TEAM_PHASES)[number];

export interface TeamStatus {
  phase: TeamPhase;
  /** The team server, without the password. */
  url: string | null;
  teamId: string | null;
  /** This BRM's login on the server. */
  role: string | null;
  /** Whether the connection is encrypted (TLS). */
  encrypted: boolean;
  /** Why the last sync failed (server down, wrong password, no permission), for the BRM; null when fine. */
  message: string | null;
  lastSyncAt: string | null;
  /** Changes made here that the server does not have yet. */
  outbox: number;
  conflicts: number;
  /** "Share this workbook" in progress: records sent so far of the total. */
  share: { done: number; total: number } | null;
}

export interface TeamConflict {
  id: string;
  /** What kind of record (unit, contact, meeting, action, …) and which field, in words. */
  kind: string;
  recordId: string;
  label: string;
  /** The record's name or title, to find it. */
  recordName: string;
  /** This laptop's value and the colleague's (null: the record was deleted on that side). */
  mine: unknown;
  theirs: unknown;
  /** The colleague's login. */
  writer: string;
  at: string;
  /** For minutes: both texts combined, as a starting point to edit; otherwise null. */
  suggestion: string | null;
}

export const teamUrlSchema = z
  .string()
  .trim()
  .max(2000, 'That address is too long.')
  .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'Paste the postgres://… address you were given.');

export const teamContract = {
  getTeamStatus: method<TeamStatus>()(z.strictObject({})),
  connectTeam: method<TeamStatus>()(z.strictObject({ url: teamUrlSchema })),
  disconnectTeam: method<TeamStatus>()(z.strictObject({})),
  syncTeamNow: method<TeamStatus>()(z.strictObject({})),
  /** The first push of the whole workbook; progress shows in getTeamStatus().share meanwhile. */
  shareWorkbook: method<{ shared: number }>()(z.strictObject({})),
  listTeamConflicts: method<TeamConflict[]>()(z.strictObject({})),
  resolveTeamConflict: method<TeamStatus>()(
    z.strictObject({
      id: idSchema,
      keep: z.enum(['mine', 'theirs', 'edited']),
      /** The edited text, when `keep` is 'edited'. */
      text: z.string().max(LIMITS.minutes).nullable(),
    }),
  ),
};
