import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  contactFields,
  createUnit,
  open,
  refusal,
  sampleMeeting,
  tempDir,
  treeState,
} from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';
import { meetingShard } from '../store/shards';
import { encodeWorkbook } from './workbook-file';

/** Import follows the API's rules: each crafted file of issue 12 is refused whole, naming the file, changing nothing. */

let dir: string;
let wb: Workbook;
let unitId: string;
beforeEach(async () => {
  dir = tempDir('brm-import-rules-');
  wb = open(dir);
  unitId = (await createUnit(wb, 'Retail Banking')).id;
  await call(wb, 'createContact', { unitId, fields: contactFields('Jane Doe') });
  wb.store.put(meetingShard, 'meeting0001', sampleMeeting('meeting0001', unitId));
});
afterEach(() => {
  wb.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The workbook as Export writes it, as an object to tamper with. */
function exported(): { files: Record<string, { schemaVersion: number; data: Record<string, unknown> }> } {
  return JSON.parse(encodeWorkbook(wb.store.exportFiles(), wb.store.kinds, new Date())) as ReturnType<
    typeof exported
  >;
}

async function expectRefused(file: unknown, naming: string, why: RegExp) {
  const before = treeState(dir);
  const error = await refusal(wb, 'importWorkbook', { content: JSON.stringify(file) });
  expect(error.code).toBe('invalid-input');
  expect(error.message).toContain(`in ${naming},`);
  expect(error.message).toMatch(why);
  expect(error.message).toContain('Nothing was changed.');
  expect(treeState(dir)).toEqual(before);
  expect((await call(wb, 'listMeetings', { unitId: null })).length).toBe(1);
}

describe('an imported workbook', () => {
  it('is accepted as exported (the rules hold for what the app writes)', async () => {
    const result = await call(wb, 'importWorkbook', {
      content: JSON.stringify(exported()),
    });
    expect(result.files).toBeGreaterThan(1);
  });

  it('with units/__proto__.json is refused', async () => {
    const file = exported();
    file.files['units/__proto__.json'] = { schemaVersion: 1, data: { actions: [] } };
    await expectRefused(file, 'units/__proto__.json', /not a valid record id/);
    expect(fs.existsSync(`${dir}/units/__proto__.json`)).toBe(false);
  });

  it('with meetings/constructor.json is refused', async () => {
    const file = exported();
    file.files['meetings/constructor.json'] = file.files['meetings/meeting0001.json']!;
    await expectRefused(file, 'meetings/constructor.json', /not a valid record id/);
  });

  it('with a meeting file named other than its meeting is refused', async () => {
    const file = exported();
    file.files['meetings/meeting0002.json'] = file.files['meetings/meeting0001.json']!;
    await expectRefused(file, 'meetings/meeting0002.json', /differs from the meeting's own id/);
  });

  it('with a contact of a unit that does not exist is refused', async () => {
    const file = exported();
    const directory = file.files['directory.json']!.data as { contacts: { unitId: string }[] };
    directory.contacts[0]!.unitId = 'unit-gone-000';
    await expectRefused(file, 'directory.json', /contact "Jane Doe" belongs to a unit that does not exist/);
  });

  it('with an action raised in a meeting that does not exist is refused', async () => {
    await call(wb, 'addAction', {
      meetingId: 'meeting0001',
      agendaItemId: null,
      fields: { title: 'Send the SLA draft', owner: 'Jane', dueDate: '2026-12-01' },
    });
    const file = exported();
    const actions = file.files[`units/${unitId}.json`]!.data.actions as {
      raisedInMeetingId: string | null;
    }[];
    expect(actions).toHaveLength(1);
    actions[0]!.raisedInMeetingId = 'meeting-gone';
    await expectRefused(file, `units/${unitId}.json`, /points to a unit or meeting that does not exist/);
  });
});
