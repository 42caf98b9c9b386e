/**
 * What gets searched: for each kind of store file, the documents it contributes. A new register in the
 * unit file becomes searchable with one more entry in SOURCES (and its kind in the search contract).
 */
import type { SearchKind } from '../../../shared/contract/search';
import { CONTACT_ROLE_LABELS, type Directory } from '../../../shared/domain/customers';
import { ACTION_STATUS_LABELS, MEETING_KIND_LABELS, type Meeting } from '../../../shared/domain/meetings';
import {
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TYPE_LABELS,
  COMPLAINT_SEVERITY_LABELS,
  COMPLAINT_STATUS_LABELS,
  FEEDBACK_KIND_LABELS,
} from '../../../shared/domain/registers';
import { richTextToPlain } from '../../../shared/rich-text/rich-text';
import type { ShardKind } from '../store/shard-kind';
import type { EngagementFile } from '../../../shared/domain/engagement';
import {
  directoryShard,
  engagementShard,
  meetingShard,
  unitRecordsShard,
  type UnitRecords,
} from '../store/shards';
import type { IndexInput } from './text-index';

export interface SearchDoc extends IndexInput {
  kind: SearchKind;
  /** The record the document stands for. */
  id: string;
  unitId: string | null;
  /** 'YYYY-MM-DD' or null: shown with the hit, and newer records win ties. */
  date: string | null;
  detail: string;
  route: string;
}

/**
 * Every document is built here, with its properties in one order: the index reads them for hundreds of
 * thousands of documents per query, and objects of one shape are read much faster than of many.
 */
function searchDoc(fields: Omit<SearchDoc, 'rank'>): SearchDoc {
  return {
    key: fields.key,
    kind: fields.kind,
    id: text(fields.id),
    unitId: fields.unitId === null ? null : text(fields.unitId),
    date: fields.date,
    rank: fields.date ? Number(fields.date.replaceAll('-', '')) : 0,
    detail: text(fields.detail),
    route: text(fields.route),
    title: text(fields.title),
    body: text(fields.body),
    meta: text(fields.meta),
  };
}

/**
 * Documents are made from files' raw data, parsed but not checked (see the search service): a file edited
 * by hand may hold a number or an object where text belongs, and a hit must still be text on screen.
 */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value);

/** Unit names by id, for the words that place a record (its unit's name is searchable with it). */
export type UnitNames = ReadonlyMap<string, string>;

export interface SearchSource<T> {
  readonly shard: ShardKind<T>;
  /** The kinds of document it makes: a hit shown is made again by its kind's source only. */
  readonly kinds: readonly SearchKind[];
  /** The unit a store file belongs to: renaming the unit re-indexes the file. */
  readonly unitOf: (value: T, key: string | null) => string | null;
  /**
   * The file's documents. `only`: the keys wanted (a search showing its hits), so a source whose documents
   * cost much to make (minutes are parsed from rich text) may leave the others out; the index passes none.
   */
  readonly documents: (value: T, names: UnitNames, only?: ReadonlySet<string>) => SearchDoc[];
}

const source = <T>(spec: SearchSource<T>) => spec as unknown as SearchSource<unknown>;

const unitMeta = (names: UnitNames, unitId: string | null, ...words: string[]) =>
  [unitId ? (names.get(unitId) ?? '') : '', ...words].join(' ');

const meetingLabel = (meeting: Meeting) => `${MEETING_KIND_LABELS[meeting.kind]} review`;

const directorySource = source<Directory>({
  shard: directoryShard,
  kinds: ['unit', 'contact'],
  unitOf: () => null,
  documents: (directory) => {
    const names: UnitNames = new Map(directory.units.map((u) => [u.id, u.name]));
    const units = directory.units.map((unit) =>
      searchDoc({
        key: `unit:${unit.id}`,
        kind: 'unit',
        id: unit.id,
        unitId: unit.parentId,
        date: null,
        detail: unit.kind[0]!.toUpperCase() + unit.kind.slice(1),
        route: `/units/${unit.id}`,
        title: unit.name,
        body: [unit.plans, unit.drivers, unit.itContact].join('\n'),
        meta: unitMeta(names, unit.parentId, unit.kind),
      }),
    );
    const contacts = directory.contacts.map((contact) =>
      searchDoc({
        key: `contact:${contact.id}`,
        kind: 'contact',
        id: contact.id,
        unitId: contact.unitId,
        date: null,
        detail: CONTACT_ROLE_LABELS[contact.role],
        route: `/units/${contact.unitId}`,
        title: contact.name,
        body: [contact.title, contact.email, contact.phone, contact.notes, contact.itContact].join('\n'),
        meta: unitMeta(names, contact.unitId, CONTACT_ROLE_LABELS[contact.role]),
      }),
    );
    return [...units, ...contacts];
  },
});

