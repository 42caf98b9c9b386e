import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { octoberReviewPlan, retailSla } from '../../../test/fixtures/retail-review';
import { testWorkbook, type TestWorkbook, unitFields } from '../../../test/unit/workbook-helpers';

let t: TestWorkbook;
let unitId: string;
beforeEach(async () => {
  t = testWorkbook();
  unitId = (await t.call('createUnit', { parentId: null, fields: unitFields('Retail') })).id;
  await t.call('createAgreement', { unitId, fields: retailSla });
});
afterEach(() => t.close());

describe('a meeting’s review pack', () => {
  it('shows imported results under the performance item, with the BRM’s comment kept across a restart', async () => {
    await t.call('importServiceResults', {
      unitId,
      csv: 'Service,Metric,Month,Achieved\nOnline banking,Availability,2026-10,99.1\n',
      mapping: {},
    });
    const meeting = await t.call('planMeeting', { unitId, fields: octoberReviewPlan });
    const pack = await t.call('getReviewPack', { meetingId: meeting.id });
    const performance = pack.sections.find((s) => s.key === 'service-performance');
    const item = meeting.agenda.find((i) => i.id === performance?.agendaItemId);
    expect(item?.title).toBe('Service delivery performance against targets');
    expect(performance?.key === 'service-performance' && performance.missed).toBe(1);

    await t.call('setPackComment', {
      meetingId: meeting.id,
      section: 'service-performance',
      text: 'Storage outage',
    });
    const reopened = await t.reopen().call('getReviewPack', { meetingId: meeting.id });
    expect(reopened.sections.find((s) => s.key === 'service-performance')?.comment).toBe('Storage outage');
    const cleared = await t.call('setPackComment', {
      meetingId: meeting.id,
      section: 'service-performance',
      text: '',
    });
    expect(cleared.sections.find((s) => s.key === 'service-performance')?.comment).toBe('');
  });

  it('keeps the comments of finalised minutes read-only', async () => {
    const meeting = await t.call('planMeeting', { unitId, fields: octoberReviewPlan });
    await t.call('markMeetingHeld', { id: meeting.id });
    await t.call('finaliseMeeting', { id: meeting.id });
    const refused = await t.refusal('setPackComment', {
      meetingId: meeting.id,
      section: 'projects',
      text: 'Late',
    });
    expect(refused.message).toContain('finalised and read-only');
  });
});
