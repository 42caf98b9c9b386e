import { WorkbookError } from '../../../shared/contract/define';
import type { TeamConflict } from '../../../shared/contract/team';
import { richTextToPlain } from '../../../shared/rich-text/rich-text';
import { meetingShard } from '../store/shards';
import { mergeText, withField } from './merge';
import { currentRecord, recordKindNamed, writeRecords } from './records';
import { RECORD_FIELD } from './pull';
import type { Conflict } from './sync-files';
import type { SyncCore } from './sync-core';

export type Resolution = { take: 'mine' } | { take: 'theirs' } | { text: string };

/** The inbox as the window shows it: both values, and for minutes a merged text to start from. */
export function conflictViews(core: SyncCore): TeamConflict[] {
  return core.outbox.conflicts.map((c) => ({
    id: c.id,
    kind: c.kind,
    recordId: c.recordId,
    label: c.label,
    recordName: c.kind === 'decision' ? decisionName(core, c) : recordName(c, recordNow(core, c)),
    mine: c.mine,
    theirs: c.theirs,
    writer: c.writer,
    at: c.at,
    suggestion:
      /minutes$/.test(c.field) && typeof c.mine === 'string' && typeof c.theirs === 'string'
        ? mergeText(typeof c.base === 'string' ? c.base : '', c.mine, c.theirs)
        : null,
  }));
}

/**
 * Keeps this laptop's value, the colleague's, or an edited text. Keeping anything but the colleague's is
 * a normal local edit: captured into the outbox and sent like any other, so the choice reaches both.
 */
export function resolveConflict(core: SyncCore, conflictId: string, resolution: Resolution): void {
  const { outbox } = core;
  const conflict = outbox.conflicts.find((c) => c.id === conflictId);
  if (!conflict) throw new WorkbookError('not-found', 'That conflict was already resolved.');
  if (!('take' in resolution && resolution.take === 'theirs')) keepValue(core, conflict, resolution);
  outbox.conflicts = outbox.conflicts.filter((c) => c.id !== conflictId);
  outbox.save();
}

function keepValue(core: SyncCore, conflict: Conflict, resolution: Resolution): void {
  const kind = recordKindNamed(conflict.kind)!;
  const value = 'text' in resolution ? resolution.text : conflict.mine;
  let record: Record<string, unknown> | null;
  if (conflict.field === RECORD_FIELD) record = value as Record<string, unknown> | null;
  else {
    const current = currentRecord(core.store, kind, conflict.recordId, conflict.shard);
    if (!current)
      throw new WorkbookError('not-found', 'That record was deleted since; nothing to keep it in.');
    record = withField(current, conflict.field, value);
  }
  if (record !== null && !kind.schema.safeParse(record).success)
    throw new WorkbookError('invalid-input', 'That value cannot be kept: it is not valid for this record.');
  const refused = writeRecords(core.store, [{ kind, id: conflict.recordId, shard: conflict.shard, record }]);
  if (refused.length > 0)
    throw new WorkbookError('storage', 'The choice could not be saved. Nothing was changed.');
}

/** The record of a conflict as stored now, or null (deleted, or its file cannot be read). */
function recordNow(core: SyncCore, conflict: Conflict): Record<string, unknown> | null {
  const kind = recordKindNamed(conflict.kind);
  try {
    return kind ? currentRecord(core.store, kind, conflict.recordId, conflict.shard) : null;
  } catch {
    return null;
  }
}

/** What the BRM calls the record of a conflict: its name or title. */
function recordName(conflict: Conflict, now: Record<string, unknown> | null): string {
  const record = [now, conflict.mine, conflict.theirs, conflict.base].find(
    (r): r is Record<string, unknown> => typeof r === 'object' && r !== null && !Array.isArray(r),
  );
  const name = record?.name ?? record?.title ?? record?.outcome ?? record?.date;
  return typeof name === 'string' ? name.slice(0, 200) : conflict.recordId;
}

/** A decision's register entry has no words of its own: the BRM knows it by its text in the meeting. */
function decisionName(core: SyncCore, conflict: Conflict): string {
  // A whole-record conflict (deleted on one side) holds the record itself; a field conflict, the field.
  const record = [recordNow(core, conflict), conflict.mine, conflict.theirs].find(
    (r): r is Record<string, unknown> => typeof r === 'object' && r !== null,
  );
  const meetingId = record?.meetingId;
  const header =
    typeof meetingId === 'string' ? core.store.summaries(meetingShard).get(meetingId) : undefined;
  const decision = header?.decisions.find((d) => d.id === conflict.recordId);
  return decision ? richTextToPlain(decision.text).slice(0, 200) : conflict.recordId;
}