const meetingSource = source<Meeting>({
  shard: meetingShard,
  kinds: ['meeting', 'minutes', 'decision'],
  unitOf: (meeting) => meeting.unitId,
  documents: (meeting, names, only) => {
    const wanted = (key: string) => !only || only.has(key);
    const route = `/meetings/${meeting.id}`;
    const label = meetingLabel(meeting);
    const meta = unitMeta(names, meeting.unitId, label, meeting.date.slice(0, 4));
    const base = { unitId: meeting.unitId, date: meeting.date, route, meta };
    const docs: SearchDoc[] = [
      searchDoc({
        ...base,
        key: `meeting:${meeting.id}`,
        kind: 'meeting',
        id: meeting.id,
        detail: label,
        title: meeting.kind === 'adhoc' && meeting.trigger ? `${label}: ${meeting.trigger}` : label,
        body: [
          meeting.location,
          meeting.chair,
          meeting.minuteTaker,
          ...meeting.attendees.map((a) => `${a.name} ${a.role}`),
        ].join('\n'),
      }),
    ];
    for (const item of meeting.agenda) {
      if (item.minutes.trim() && wanted(`minutes:${meeting.id}:${item.id}`)) {
        docs.push(
          searchDoc({
            ...base,
            key: `minutes:${meeting.id}:${item.id}`,
            kind: 'minutes',
            id: item.id,
            detail: label,
            title: item.title,
            body: richTextToPlain(item.minutes),
          }),
        );
      }
      for (const decision of item.decisions) {
        if (!wanted(`decision:${decision.id}`)) continue;
        docs.push(
          searchDoc({
            ...base,
            key: `decision:${decision.id}`,
            kind: 'decision',
            id: decision.id,
            detail: `${label} · ${item.title}`,
            title: richTextToPlain(decision.text),
            body: '',
          }),
        );
      }
    }
    return docs;
  },
});

const actionSource = source<UnitRecords>({
  shard: unitRecordsShard,
  kinds: ['action'],
  unitOf: (_records, unitId) => unitId,
  documents: (records, names) =>
    records.actions.map((action) =>
      searchDoc({
        key: `action:${action.id}`,
        kind: 'action',
        id: action.id,
        unitId: action.unitId,
        date: action.dueDate,
        detail: ACTION_STATUS_LABELS[action.status],
        // The meeting that raised it shows the action with its context; the register lists them all.
        route: action.raisedInMeetingId ? `/meetings/${action.raisedInMeetingId}` : `/units/${action.unitId}`,
        title: action.title,
        body: [action.owner, ...action.trail.map((update) => update.note)].join('\n'),
        meta: unitMeta(names, action.unitId, ACTION_STATUS_LABELS[action.status]),
      }),
    ),
});

const agreementSource = source<UnitRecords>({
  shard: unitRecordsShard,
  kinds: ['agreement'],
  unitOf: (_records, unitId) => unitId,
  documents: (records, names) =>
    records.agreements.map((agreement) =>
      searchDoc({
        key: `agreement:${agreement.id}`,
        kind: 'agreement',
        id: agreement.id,
        unitId: agreement.unitId,
        date: agreement.reviewDate ?? agreement.endDate ?? agreement.startDate,
        detail: `${AGREEMENT_TYPE_LABELS[agreement.type]} · ${AGREEMENT_STATUS_LABELS[agreement.status]}`,
        route: `/agreements?unitId=${agreement.unitId}`,
        title: agreement.title,
        body: [
          ...agreement.services.flatMap((service) => [
            service.name,
            ...service.levels.map((level) => level.metric),
          ]),
          agreement.complaintDefinition,
          agreement.reference,
          agreement.financing.costCentre,
          ...agreement.itSignatories,
        ].join('\n'),
        meta: unitMeta(names, agreement.unitId, AGREEMENT_TYPE_LABELS[agreement.type]),
      }),
    ),
});

