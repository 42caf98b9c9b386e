import type { z } from 'zod';
import { businessUnitSchema, contactSchema } from '../../../shared/domain/customers';
import { idSchema } from '../../../shared/domain/common';
import { actionItemSchema, agendaTemplateSchema, meetingSchema } from '../../../shared/domain/meetings';
import { agreementSchema, feedbackSchema, surveySchema } from '../../../shared/domain/registers';
import { decisionRecordSchema } from '../../../shared/domain/decisions';
import { cadenceOverrideSchema, informalContactSchema } from '../../../shared/domain/engagement';
import { outcomeSchema } from '../../../shared/domain/outcomes';
import {
  majorIncidentSchema,
  packCommentsSchema,
  projectSchema,
  requirementSchema,
  serviceResultSchema,
  watchNoteSchema,
} from '../../../shared/domain/review-pack';
import type { ShardKind } from '../store/shard-kind';
import type { ShardStore } from '../store/shard-store';
import {
  directoryShard,
  engagementShard,
  meetingShard,
  templatesShard,
  unitRecordsShard,
  watchShard,
} from '../store/shards';

/**
 * What the team shares, record by record: each kind of record, the store file that holds it and where in
 * that file. Settings (the cadence per role among them), the time log and survey questions stay personal.
 * Lists inside a record (an outcome's measured values, a decision's links) merge item by item (merge.ts).
 */
export interface RecordKind {
  /** The kind column of the server row. */
  readonly name: string;
  readonly shard: ShardKind<unknown>;
  /** The list in the shard's data holding the records; null when the whole file is one record (a meeting). */
  readonly list: string | null;
  /** The same schema the API's store uses: what arrives from the server passes it or is skipped. */
  readonly schema: z.ZodType;
  readonly idOf: (record: Record<string, unknown>) => string;
}

const byId = (record: Record<string, unknown>) => String(record.id);

const kind = (
  name: string,
  shard: ShardKind<never>,
  list: string | null,
  schema: z.ZodType,
  idOf = byId,
): RecordKind => ({ name, shard: shard as ShardKind<unknown>, list, schema, idOf });

export const RECORD_KINDS: readonly RecordKind[] = [
  kind('unit', directoryShard as ShardKind<never>, 'units', businessUnitSchema),
  kind('contact', directoryShard as ShardKind<never>, 'contacts', contactSchema),
  kind('template', templatesShard as ShardKind<never>, 'templates', agendaTemplateSchema),
  kind('watch-note', watchShard as ShardKind<never>, 'notes', watchNoteSchema),
  kind('meeting', meetingShard as ShardKind<never>, null, meetingSchema),
  kind('action', unitRecordsShard as ShardKind<never>, 'actions', actionItemSchema),
  kind('service-result', unitRecordsShard as ShardKind<never>, 'serviceResults', serviceResultSchema),
  kind('major-incident', unitRecordsShard as ShardKind<never>, 'majorIncidents', majorIncidentSchema),
  kind('project', unitRecordsShard as ShardKind<never>, 'projects', projectSchema),
  kind('requirement', unitRecordsShard as ShardKind<never>, 'requirements', requirementSchema),
  // One set of pack comments per meeting: the meeting id is its identity.
  kind('pack-comments', unitRecordsShard as ShardKind<never>, 'packComments', packCommentsSchema, (r) =>
    String(r.meetingId),
  ),
  kind('agreement', unitRecordsShard as ShardKind<never>, 'agreements', agreementSchema),
  kind('feedback', unitRecordsShard as ShardKind<never>, 'feedback', feedbackSchema),
  kind('survey', unitRecordsShard as ShardKind<never>, 'surveys', surveySchema),
  kind('outcome', unitRecordsShard as ShardKind<never>, 'outcomes', outcomeSchema),
  // What the register adds to a decision of a meeting: the decision's id is its identity.
  kind('decision', unitRecordsShard as ShardKind<never>, 'decisionRecords', decisionRecordSchema),
  // Each corridor conversation is its own record: two laptops logging at once never touch the same one.
  kind('informal-contact', engagementShard as ShardKind<never>, 'informal', informalContactSchema),
  // One cadence per contact: the contact's id is its identity.
  kind('cadence-override', engagementShard as ShardKind<never>, 'overrides', cadenceOverrideSchema, (r) =>
    String(r.contactId),
  ),
];

const KIND_BY_NAME = new Map(RECORD_KINDS.map((k) => [k.name, k]));

export const recordKindNamed = (name: string): RecordKind | undefined => KIND_BY_NAME.get(name);

export const isSharedShard = (shard: ShardKind<unknown>): boolean =>
  RECORD_KINDS.some((k) => k.shard === shard);

/** One record as found in a store file. */
export interface LocatedRecord {
  kind: RecordKind;
  id: string;
  /** The store file's key (a unit's registers: the unit id; a meeting: its id), or null for singletons. */
  shard: string | null;
  record: Record<string, unknown>;
}

export const recordKey = (kind: string, id: string): string => `${kind}:${id}`;

/** Every shared record in one store file's data, by record key. */
export function recordsIn(
  shard: ShardKind<unknown>,
  key: string | null,
  data: unknown,
): Map<string, LocatedRecord> {
  const out = new Map<string, LocatedRecord>();
  if (data === undefined || data === null) return out;
  for (const kind of RECORD_KINDS) {
    if (kind.shard !== shard) continue;
    const records = kind.list === null ? [data] : ((data as Record<string, unknown>)[kind.list] ?? []);
    for (const record of records as Record<string, unknown>[]) {
      const id = kind.idOf(record);
      out.set(recordKey(kind.name, id), { kind, id, shard: kind.list === null ? null : key, record });
    }
  }
  return out;
}

