import { z } from 'zod';
import { idSchema } from '../domain/common';
import { settingsFieldsSchema, type Settings, type WorkbookStatus } from '../domain/system';
import { method } from './define';

export const systemContract = {
  getStatus: method<WorkbookStatus>()(z.strictObject({})),
  dismissNotice: method<WorkbookStatus>()(z.strictObject({ id: idSchema })),
  getSettings: method<Settings>()(z.strictObject({})),
  updateSettings: method<Settings>()(z.strictObject({ fields: settingsFieldsSchema })),
};
