import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText } from '../domain/common';
import {
  MATURITY_LEVELS,
  contactFieldsSchema,
  unitFieldsSchema,
  type BusinessUnit,
  type Contact,
  type Directory,
} from '../domain/customers';
import { method } from './define';

export const customersContract = {
  getDirectory: method<Directory>()(z.strictObject({})),
  createUnit: method<BusinessUnit>()(
    z.strictObject({ parentId: idSchema.nullable(), fields: unitFieldsSchema }),
  ),
  updateUnit: method<BusinessUnit>()(z.strictObject({ id: idSchema, fields: unitFieldsSchema })),
  moveUnit: method<BusinessUnit>()(z.strictObject({ id: idSchema, parentId: idSchema.nullable() })),
  setUnitArchived: method<BusinessUnit>()(z.strictObject({ id: idSchema, archived: z.boolean() })),
  deleteUnit: method<{ deleted: string }>()(z.strictObject({ id: idSchema })),
  recordMaturity: method<BusinessUnit>()(
    z.strictObject({
      unitId: idSchema,
      level: z.enum(MATURITY_LEVELS),
      assessedOn: isoDateSchema,
      note: optionalText(),
    }),
  ),
  createContact: method<Contact>()(z.strictObject({ unitId: idSchema, fields: contactFieldsSchema })),
  updateContact: method<Contact>()(z.strictObject({ id: idSchema, fields: contactFieldsSchema })),
  deleteContact: method<{ deleted: string }>()(z.strictObject({ id: idSchema })),
};
