import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { retailSla } from '../../../test/fixtures/retail-review';
import { testWorkbook, type TestWorkbook, unitFields } from '../../../test/unit/workbook-helpers';

let t: TestWorkbook;
let unitId: string;
let agreementId: string;
beforeEach(async () => {
  t = testWorkbook();
  unitId = (await t.call('createUnit', { parentId: null, fields: unitFields('Retail') })).id;
  agreementId = (await t.call('createAgreement', { unitId, fields: retailSla })).id;
});
afterEach(() => t.close());

const goodCsv = [
  'Service,Metric,Month,Achieved,Comment',
  'Online banking,Availability,2026-10,99.1 %,Storage outage on the 12th',
  'Online banking,P1 resolution time,2026-10,6.5,',
].join('\r\n');

describe('service results', () => {
  it('previews an import without storing anything, then imports every row', async () => {
    const plan = await t.call('previewServiceResultsImport', { unitId, csv: goodCsv, mapping: {} });
    expect(plan.errors).toEqual([]);
    expect(plan.mapping).toMatchObject({
      service: 'Service',
      metric: 'Metric',
      month: 'Month',
      achieved: 'Achieved',
      note: 'Comment',
    });
    expect(plan.rows.map((r) => r.verdict)).toEqual(['missed', 'met']);
    expect((await t.call('getReviewRecords', { unitId })).serviceResults).toEqual([]);

    expect(await t.call('importServiceResults', { unitId, csv: goodCsv, mapping: {} })).toEqual({
      imported: 2,
      replaced: 0,
    });
    const stored = (await t.reopen().call('getReviewRecords', { unitId })).serviceResults;
    expect(stored.map((r) => [r.serviceLevelId, r.month, r.achieved, r.source, r.note])).toEqual([
      ['level-availability', '2026-10', 99.1, 'imported', 'Storage outage on the 12th'],
      ['level-p1', '2026-10', 6.5, 'imported', ''],
    ]);
    // The same month again replaces rather than duplicates.
    expect(await t.call('importServiceResults', { unitId, csv: goodCsv, mapping: {} })).toEqual({
      imported: 2,
      replaced: 2,
    });
    expect((await t.call('getReviewRecords', { unitId })).serviceResults).toHaveLength(2);
  });

  it('imports nothing when any row is bad, and says which', async () => {
    const bad = `${goodCsv}\r\nOnline banking,Availability,2026-11,ninety-nine,`;
    const refused = await t.refusal('importServiceResults', { unitId, csv: bad, mapping: {} });
    expect(refused.message).toBe(
      'Nothing was imported: 1 row has errors. Row 4: "ninety-nine" is not a number.',
    );
    expect((await t.call('getReviewRecords', { unitId })).serviceResults).toEqual([]);
  });

  it('records a typed value, replaces it for the same month, and refuses an unknown level', async () => {
    const fields = { agreementId, serviceLevelId: 'level-p1', month: '2026-09', achieved: 9, note: '' };
    const first = await t.call('recordServiceResult', { unitId, fields });
    const second = await t.call('recordServiceResult', { unitId, fields: { ...fields, achieved: 7.5 } });
    expect(second.id).toBe(first.id);
    expect((await t.call('getReviewRecords', { unitId })).serviceResults.map((r) => r.achieved)).toEqual([
      7.5,
    ]);
    const unknown = await t.refusal('recordServiceResult', {
      unitId,
      fields: { ...fields, serviceLevelId: 'level-gone' },
    });
    expect(unknown.fieldErrors['fields.serviceLevelId']).toBe('Choose one of the agreed service levels.');
    await t.call('deleteServiceResult', { unitId, id: first.id });
    expect((await t.call('getReviewRecords', { unitId })).serviceResults).toEqual([]);
    const month = await t.refusal('recordServiceResult', { unitId, fields: { ...fields, month: '2026-13' } });
    expect(month.message).toContain('Use a month in the form YYYY-MM');
  });
});
