import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, LIMITS } from '../domain/common';
import {
  cadenceSchema,
  roleCadenceSchema,
  type EngagementRow,
  type InformalContact,
  type RoleCadence,
} from '../domain/engagement';
import { method } from './define';

export const engagementContract = {
  /** One row per contact of the unit (or of every unit when unitId is null), with last met and next due. */
  listEngagement: method<EngagementRow[]>()(z.strictObject({ unitId: idSchema.nullable() })),
  /** The "met informally" log: a corridor conversation that counts as meeting the contact. */
  logContact: method<InformalContact>()(
    z.strictObject({ contactId: idSchema, date: isoDateSchema, note: optionalText(LIMITS.shortText) }),
  ),
  listContactLog: method<InformalContact[]>()(z.strictObject({ contactId: idSchema })),
  deleteContactLog: method<{ deleted: string }>()(z.strictObject({ id: idSchema })),
  getRoleCadence: method<RoleCadence>()(z.strictObject({})),
  setRoleCadence: method<RoleCadence>()(z.strictObject({ cadence: roleCadenceSchema })),
  /** A contact's own cadence; `inherit` true goes back to its role's. */
  setContactCadence: method<EngagementRow>()(
    z.strictObject({ contactId: idSchema, months: cadenceSchema, inherit: z.boolean() }),
  ),
};
