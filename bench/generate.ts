/**
 * Generates a BRM's workbook of many years from a fixed seed and writes it straight to store files,
 * in the exact envelope the ShardStore reads, so the bench measures the real load path.
 *
 * This module draws the workbook unit by unit and writes the files; what is drawn lives beside it:
 * `generate-profile` (options and counts per year), `generate-units` (units, contacts),
 * `generate-meetings` (meetings, minutes, actions), `generate-registers` (agreements, feedback, surveys)
 * and `generate-text` (sentences, dates). Every draw takes the next number from one seeded Prng, so the
 * order of the calls is part of the output: moving a call changes every byte after it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'date-fns';
import type { Contact, Directory } from '../shared/domain/customers';
import type { Meeting } from '../shared/domain/meetings';
import type { ShardFile, ShardKind } from '../electron/service/store/shard-kind';
import {
  directoryShard,
  meetingShard,
  unitRecordsShard,
  type UnitRecords,
} from '../electron/service/store/shards';
import { makeUnitHistory } from './generate-meetings';
import { CONTACT_ROLES_PER_UNIT, type GenerateOptions } from './generate-profile';
import { UNIT_RECORD_SOURCES } from './generate-registers';
import { TextMaker } from './generate-text';
import { makeContact, makeUnits } from './generate-units';
import { Prng } from './prng';
import * as words from './vocabulary';

export { TEN_YEAR_WORKBOOK, TENFOLD_WORKBOOK, type GenerateOptions } from './generate-profile';

export interface GeneratedWorkbook {
  directory: Directory;
  meetings: Meeting[];
  /** Keyed by unit id, in unit order. */
  unitRecords: Map<string, UnitRecords>;
}

/** Bumped with every change to what the generator makes: cached workbooks of another version are not reused. */
export const GENERATOR_VERSION = 2;

/** One unit's share of the workbook: its records file and its meetings. */
interface UnitPart {
  unitId: string;
  records: UnitRecords;
  meetings: Meeting[];
}

/**
 * The workbook as a directory and, unit by unit, the rest: a team-sized workbook is written one unit at a
 * time instead of being held whole in memory. The random sequence is the same as for generateWorkbook.
 */
function streamWorkbook(options: GenerateOptions): { directory: Directory; parts: Generator<UnitPart> } {
  const rng = new Prng(options.seed);
  const until = parse(options.until, 'yyyy-MM-dd', new Date(2000, 0, 1));
  const text = new TextMaker(rng);
  const people = rng.sample(
    words.FIRST_NAMES.flatMap((first) => words.LAST_NAMES.map((last) => `${first} ${last}`)),
    options.units * CONTACT_ROLES_PER_UNIT.length + 40,
  );
  const itPeople = people.splice(0, 40);

  const units = makeUnits(rng, options, until, text, itPeople);
  const contacts = units.flatMap((unit) =>
    CONTACT_ROLES_PER_UNIT.map((role) => makeContact(rng, unit, role, people.pop() ?? 'Sam Doe', until)),
  );
  const contactsOf = new Map<string, Contact[]>();
  for (const contact of contacts)
    contactsOf.set(contact.unitId, [...(contactsOf.get(contact.unitId) ?? []), contact]);
  function* parts(): Generator<UnitPart> {
    for (const [index, unit] of units.entries()) {
      const history = makeUnitHistory(
        rng,
        options,
        until,
        index,
        unit,
        contactsOf.get(unit.id) ?? [],
        itPeople,
        text,
      );
      const records = Object.fromEntries(
        Object.entries(UNIT_RECORD_SOURCES).map(([key, source]) => [
          key,
          source(history, rng, until, options.years),
        ]),
      ) as UnitRecords;
      yield { unitId: unit.id, records, meetings: history.meetings };
    }
  }
  return { directory: { units, contacts }, parts: parts() };
}

export function generateWorkbook(options: GenerateOptions): GeneratedWorkbook {
  const { directory, parts } = streamWorkbook(options);
  const meetings: Meeting[] = [];
  const unitRecords = new Map<string, UnitRecords>();
  for (const part of parts) {
    meetings.push(...part.meetings);
    unitRecords.set(part.unitId, part.records);
  }
  return { directory, meetings, unitRecords };
}

// ── Files ─────────────────────────────────────────────────────────────────────

/** The store files of a workbook, keyed by their path under the data folder, in a stable order. */
export function* storeFiles(workbook: GeneratedWorkbook): Generator<[string, string]> {
  yield shardFile(directoryShard, null, workbook.directory);
  for (const [unitId, records] of workbook.unitRecords) yield shardFile(unitRecordsShard, unitId, records);
  for (const meeting of workbook.meetings) yield shardFile(meetingShard, meeting.id, meeting);
}

function shardFile<T>(kind: ShardKind<T>, key: string | null, data: T): [string, string] {
  const rel = kind.dir ? `${kind.dir}/${key}.json` : `${kind.name}.json`;
  const file: ShardFile = { schemaVersion: kind.version, data };
  return [rel, JSON.stringify(file)];
}

export function writeWorkbook(
  dataDir: string,
  workbook: GeneratedWorkbook,
): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const made = new Set<string>();
  for (const [rel, content] of storeFiles(workbook)) {
    const target = path.join(dataDir, rel);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    fs.writeFileSync(target, content);
    files++;
    bytes += Buffer.byteLength(content);
  }
  return { files, bytes };
}

export interface WrittenWorkbook {
  files: number;
  bytes: number;
  units: number;
  contacts: number;
  meetings: number;
  actions: number;
}

/** Generates and writes a workbook one unit at a time (the team-sized one does not fit in memory whole). */
export function writeGeneratedWorkbook(dataDir: string, options: GenerateOptions): WrittenWorkbook {
  const { directory, parts } = streamWorkbook(options);
  const out = { files: 0, bytes: 0, units: directory.units.length, contacts: directory.contacts.length };
  const counts = { meetings: 0, actions: 0 };
  const write = ([rel, content]: [string, string]) => {
    const target = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
    out.files++;
    out.bytes += Buffer.byteLength(content);
  };
  write(shardFile(directoryShard, null, directory));
  for (const part of parts) {
    write(shardFile(unitRecordsShard, part.unitId, part.records));
    for (const meeting of part.meetings) write(shardFile(meetingShard, meeting.id, meeting));
    counts.meetings += part.meetings.length;
    counts.actions += part.records.actions.length;
  }
  return { ...out, ...counts };
}

/** A SHA-256 over every store file and its path: equal for equal seeds and options. */
export function workbookChecksum(workbook: GeneratedWorkbook): string {
  const hash = crypto.createHash('sha256');
  for (const [rel, content] of storeFiles(workbook))
    hash.update(rel).update('\0').update(content).update('\0');
  return hash.digest('hex');
}
