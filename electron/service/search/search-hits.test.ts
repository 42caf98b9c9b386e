import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../../shared/contract/search';
import type { ActionItem } from '../../../shared/domain/meetings';
import { meetingShard, unitRecordsSchema, unitRecordsShard } from '../store/shards';
import {
  sampleMeeting,
  testWorkbook,
  unitFields,
  type TestWorkbook,
} from '../../../test/unit/workbook-helpers';

/**
 * The hits a search shows are made again from their files (the index keeps no text): only the hits'
 * documents, from the files' raw data. What a BRM sees must be the same as from the checked files.
 */

const AT = '2026-03-02T10:00:00.000Z';
const opened: TestWorkbook[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) {
    t.wb.close();
    t.close();
  }
});

function workbook(dir?: string): TestWorkbook {
  const t = testWorkbook({ dir });
  opened.push(t);
  return t;
}

const action = (unitId: string, id: string, title: string, owner: string): ActionItem => ({
  id,
  createdAt: AT,
  updatedAt: AT,
  title,
  owner,
  dueDate: '2026-03-16',
  unitId,
  status: 'open',
  raisedInMeetingId: null,
  agendaItemId: null,
  trail: [],
});

const hits = (results: SearchResults) =>
  results.groups.flatMap((group) => group.hits.map((hit) => [group.kind, hit.title, hit.snippet]));

describe('the hits of a search', () => {
  it('show the minutes and decision found in a meeting with many agenda items, each with its own text', async () => {
    const t = workbook();
    const unit = await t.call('createUnit', { parentId: null, fields: unitFields('Retail Banking') });
    const meeting = sampleMeeting('meeting0001', unit.id);
    meeting.agenda = Array.from({ length: 8 }, (_, n) => ({
      id: `agenda-item${n}`,
      title: `Item ${n}`,
      guidance: '',
      minutes: n === 5 ? 'The **payroll** outage was discussed.' : `Routine *update* ${n}.`,
      decisions: n === 6 ? [{ id: 'decision6', text: 'Payroll runs twice on month end.' }] : [],
    }));
    t.wb.store.put(meetingShard, meeting.id, meeting);
    expect(hits(await t.call('search', { query: 'payroll' }))).toEqual([
      ['minutes', 'Item 5', expect.stringContaining('payroll outage was discussed')],
      ['decision', 'Payroll runs twice on month end.', expect.any(String)],
    ]);
  });

  it('stay text when a unit file was edited by hand to hold an object where a title belongs', async () => {
    let t = workbook();
    const unit = await t.call('createUnit', { parentId: null, fields: unitFields('Retail Banking') });
    t.wb.store.put(
      unitRecordsShard,
      unit.id,
      unitRecordsSchema.parse({ actions: [action(unit.id, 'action0001', 'Renew the licences', 'Zebedee')] }),
    );
    t.wb.close();
    const file = t.wb.store.filePath(unitRecordsShard, unit.id);
    const edited = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      data: { actions: Array<{ title: unknown }> };
    };
    edited.data.actions[0]!.title = { note: 'pasted' };
    fs.writeFileSync(file, JSON.stringify(edited));
    opened.pop();
    t = workbook(t.dir);
    const found = await t.call('search', { query: 'Zebedee' });
    // The action is still found by its owner; only its title is not what the schema allows.
    expect(hits(found).map(([kind]) => kind)).toContain('action');
    for (const [, title, snippet] of hits(found)) {
      expect(typeof title).toBe('string');
      expect(typeof snippet).toBe('string');
    }
  });
});