const feedbackSource = source<UnitRecords>({
  shard: unitRecordsShard,
  kinds: ['feedback'],
  unitOf: (_records, unitId) => unitId,
  documents: (records, names) =>
    records.feedback.map((feedback) => {
      const kind = FEEDBACK_KIND_LABELS[feedback.kind];
      const detail =
        feedback.kind === 'complaint' && feedback.severity && feedback.status
          ? `${kind} · ${COMPLAINT_SEVERITY_LABELS[feedback.severity]} · ${COMPLAINT_STATUS_LABELS[feedback.status]}`
          : kind;
      return searchDoc({
        key: `feedback:${feedback.id}`,
        kind: 'feedback',
        id: feedback.id,
        unitId: feedback.unitId,
        date: feedback.date,
        detail,
        route: `/feedback?unitId=${feedback.unitId}`,
        title: `${kind} about ${feedback.aboutName}`,
        body: [
          feedback.description,
          feedback.fromName,
          feedback.resolution,
          feedback.rootCause,
          feedback.passedOnTo,
        ].join('\n'),
        meta: unitMeta(names, feedback.unitId, kind),
      });
    }),
});

const surveySource = source<UnitRecords>({
  shard: unitRecordsShard,
  kinds: ['survey'],
  unitOf: (_records, unitId) => unitId,
  documents: (records, names) =>
    records.surveys.map((survey) =>
      searchDoc({
        key: `survey:${survey.id}`,
        kind: 'survey',
        id: survey.id,
        unitId: survey.unitId,
        date: survey.date,
        detail: 'Survey',
        route: `/satisfaction?unitId=${survey.unitId}`,
        title: survey.respondentName,
        body: survey.comment,
        meta: unitMeta(names, survey.unitId, 'survey satisfaction'),
      }),
    ),
});

const outcomeSource = source<UnitRecords>({
  shard: unitRecordsShard,
  kinds: ['outcome'],
  unitOf: (_records, unitId) => unitId,
  documents: (records, names) =>
    records.outcomes.map((outcome) =>
      searchDoc({
        key: `outcome:${outcome.id}`,
        kind: 'outcome',
        id: outcome.id,
        unitId: outcome.unitId,
        date: outcome.targetDate,
        detail: `Target ${outcome.target}`,
        route: `/outcomes?unitId=${outcome.unitId}`,
        title: outcome.outcome,
        body: [outcome.measure, outcome.baseline, outcome.target, ...outcome.values.map((v) => v.note)].join(
          '\n',
        ),
        meta: unitMeta(names, outcome.unitId, 'outcome value'),
      }),
    ),
});

const informalContactSource = source<EngagementFile>({
  shard: engagementShard,
  kinds: ['informal-contact'],
  unitOf: () => null,
  documents: (file, names) =>
    file.informal.map((entry) =>
      searchDoc({
        key: `informal-contact:${entry.id}`,
        kind: 'informal-contact',
        id: entry.id,
        unitId: entry.unitId,
        date: entry.date,
        detail: 'Met informally',
        route: `/units/${entry.unitId}`,
        title: entry.note.split('\n')[0] || 'Met informally',
        body: entry.note,
        meta: unitMeta(names, entry.unitId, 'informal'),
      }),
    ),
});

export const SOURCES: readonly SearchSource<unknown>[] = [
  directorySource,
  meetingSource,
  actionSource,
  agreementSource,
  feedbackSource,
  surveySource,
  outcomeSource,
  informalContactSource,
];

/** A 32-bit FNV-1a hash of everything a document shows or is found by. */
export function signatureOf(doc: SearchDoc): number {
  let hash = 0x811c9dc5;
  for (const part of [
    doc.title,
    doc.body,
    doc.meta,
    doc.route,
    doc.detail,
    doc.date ?? '',
    doc.unitId ?? '',
    doc.id,
  ]) {
    for (let i = 0; i < part.length; i++) hash = Math.imul(hash ^ part.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0xff, 0x01000193);
  }
  return hash >>> 0;
}