/** Every shared record of the workbook (for the first push of "Share this workbook"), or of some kinds. */
export function* allRecords(
  store: ShardStore,
  kinds: readonly RecordKind[] = RECORD_KINDS,
): Generator<LocatedRecord> {
  const shards = [...new Set(kinds.map((k) => k.shard))];
  for (const shard of shards) {
    const keys = shard.dir ? store.keys(shard) : [null];
    for (const key of keys)
      for (const record of recordsIn(shard, key, store.read(shard, key)).values())
        if (kinds.includes(record.kind)) yield record;
  }
}

/** The kinds shared before issue 18's records joined them: a state file without `kinds` knew these. */
export const FIRST_KINDS: readonly string[] = [
  'unit',
  'contact',
  'template',
  'watch-note',
  'meeting',
  'action',
  'service-result',
  'major-incident',
  'project',
  'requirement',
  'pack-comments',
  'agreement',
  'feedback',
  'survey',
];

/** A record from the server, checked like an API call; why not, in words, when it must be skipped. */
export function checkIncoming(
  kindName: string,
  id: string,
  shard: string | null,
  json: unknown,
): { ok: true; kind: RecordKind; record: Record<string, unknown> | null } | { ok: false; reason: string } {
  const kind = KIND_BY_NAME.get(kindName);
  if (!kind) return { ok: false, reason: `an unknown kind of record (${kindName.slice(0, 40)})` };
  if (!idSchema.safeParse(id).success) return { ok: false, reason: 'a record id that is not valid' };
  const needsShard = Boolean(kind.shard.dir) && kind.list !== null;
  if (needsShard ? !idSchema.safeParse(shard).success : shard !== null)
    return { ok: false, reason: `a ${kind.name} filed in a place that is not valid` };
  if (json === null) return { ok: true, kind, record: null };
  const parsed = kind.schema.safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      reason: `a ${kind.name} that is not valid (${parsed.error.issues[0]?.message ?? 'bad value'})`,
    };
  const record = parsed.data as Record<string, unknown>;
  if (kind.idOf(record) !== id)
    return { ok: false, reason: `a ${kind.name} whose id does not match its row` };
  return { ok: true, kind, record };
}

/** A change to apply to the store: the record's new content, or null to remove it. */
export interface RecordWrite {
  kind: RecordKind;
  id: string;
  shard: string | null;
  record: Record<string, unknown> | null;
}

/**
 * Writes records into their store files, one write per file. Returns the writes the store refused (its
 * whole-file validation), which the caller reports; the others are written.
 */
export function writeRecords(store: ShardStore, writes: readonly RecordWrite[]): RecordWrite[] {
  const byFile = new Map<string, RecordWrite[]>();
  for (const write of writes) {
    const file = `${write.kind.shard.name}/${write.kind.list === null ? write.id : (write.shard ?? '')}`;
    byFile.set(file, [...(byFile.get(file) ?? []), write]);
  }
  const refused: RecordWrite[] = [];
  for (const group of byFile.values()) {
    try {
      writeFile(store, group);
    } catch {
      // One bad record must not keep the good ones of the same file out: try them one by one.
      for (const write of group) {
        try {
          writeFile(store, [write]);
        } catch {
          refused.push(write);
        }
      }
    }
  }
  return refused;
}

function writeFile(store: ShardStore, writes: readonly RecordWrite[]): void {
  const first = writes[0]!;
  const { shard: kindShard } = first.kind;
  if (first.kind.list === null) {
    // The whole file is the record (a meeting).
    if (first.record === null) {
      if (store.has(kindShard, first.id)) store.remove(kindShard, first.id);
    } else store.put(kindShard, first.id, first.record);
    return;
  }
  const key = kindShard.dir ? first.shard : null;
  const exists = key === null || store.has(kindShard, key);
  const data = {
    ...(exists
      ? (store.get(kindShard, key) as Record<string, unknown>)
      : (kindShard.empty() as Record<string, unknown>)),
  };
  for (const write of writes) {
    const list = write.kind.list!;
    const records = [...((data[list] as Record<string, unknown>[] | undefined) ?? [])];
    const at = records.findIndex((r) => write.kind.idOf(r) === write.id);
    if (write.record === null) {
      if (at >= 0) records.splice(at, 1);
    } else if (at >= 0) records[at] = write.record;
    else records.push(write.record);
    data[list] = records;
  }
  store.put(kindShard, key, data);
}

/** The record as stored now, or null. */
export function currentRecord(
  store: ShardStore,
  kind: RecordKind,
  id: string,
  shard: string | null,
): Record<string, unknown> | null {
  if (kind.list === null) {
    if (!store.has(kind.shard, id)) return null;
    return store.get(kind.shard, id) as Record<string, unknown>;
  }
  const key = kind.shard.dir ? shard : null;
  if (key !== null && !store.has(kind.shard, key)) return null;
  const records = (store.get(kind.shard, key) as Record<string, unknown>)[kind.list] as
    Record<string, unknown>[] | undefined;
  return records?.find((r) => kind.idOf(r) === id) ?? null;
}
