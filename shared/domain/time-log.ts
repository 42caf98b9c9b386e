import { z } from 'zod';
import { LIMITS, isoDateSchema, optionalText, recordMeta } from './common';

/**
 * The BRM's time log (seed 000): hours per activity, relationship-centric or process-centric, and the
 * ideal split the BRM measures them against. Stored per year in `time/<year>.json`.
 */

export const RELATIONSHIP_ACTIVITIES = [
  'demand-shaping',
  'communication',
  'it-leadership',
  'vendor-management',
  'education-training',
] as const;
export const PROCESS_ACTIVITIES = [
  'business-support',
  'service-management',
  'project-support',
  'administration',
] as const;
export const TIME_ACTIVITIES = [...RELATIONSHIP_ACTIVITIES, ...PROCESS_ACTIVITIES] as const;
export type TimeActivity = (typeof TIME_ACTIVITIES)[number];

export const TIME_ACTIVITY_LABELS: Record<TimeActivity, string> = {
  'demand-shaping': 'Demand shaping',
  communication: 'Communication',
  'it-leadership': 'IT leadership',
  'vendor-management': 'Vendor management',
  'education-training': 'Education and training',
  'business-support': 'Business support',
  'service-management': 'Service management',
  'project-support': 'Project support',
  administration: 'Administration and professional development',
};

export const isRelationshipCentric = (activity: TimeActivity): boolean =>
  (RELATIONSHIP_ACTIVITIES as readonly string[]).includes(activity);

export const timeEntryFieldsSchema = z.strictObject({
  date: isoDateSchema,
  activity: z.enum(TIME_ACTIVITIES),
  hours: z
    .number({ error: 'Enter the hours as a number.' })
    .gt(0, 'Enter more than 0 hours.')
    .max(24, 'A day has at most 24 hours.'),
  note: optionalText(LIMITS.name),
});
export type TimeEntryFields = z.infer<typeof timeEntryFieldsSchema>;

export const timeEntrySchema = z.strictObject({ ...recordMeta, ...timeEntryFieldsSchema.shape });
export type TimeEntry = z.infer<typeof timeEntrySchema>;

/** Percent of working time per activity; the nine shares add up to 100. */
export const idealSplitSchema = z
  .strictObject(
    Object.fromEntries(
      TIME_ACTIVITIES.map((a) => [
        a,
        z
          .number({ error: 'Enter a percentage.' })
          .min(0, 'A share cannot be negative.')
          .max(100, 'A share is at most 100 %.'),
      ]),
    ) as Record<TimeActivity, z.ZodNumber>,
  )
  .superRefine((split, ctx) => {
    const total = TIME_ACTIVITIES.reduce((sum, a) => sum + (split[a] ?? 0), 0);
    if (Math.abs(total - 100) > 0.01) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `The shares must add up to 100 % (now ${Math.round(total * 10) / 10} %).`,
      });
    }
  });
export type IdealSplit = z.infer<typeof idealSplitSchema>;

/**
 * Seed 000: BRMs surveyed in 2014 would put Demand shaping, Communication and IT leadership first and
 * spend only about a third of their time on process-centric work. A starting point the BRM can change.
 */
export const DEFAULT_IDEAL_SPLIT: IdealSplit = {
  'demand-shaping': 22,
  communication: 18,
  'it-leadership': 12,
  'vendor-management': 8,
  'education-training': 6,
  'business-support': 10,
  'service-management': 8,
  'project-support': 10,
  administration: 6,
};
