/**
 * The generated workbook's profile: its options, the two workbooks the bench measures, and how many records
 * of each kind a unit gets per year.
 */
import type { ContactRole } from '../shared/domain/customers';

export interface GenerateOptions {
  seed: number;
  units: number;
  years: number;
  /** The last day of the generated history ('YYYY-MM-DD'); fixed so the output does not depend on today. */
  until: string;
}

/** The bench's workbook: 40 units, 400 contacts, 6,000 meetings, 30,000 actions. */
export const TEN_YEAR_WORKBOOK: GenerateOptions = {
  seed: 20261124,
  units: 40,
  years: 10,
  until: '2026-11-30',
};

/** The team-sized workbook of issue 16: ten times every count (400 units, 60,000 meetings, 300,000 actions). */
export const TENFOLD_WORKBOOK: GenerateOptions = { ...TEN_YEAR_WORKBOOK, units: 400 };

/**
 * Per unit and year: 12 periodic reviews, 1 annual, 2 ad hoc; 75 actions raised; one agreement
 * (renewed yearly), 5 complaints or compliments, 7.5 survey answers.
 */
export const PERIODIC_PER_YEAR = 12;
export const ADHOC_PER_YEAR = 2;
export const ACTIONS_PER_YEAR = 75;
export const AGREEMENTS_PER_YEAR = 1;
export const FEEDBACK_PER_YEAR = 5;
export const SURVEYS_PER_YEAR = 7.5;
export const CONTACT_ROLES_PER_UNIT: readonly ContactRole[] = [
  'customer',
  'purchaser',
  'purchaser',
  'key-user',
  'key-user',
  'user',
  'user',
  'user',
  'it-stakeholder',
  'it-stakeholder',
];
/** About 4 KB of minutes per meeting, spread over its agenda items. */
export const MINUTES_BYTES_PER_MEETING = 4096;
export const BRM_NAME = 'Robin Vermeer';
