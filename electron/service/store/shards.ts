import { z } from 'zod';
import { directorySchema, type Directory } from '../../../shared/domain/customers';
import {
  actionItemSchema,
  agendaTemplateSchema,
  meetingHeaderOf,
  meetingHeaderSchema,
  meetingSchema,
  type Meeting,
  type MeetingHeader,
} from '../../../shared/domain/meetings';
import {
  majorIncidentSchema,
  packCommentsSchema,
  projectSchema,
  requirementSchema,
  serviceResultSchema,
  watchNoteSchema,
} from '../../../shared/domain/review-pack';
import {
  agreementSchema,
  defaultRegisterSettings,
  feedbackSchema,
  registerSettingsSchema,
  surveySchema,
} from '../../../shared/domain/registers';
import { timeEntrySchema } from '../../../shared/domain/time-log';
import { defaultSettings, settingsSchema } from '../../../shared/domain/system';
import { decisionRecordSchema } from '../../../shared/domain/decisions';
import { emptyEngagement, engagementFileSchema } from '../../../shared/domain/engagement';
import { outcomeSchema } from '../../../shared/domain/outcomes';
import { meetingSeriesSchema } from '../../../shared/domain/meeting-series';
import { defineShard } from './shard-kind';
import { migrateDirectoryV1, migrateMeetingV1, migrateUnitRecordsV1 } from './migrations';

/** Units and contacts: small, read by every view, written when the customer structure changes. */
export const directoryShard = defineShard<Directory>({
  name: 'directory',
  version: 2,
  schema: directorySchema,
  migrations: { 1: migrateDirectoryV1 },
  empty: () => ({ units: [], contacts: [] }),
});

export const settingsShard = defineShard({
  name: 'settings',
  version: 1,
  schema: settingsSchema,
  migrations: {},
  empty: defaultSettings,
});

export const templatesShard = defineShard({
  name: 'templates',
  version: 1,
  schema: z.strictObject({ templates: z.array(agendaTemplateSchema) }),
  migrations: {},
  empty: () => ({ templates: [] }),
});

/**
 * One file per business unit: its action items and registers. Registers added later default to an
 * empty list so files written before them still load.
 */
export const unitRecordsSchema = z.strictObject({
  actions: z.array(actionItemSchema),
  serviceResults: z.array(serviceResultSchema).default([]),
  majorIncidents: z.array(majorIncidentSchema).default([]),
  projects: z.array(projectSchema).default([]),
  requirements: z.array(requirementSchema).default([]),
  packComments: z.array(packCommentsSchema).default([]),
  agreements: z.array(agreementSchema).default([]),
  feedback: z.array(feedbackSchema).default([]),
  surveys: z.array(surveySchema).default([]),
  /** What the decision register adds to the decisions of the unit's meetings. */
  decisionRecords: z.array(decisionRecordSchema).default([]),
  outcomes: z.array(outcomeSchema).default([]),
  meetingSeries: z.array(meetingSeriesSchema).default([]),
});
export type UnitRecords = z.infer<typeof unitRecordsSchema>;

export const unitRecordsShard = defineShard<UnitRecords>({
  name: 'unit-records',
  dir: 'units',
  // Ten years of actions are megabytes: read just after the workbook opens, not before it answers.
  load: 'background',
  version: 2,
  schema: unitRecordsSchema,
  migrations: { 1: migrateUnitRecordsV1 },
  empty: () => unitRecordsSchema.parse({ actions: [] }),
});

/**
 * One file per meeting: typing minutes rewrites only this small file. Ten years are thousands of files
 * and tens of megabytes, so a meeting is read when it is opened; lists use its header.
 */
export const meetingShard = defineShard<Meeting, MeetingHeader>({
  name: 'meeting',
  dir: 'meetings',
  load: 'on-demand',
  summarize: meetingHeaderOf,
  summaryOf: { schema: meetingHeaderSchema, key: (header) => header.id },
  version: 2,
  schema: meetingSchema,
  migrations: { 1: migrateMeetingV1 },
  empty: () => {
    throw new Error('A meeting has no empty form.');
  },
});

/** Technology-watch notes: tagged to any number of units, so they live beside the directory. */
export const watchShard = defineShard({
  name: 'technology-watch',
  version: 1,
  schema: z.strictObject({ notes: z.array(watchNoteSchema) }),
  migrations: {},
  empty: () => ({ notes: [] }),
});

/** Survey questions and the ideal time split: tiny, written only when the BRM changes them. */
export const registerSettingsShard = defineShard({
  name: 'register-settings',
  version: 1,
  schema: registerSettingsSchema,
  migrations: {},
  empty: defaultRegisterSettings,
});

/** The BRM's time log, one file per calendar year: logging an hour rewrites this year's file only. */
export const timeLogShard = defineShard({
  name: 'time-log',
  dir: 'time',
  version: 1,
  schema: z.strictObject({ entries: z.array(timeEntrySchema) }),
  migrations: {},
  empty: () => ({ entries: [] }),
});

/** Target cadences (per role, per contact) and the "met informally" log: small, written on a log entry. */
export const engagementShard = defineShard({
  name: 'engagement',
  version: 1,
  schema: engagementFileSchema,
  migrations: {},
  empty: emptyEngagement,
});

export const ALL_SHARDS = [
  directoryShard,
  settingsShard,
  templatesShard,
  unitRecordsShard,
  meetingShard,
  watchShard,
  registerSettingsShard,
  timeLogShard,
  engagementShard,
] as const;
