import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArgOf } from '../../../shared/contract';
import type { ActionRegister } from '../../../shared/contract/meetings';
import type { ActionItem } from '../../../shared/domain/meetings';
import {
  call,
  createUnit,
  open,
  planFields,
  refusal,
  refusalUnchecked,
  tempDir,
} from '../../../test/unit/workbook-helpers';
import type { Workbook } from '../workbook';

/** The action register: actions raised in meetings, stored in their unit's file, listed page by page. */

let dir: string;
let wb: Workbook;

beforeEach(() => {
  dir = tempDir('brm-actions-');
  wb = open(dir, { now: () => new Date(2026, 2, 10, 9, 0) });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A unit with one periodic review planned on 31 March 2026, where the tests raise their actions. */
async function plannedMeeting() {
  const unitId = (await createUnit(wb, 'Retail')).id;
  const meeting = await call(wb, 'planMeeting', { unitId, fields: planFields('2026-03-31') });
  return { unitId, meeting };
}

describe('action register', () => {
  it("stores actions in the unit's own file, dates as calendar days", async () => {
    const { unitId, meeting } = await plannedMeeting();
    await call(wb, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: null,
      fields: { title: 'Call back', owner: '', dueDate: '2026-04-14' },
    });
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'units', `${unitId}.json`), 'utf8')) as {
      data: { actions: ActionItem[] };
    };
    expect(file.data.actions.map((a) => [a.title, a.dueDate, a.raisedInMeetingId])).toEqual([
      ['Call back', '2026-04-14', meeting.id],
    ]);
  });

  it('hands the register out page by page, earliest or latest due first, with the meetings each page names', async () => {
    const { meeting } = await plannedMeeting();
    for (let day = 1; day <= 25; day++) {
      await call(wb, 'addAction', {
        meetingId: meeting.id,
        agendaItemId: null,
        fields: {
          title: `Action ${day}`,
          owner: day % 2 ? 'Sam Lee' : '',
          dueDate: `2026-04-${String(day).padStart(2, '0')}`,
        },
      });
    }
    const filter = { unitId: null, owner: null, statuses: [], today: '2026-04-10', overdueOnly: false };
    const titles = (r: ActionRegister) => r.actions.map((a) => a.title);

    const first = await call(wb, 'listActions', { ...filter, page: { offset: 0, limit: 10 } });
    expect([first.offset, first.matching, first.total]).toEqual([0, 25, 25]);
    expect(titles(first)).toEqual(Array.from({ length: 10 }, (_, i) => `Action ${i + 1}`));
    expect(Object.keys(first.meetings)).toEqual([meeting.id]);

    const last = await call(wb, 'listActions', { ...filter, page: { offset: 20, limit: 10 } });
    expect(titles(last)).toEqual(['Action 21', 'Action 22', 'Action 23', 'Action 24', 'Action 25']);
    const beyond = await call(wb, 'listActions', { ...filter, page: { offset: 40, limit: 10 } });
    expect([beyond.offset, beyond.actions.length, beyond.matching]).toEqual([25, 0, 25]);

    const latest = await call(wb, 'listActions', {
      ...filter,
      latestFirst: true,
      page: { offset: 2, limit: 3 },
    });
    expect(titles(latest)).toEqual(['Action 23', 'Action 22', 'Action 21']);

    // The filter still applies before the page; an action added since shows up on the next call.
    const overdue = await call(wb, 'listActions', {
      ...filter,
      owner: 'Sam Lee',
      overdueOnly: true,
    });
    expect([overdue.matching, ...titles(overdue)]).toEqual([
      5,
      'Action 1',
      'Action 3',
      'Action 5',
      'Action 7',
      'Action 9',
    ]);
    await call(wb, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: null,
      fields: { title: 'Action 0', owner: 'Sam Lee', dueDate: '2026-03-31' },
    });
    const after = await call(wb, 'listActions', {
      ...filter,
      owner: 'Sam Lee',
      overdueOnly: true,
    });
    expect([after.matching, after.actions[0]?.title]).toEqual([6, 'Action 0']);

    expect((await refusal(wb, 'listActions', { ...filter, page: { offset: 0, limit: 5000 } })).code).toBe(
      'invalid-input',
    );
  });

  it('sorts the register by a column across all pages: owner descending, titles in natural order', async () => {
    const { meeting } = await plannedMeeting();
    const raised: [string, string, string][] = [
      ['Action 114', 'Ann Berg', '2026-04-01'],
      ['Action 2', 'Zoe Park', '2026-04-03'],
      ['action 10', 'Mo Chan', '2026-04-02'],
      ['Action 1', 'Zoe Park', '2026-04-04'],
    ];
    for (const [title, owner, dueDate] of raised) {
      await call(wb, 'addAction', {
        meetingId: meeting.id,
        agendaItemId: null,
        fields: { title, owner, dueDate },
      });
    }
    const filter = { unitId: null, owner: null, statuses: [], today: '2026-04-10', overdueOnly: false };
    const listed = async (sort: ArgOf<'listActions'>['sort'], page?: { offset: number; limit: number }) =>
      (await call(wb, 'listActions', { ...filter, sort, page })).actions.map((a) => a.title);

    // Owner Z to A; the two of Zoe Park stay in due-date order. The second page continues the same order.
    expect(await listed({ by: 'owner', direction: 'descending' })).toEqual([
      'Action 2',
      'Action 1',
      'action 10',
      'Action 114',
    ]);
    expect(await listed({ by: 'owner', direction: 'descending' }, { offset: 2, limit: 2 })).toEqual([
      'action 10',
      'Action 114',
    ]);
    expect(await listed({ by: 'title', direction: 'ascending' })).toEqual([
      'Action 1',
      'Action 2',
      'action 10',
      'Action 114',
    ]);
    expect(await listed({ by: 'due', direction: 'descending' })).toEqual([
      'Action 1',
      'Action 2',
      'action 10',
      'Action 114',
    ]);
    expect(
      (
        await refusalUnchecked(wb, 'listActions', {
          ...filter,
          sort: { by: 'secret', direction: 'ascending' },
        })
      ).code,
    ).toBe('invalid-input');
  });
});

describe('an action opened from the register', () => {
  it('opens one action whole from its row, and names an action that is not there', async () => {
    const { unitId, meeting } = await plannedMeeting();
    const raised = await call(wb, 'addAction', {
      meetingId: meeting.id,
      agendaItemId: null,
      fields: { title: 'Call back', owner: 'Sam Lee', dueDate: '2026-04-14' },
    });
    const action = raised.actions.find((a) => a.title === 'Call back')!;
    const row = (
      await call(wb, 'listActions', {
        unitId,
        owner: null,
        statuses: [],
        today: '2026-03-10',
        overdueOnly: false,
      })
    ).actions[0]!;
    expect(row).toEqual({
      id: row.id,
      unitId,
      title: 'Call back',
      owner: 'Sam Lee',
      dueDate: '2026-04-14',
      status: 'open',
      raisedInMeetingId: meeting.id,
      updates: 0,
    });
    const opened = await call(wb, 'getAction', { unitId, id: row.id });
    const { updates, ...fields } = row;
    expect(opened.action).toMatchObject({ ...fields, trail: Array.from({ length: updates }) });
    expect(opened.action).toEqual(action);
    expect(opened.meetings[meeting.id]?.date).toBe('2026-03-31');
    const missing = await refusal(wb, 'getAction', { unitId, id: 'nosuchaction' });
    expect(missing.code).toBe('not-found');
    expect(missing.message).toMatch(/action/i);
  });
});
