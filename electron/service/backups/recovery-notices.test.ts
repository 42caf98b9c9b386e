import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { call, createUnit, damage, open, sampleMeeting, tempDir } from '../../../test/unit/workbook-helpers';
import { meetingShard } from '../store/shards';

/** A file quarantined with no good copy is mentioned until the BRM dismisses the notice, across restarts. */

let dir: string;
beforeEach(() => (dir = tempDir('brm-notices-')));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('keeps a quarantine notice through two restarts, and drops it once dismissed', async () => {
  let wb = open(dir);
  const unit = await createUnit(wb, 'Retail Banking');
  wb.store.put(meetingShard, 'meeting0001', sampleMeeting('meeting0001', unit.id));
  wb.close();
  // No snapshot holds the meeting: it cannot be restored, only quarantined.
  fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
  fs.rmSync(path.join(dir, 'meetings', '.summaries.json'));
  damage(path.join(dir, 'meetings', 'meeting0001.json'), 'garbage');

  for (let start = 1; start <= 3; start++) {
    wb = open(dir);
    const notices = await call(wb, 'listRecoveryNotices');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      file: 'meetings/meeting0001.json',
      restoredFrom: null,
      level: 'error',
    });
    expect(notices[0]!.message).toContain('no good backup of it exists');
    if (start < 3) wb.close();
  }
  const left = await call(wb, 'dismissRecoveryNotice', {
    id: (await call(wb, 'listRecoveryNotices'))[0]!.id,
  });
  expect(left).toEqual([]);
  wb.close();
  wb = open(dir);
  expect(await call(wb, 'listRecoveryNotices')).toEqual([]);
  expect(wb.store.notices).toEqual([]);
  wb.close();
});
