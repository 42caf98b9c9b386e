import { z } from 'zod';
import { directorySchema, type Directory } from '../../../shared/domain/customers';
import { actionItemSchema, agendaTemplateSchema, meetingSchema } from '../../../shared/domain/meetings';
import {
  agreementSchema,
  defaultRegisterSettings,
  feedbackSchema,
  registerSettingsSchema,
  surveySchema,
  timeEntrySchema,
} from '../../../shared/domain/registers';
import { defaultSettings, settingsSchema } from '../../../shared/domain/system';
import { defineShard } from './shard-kind';
import { migrateDirectoryV1 } from './migrations';

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
  agreements: z.array(agreementSchema).default([]),
  feedback: z.array(feedbackSchema).default([]),
  surveys: z.array(surveySchema).default([]),
});
export type UnitRecords = z.infer<typeof unitRecordsSchema>;

export const unitRecordsShard = defineShard<UnitRecords>({
  name: 'unit-records',
  dir: 'units',
  version: 1,
  schema: unitRecordsSchema,
  migrations: {},
  empty: () => unitRecordsSchema.parse({ actions: [] }),
});

/** One file per meeting: typing minutes rewrites only this small file. */
export const meetingShard = defineShard({
  name: 'meeting',
  dir: 'meetings',
  version: 1,
  schema: meetingSchema,
  migrations: {},
  empty: () => {
    throw new Error('A meeting has no empty form.');
  },
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

export const ALL_SHARDS = [
  directoryShard,
  settingsShard,
  templatesShard,
  unitRecordsShard,
  meetingShard,
  registerSettingsShard,
  timeLogShard,
] as const;
