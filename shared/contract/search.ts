import { z } from 'zod';
import { method } from './define';

/** What a search result can be, in the order the palette shows the groups. */
export const SEARCH_KINDS = [
  'unit',
  'contact',
  'meeting',
  'minutes',
  'decision',
  'action',
  'agreement',
  'feedback',
  'survey',
  'outcome',
  'informal-contact',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  unit: 'Business units',
  contact: 'Contacts',
  meeting: 'Meetings',
  minutes: 'Minutes',
  decision: 'Decisions',
  action: 'Actions',
  agreement: 'Agreements',
  feedback: 'Complaints & compliments',
  survey: 'Satisfaction surveys',
  outcome: 'Business outcomes',
  'informal-contact': 'Met informally',
};

export interface SearchHit {
  kind: SearchKind;
  /** The record the hit belongs to (for minutes: the agenda item). */
  id: string;
  title: string;
  /** The business unit the record belongs to (for a unit: its parent), if any. */
  unit: string | null;
  /** The record's day ('YYYY-MM-DD'): a meeting's date, an action's due date; null when it has none. */
  date: string | null;
  /** What kind of record it is, e.g. "Periodic review", "Open", "Purchaser". */
  detail: string;
  /** A short piece of the matching text, on one line. */
  snippet: string;
  /** Matched words in the snippet, as [start, end) character offsets. */
  highlights: Array<[number, number]>;
  /** The app route that opens the record, e.g. `/units/<id>` or `/meetings/<id>`. */
  route: string;
}

export interface SearchGroup {
  kind: SearchKind;
  label: string;
  /** How many records of this kind match; `hits` holds the best few. */
  total: number;
  hits: SearchHit[];
}

export interface SearchResults {
  query: string;
  groups: SearchGroup[];
}

export const SEARCH_QUERY_MAX = 200;

export const searchContract = {
  /** Full-text search over the whole workbook; `limit` is the most hits returned per kind. */
  search: method<SearchResults>()(
    z.strictObject({
      query: z.string().max(SEARCH_QUERY_MAX, `A search can be at most ${SEARCH_QUERY_MAX} characters.`),
      limit: z.number().int().min(1).max(50).default(5),
    }),
  ),
};
