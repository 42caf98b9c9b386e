import { z } from 'zod';
import { LIMITS, emailSchema, optionalText } from './common';

/** Something the store did on its own that the user must hear about (a recovery, a read-only folder). */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
  at: string;
}

export interface WorkbookStatus {
  dataDir: string;
  readOnly: boolean;
  /** Why the store is read-only, in words for the user. */
  readOnlyReason: string | null;
  notices: Notice[];
}

export const settingsFieldsSchema = z.strictObject({
  organisationName: optionalText(LIMITS.name),
  /** The BRM's own name, used as the default minute-taker. */
  brmName: optionalText(LIMITS.name),
  /** The BRM's own address: the organiser of calendar invitations and the sender of minutes mails. */
  brmEmail: emailSchema.default(''),
  /** Locale for dates in documents, e.g. en-GB; empty means the system's. */
  locale: z.string().regex(/^$|^[a-z]{2,3}(-[A-Z]{2})?$/, 'Use a locale such as en-GB or de-DE.'),
  theme: z.enum(['system', 'light', 'dark']),
});
export type SettingsFields = z.infer<typeof settingsFieldsSchema>;

/** A logo is kept small: the settings file is rewritten whenever a setting changes. */
export const LOGO_MAX_BYTES = 256 * 1024;
const LOGO_DATA_URL_MAX = 'data:image/jpeg;base64,'.length + Math.ceil(LOGO_MAX_BYTES / 3) * 4;

/** The organisation's logo for document headers, as a PNG or JPEG data URL. */
export const logoDataUrlSchema = z
  .string()
  .max(LOGO_DATA_URL_MAX, `The logo can be at most ${LOGO_MAX_BYTES / 1024} KB.`)
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/, 'The logo must be a PNG or JPEG image.');

export const settingsSchema = z.strictObject({
  ...settingsFieldsSchema.shape,
  /** Set with setDocumentLogo; absent from files written before logos existed. */
  logo: logoDataUrlSchema.nullable().default(null),
  /** The folder a save dialog last saved into (Electron only). */
  lastExportFolder: z.string().max(4096).nullable(),
  window: z
    .strictObject({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
      maximized: z.boolean(),
    })
    .nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (): Settings => ({
  organisationName: '',
  brmName: '',
  brmEmail: '',
  locale: '',
  theme: 'system',
  lastExportFolder: null,
  logo: null,
  window: null,
});
