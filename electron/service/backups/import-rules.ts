import { idSchema } from '../../../shared/domain/common';
import type { Directory } from '../../../shared/domain/customers';
import type { Meeting } from '../../../shared/domain/meetings';
import type { ShardKind } from '../store/shard-kind';
import { directoryShard, meetingShard, unitRecordsShard, type UnitRecords } from '../store/shards';

/**
 * What an imported workbook must satisfy beyond each file's own schema, by the API's rules: file names are
 * record ids as the API accepts them (never `__proto__`, `constructor`, …), a meeting's or unit's file is
 * named by its own id, and references resolve (a contact's unit, an action's meeting). A file that imports
 * but breaks these is served wrongly (listed twice, not found, pointing nowhere), so it is refused whole.
 */
export interface ImportedFile {
  rel: string;
  kind: ShardKind<unknown>;
  key: string | null;
  data: unknown;
}

/** The first rule an imported workbook breaks, naming the file, or null when it keeps them all. */
export function firstBrokenRule(files: readonly ImportedFile[]): string | null {
  const directory = files.find((f) => f.kind === directoryShard)?.data as Directory | undefined;
  const unitIds = new Set(directory?.units.map((u) => u.id) ?? []);
  const meetingIds = new Set(files.filter((f) => f.kind === meetingShard).map((f) => f.key));
  for (const file of files) {
    const broken = brokenRule(file, unitIds, meetingIds);
    if (broken) return `in ${file.rel.slice(0, 120)}, ${broken}`;
  }
  return null;
}

function brokenRule(file: ImportedFile, unitIds: Set<string>, meetingIds: Set<string | null>): string | null {
  const { kind, key } = file;
  if (key !== null) {
    const prototypeName = key in Object.prototype || key === 'prototype';
    const needsId = kind === meetingShard || kind === unitRecordsShard;
    if (prototypeName || (needsId && !idSchema.safeParse(key).success))
      return 'the file name is not a valid record id';
  }
  if (kind === directoryShard) {
    const directory = file.data as Directory;
    const contact = directory.contacts.find((c) => !unitIds.has(c.unitId));
    if (contact) return `the contact "${contact.name}" belongs to a unit that does not exist`;
    const unit = directory.units.find((u) => u.parentId !== null && !unitIds.has(u.parentId));
    if (unit) return `the unit "${unit.name}" is under a unit that does not exist`;
  }
  if (kind === meetingShard) {
    const meeting = file.data as Meeting;
    if (meeting.id !== key) return `the file name differs from the meeting's own id (${meeting.id})`;
    if (!unitIds.has(meeting.unitId)) return 'the meeting is for a unit that does not exist';
  }
  if (kind === unitRecordsShard) {
    if (!unitIds.has(key ?? '')) return 'the file is for a unit that does not exist';
    const action = (file.data as UnitRecords).actions.find(
      (a) => a.unitId !== key || (a.raisedInMeetingId !== null && !meetingIds.has(a.raisedInMeetingId)),
    );
    if (action)
      return `the action "${action.title.slice(0, 80)}" points to a unit or meeting that does not exist`;
  }
  return null;
}
