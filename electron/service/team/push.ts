import { newId } from '../../../shared/domain/ids';
import type { TeamConnection, OutgoingChange } from './connection';
import { FIRST_KINDS, RECORD_KINDS, allRecords, recordKey, type LocatedRecord } from './records';
import { BATCH, type SyncCore } from './sync-core';

/** Sends the outbox in batches. True when a change was refused as stale (a pull must merge first). */
export async function pushAll(core: SyncCore, conn: TeamConnection): Promise<boolean> {
  const { outbox, state } = core;
  const tried = new Set<string>();
  for (;;) {
    const entries = [...outbox.pending.values()].filter((e) => !tried.has(e.changeId)).slice(0, BATCH);
    if (entries.length === 0) return false;
    const batch = entries.map((e): OutgoingChange => {
      tried.add(e.changeId);
      if (!e.sentIds.includes(e.changeId)) e.sentIds = [...e.sentIds, e.changeId].slice(-50);
      return { changeId: e.changeId, kind: e.kind, id: e.id, shard: e.shard, json: e.json, baseNo: e.baseNo };
    });
    // The ids are on disk before they leave: a row coming back with one after a crash is recognised.
    outbox.save();
    const answers = await conn.push(batch);
    let stale = false;
    answers.forEach((answer, i) => {
      const sent = batch[i]!;
      const key = recordKey(sent.kind, sent.id);
      if (answer.changeNo === null) {
        stale = true;
        return;
      }
      state.versions[key] = Math.max(state.versions[key] ?? 0, answer.changeNo);
      const entry = outbox.pending.get(key);
      if (!entry) return;
      if (entry.changeId === sent.changeId) outbox.pending.delete(key);
      else Object.assign(entry, { base: sent.json, baseNo: answer.changeNo });
    });
    outbox.save();
    core.stateChanged();
    if (stale) return true;
  }
}

/**
 * The first push of "Share this workbook": every record the server does not have yet, in batches, with
 * `report` told how many went. Records a colleague already shared with the same id are merged by the
 * next pull.
 */
export async function shareRecords(
  core: SyncCore,
  conn: TeamConnection,
  records: Iterable<LocatedRecord>,
  report: (done: number, total: number) => void,
): Promise<number> {
  const { outbox, state } = core;
  const todo = [...records].filter((r) => {
    const key = recordKey(r.kind.name, r.id);
    return state.versions[key] === undefined && !outbox.pending.has(key);
  });
  let done = 0;
  report(0, todo.length);
  for (let at = 0; at < todo.length; at += BATCH) {
    const batch = todo.slice(at, at + BATCH).map((r): OutgoingChange => ({
      changeId: newId(),
      kind: r.kind.name,
      id: r.id,
      shard: r.shard,
      json: r.record,
      baseNo: 0,
    }));
    const answers = await conn.push(batch);
    answers.forEach((answer, i) => {
      const sent = batch[i]!;
      const key = recordKey(sent.kind, sent.id);
      if (answer.changeNo !== null) state.versions[key] = answer.changeNo;
      else if (!outbox.pending.has(key))
        // A colleague shared a record with this id: the next pull merges the two.
        outbox.pending.set(key, { ...sent, base: null, json: sent.json, sentIds: [] });
    });
    outbox.save();
    core.files.writeState(state);
    done += batch.length;
    report(done, todo.length);
  }
  return done;
}

/**
 * Kinds of record added to the team workbook after this laptop shared it (an outcome, a decision's
 * register entry): their records were never captured, so they are sent once, as "Share this workbook"
 * would. A laptop that has not shared yet only notes the kinds: its first share sends everything.
 */
export async function shareNewKinds(core: SyncCore, conn: TeamConnection): Promise<void> {
  const known = core.state.kinds ?? FIRST_KINDS;
  const added = RECORD_KINDS.filter((k) => !known.includes(k.name));
  if (added.length === 0) return;
  if (Object.keys(core.state.versions).length > 0)
    await shareRecords(core, conn, allRecords(core.store, added), () => undefined);
  core.state.kinds = RECORD_KINDS.map((k) => k.name);
  core.files.writeState(core.state);
}
