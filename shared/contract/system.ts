import { z } from 'zod';
import { settingsFieldsSchema, type Settings, type WorkbookStatus } from '../domain/system';
import { method } from './define';

export const systemContract = {
  getStatus: method<WorkbookStatus>()(z.strictObject({})),
  dismissNotice: method<WorkbookStatus>()(z.strictObject({ id: z.string().max(64) })),
  getSettings: method<Settings>()(z.strictObject({})),
  updateSettings: method<Settings>()(z.strictObject({ fields: settingsFieldsSchema })),
};
