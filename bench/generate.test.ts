import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callAs } from '../test/unit/workbook-helpers';
import { openWorkbook } from '../electron/service/workbook';
import { meetingShard, unitRecordsShard } from '../electron/service/store/shards';
import { generateWorkbook, workbookChecksum, writeWorkbook, type GenerateOptions } from './generate';

const SMALL: GenerateOptions = { seed: 7, units: 3, years: 1, until: '2026-11-30' };
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ten-year workbook generator', () => {
  it('makes the same workbook from the same seed, and another from another seed', () => {
    const a = generateWorkbook(SMALL);
    const b = generateWorkbook(SMALL);
    expect(workbookChecksum(a)).toBe(workbookChecksum(b));
    expect(workbookChecksum(generateWorkbook({ ...SMALL, seed: 8 }))).not.toBe(workbookChecksum(a));
    // A change to the generator changes every figure the bench reports: it must be deliberate.
    expect(workbookChecksum(a)).toMatchInlineSnapshot(
      `"6398c14a602a6686639353276c75d7fc0f6771a096fb222e6250bd15761c4017"`,
    );
  });

  it('makes the counts the bench asks for, per unit and year', () => {
    const workbook = generateWorkbook({ ...SMALL, years: 2 });
    const actions = [...workbook.unitRecords.values()].flatMap((r) => r.actions);
    expect(workbook.directory.units).toHaveLength(3);
    expect(workbook.directory.contacts).toHaveLength(30);
    expect(workbook.meetings).toHaveLength(3 * 2 * 15);
    expect(actions).toHaveLength(3 * 2 * 75);
    const records = [...workbook.unitRecords.values()];
    expect(records.flatMap((r) => r.agreements)).toHaveLength(3 * 2);
    expect(records.flatMap((r) => r.feedback)).toHaveLength(3 * 2 * 5);
    expect(records.flatMap((r) => r.surveys)).toHaveLength(3 * 2 * 7.5);
    expect(actions.some((a) => a.status === 'open' || a.status === 'in-progress')).toBe(true);
    expect(actions.some((a) => a.trail.length > 0 && a.status === 'done')).toBe(true);
    // About 4 KB of minutes per held meeting.
    const held = workbook.meetings.filter((m) => m.status !== 'planned');
    const minutes = held.reduce((n, m) => n + m.agenda.reduce((k, i) => k + i.minutes.length, 0), 0);
    expect(minutes / held.length).toBeGreaterThan(3500);
    expect(minutes / held.length).toBeLessThan(5000);
  });

  it('writes store files the real store opens without a complaint', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brm-gen-'));
    dirs.push(dir);
    const generated = generateWorkbook(SMALL);
    writeWorkbook(dir, generated);
    const workbook = openWorkbook({
      dataDir: dir,
      host: { saveDocument: () => Promise.reject(new Error('not used')) },
      trustedOrigins: ['app://test'],
    });
    expect(workbook.store.notices).toEqual([]);
    expect(workbook.store.keys(meetingShard)).toHaveLength(generated.meetings.length);
    expect(workbook.store.keys(unitRecordsShard)).toHaveLength(3);
    const directory = await callAs({ url: 'app://test/', isMainFrame: true }, workbook, 'getDirectory');
    expect(directory.units).toHaveLength(3);
  });
});
