import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createUnit, damage, open, sampleMeeting, tempDir } from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';
import { meetingShard } from './shards';
import { CATALOG_FILE } from './summary-catalog';

/** `meetings/.summaries.json` is a cache: an entry that is wrong is not served, and recoveries reach every list. */

let dir: string;
const open_: Workbook[] = [];
const reopen = () => {
  const wb = open(dir);
  open_.push(wb);
  return wb;
};
beforeEach(() => (dir = tempDir('brm-summaries-')));
afterEach(() => {
  for (const wb of open_.splice(0)) wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const catalogFile = () => path.join(dir, 'meetings', CATALOG_FILE);
const list = (wb: Workbook) => call(wb, 'listMeetings', { unitId: null });

async function twoMeetings(): Promise<string> {
  const wb = reopen();
  const unit = await createUnit(wb, 'Retail Banking');
  wb.store.put(meetingShard, 'meeting0001', { ...sampleMeeting('meeting0001', unit.id), status: 'held' });
  wb.store.put(meetingShard, 'meeting0002', sampleMeeting('meeting0002', unit.id));
  wb.close();
  return unit.id;
}

function editCatalog(change: (entries: Record<string, Record<string, unknown>>) => void): void {
  // Written with a derived-file header (a line with its CRC-32); edited by hand it is plain JSON, which is
  // read too, but checked entry by entry.
  const [, payload] = fs.readFileSync(catalogFile(), 'utf8').split('\n', 2);
  const file = JSON.parse(payload ?? '') as { entries: Record<string, Record<string, unknown>> };
  change(file.entries);
  fs.writeFileSync(catalogFile(), JSON.stringify(file));
}

describe('the meetings summaries file', () => {
  it('does not serve an entry that fails its schema: it is made again from the meeting file', async () => {
    await twoMeetings();
    editCatalog((entries) => Object.assign(entries.meeting0001!, { date: 12, status: 'bogus' }));
    const wb = reopen();
    const meetings = await list(wb);
    const first = meetings.find((m) => m.id === 'meeting0001');
    expect(first).toMatchObject({ date: '2026-11-24', status: 'held' });
    expect(wb.store.notices).toEqual([]);
    // Written again whole, with the CRC that lets the next start take it without checking each entry.
    expect(fs.readFileSync(catalogFile(), 'utf8')).toMatch(/^\{"derived":"summaries","format":2,/);
  });

  it('does not serve an entry that describes another meeting', async () => {
    await twoMeetings();
    editCatalog((entries) => (entries.meeting0002 = { ...entries.meeting0001! }));
    const meetings = await list(reopen());
    expect(meetings.map((m) => [m.id, m.status]).sort()).toEqual([
      ['meeting0001', 'held'],
      ['meeting0002', 'planned'],
    ]);
  });

  it('after a damaged meeting is restored from a snapshot, every list matches it at once', async () => {
    const unitId = await twoMeetings();
    let wb = reopen();
    wb.store.backupNow('periodic');
    wb.store.put(meetingShard, 'meeting0002', {
      ...sampleMeeting('meeting0002', unitId, 'Finalised minutes'),
      status: 'finalised',
    });
    wb.close();
    damage(path.join(dir, 'meetings', 'meeting0002.json'), '{"schemaVersion":1,"data":{"id');
    wb = reopen();
    const detail = await call(wb, 'getMeeting', { id: 'meeting0002' });
    expect(detail.meeting.status).toBe('planned');
    expect((await list(wb)).find((m) => m.id === 'meeting0002')?.status).toBe('planned');
    const found = await call(wb, 'search', { query: 'Finalised minutes' });
    expect(JSON.stringify(found)).not.toContain('meeting0002');
  });

  it('built at a first start, keeps the summary of each meeting and not the meeting, even during the scan', async () => {
    await twoMeetings();
    fs.rmSync(catalogFile());
    const wb = reopen();
    expect(wb.store.isRead(meetingShard, 'meeting0001')).toBe(false);
    expect((await list(wb)).map((m) => [m.id, m.status]).sort()).toEqual([
      ['meeting0001', 'held'],
      ['meeting0002', 'planned'],
    ]);
    // The open wrote the summaries again; without them the scan reads every meeting. A team-sized workbook
    // has 60,000: holding them all until the scan ended took gigabytes.
    fs.rmSync(catalogFile());
    const scanned = wb.store['loader'].scan().filter((found) => found.kind === meetingShard);
    expect(scanned.map((found) => [found.rel, found.text, found.decoded, found.summary?.value])).toEqual([
      ['meetings/meeting0001.json', null, null, expect.objectContaining({ status: 'held' })],
      ['meetings/meeting0002.json', null, null, expect.objectContaining({ status: 'planned' })],
    ]);
  });

  it('a catalog damaged inside (its CRC no longer matches) is made again from the meeting files', async () => {
    await twoMeetings();
    const text = fs.readFileSync(catalogFile(), 'utf8');
    // One summary says "planned" where the file says "held": still JSON, but not what was written.
    fs.writeFileSync(catalogFile(), text.replace('"status":"held"', '"status":"planned"'));
    const wb = reopen();
    expect((await list(wb)).map((m) => [m.id, m.status]).sort()).toEqual([
      ['meeting0001', 'held'],
      ['meeting0002', 'planned'],
    ]);
    expect(fs.readFileSync(catalogFile(), 'utf8')).toContain('"status":"held"');
  });
});
