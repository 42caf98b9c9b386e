import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  refusal,
  refusalUnchecked,
  testWorkbook,
  unitFields,
  type TestWorkbook,
} from './workbook-helpers';

/**
 * The harness is typed by the contract. The `@ts-expect-error` lines are the compile-time check: if the
 * typing ever loosened (a `method: string` again), they would no longer be errors and `tsc -b` would fail.
 */
let t: TestWorkbook;
afterEach(() => t.close());

describe('the test harness', () => {
  it('does not compile a misspelt method, and the service refuses it as unknown too', async () => {
    t = testWorkbook();
    // @ts-expect-error -- 'listActons' is not a method of the contract
    await expect(call(t.wb, 'listActons', {})).rejects.toThrow(/unknown-method/);
    // @ts-expect-error -- nor through a bound workbook
    await expect(t.refusal('creatUnit', {})).resolves.toMatchObject({ code: 'unknown-method' });
  });

  it('does not compile an argument of the wrong shape; hostile shapes go through the unchecked escape', async () => {
    t = testWorkbook();
    // @ts-expect-error -- createUnit takes a parent and fields, not a bare name
    await expect(t.call('createUnit', { name: 'Retail' })).rejects.toThrow(/invalid-input/);
    // @ts-expect-error -- nor with the result type written out: that comes from the contract, and so is checked
    await expect(call<{ id: string }>(t.wb, 'createUnit', { name: 'Retail' })).rejects.toThrow(
      /invalid-input/,
    );
    const refused = await refusalUnchecked(t.wb, 'createUnit', { parentId: null, fields: { name: 7 } });
    expect(refused.code).toBe('invalid-input');
  });

  it('gives the result the type the contract declares', async () => {
    t = testWorkbook();
    const unit = await call(t.wb, 'createUnit', { parentId: null, fields: unitFields('Retail') });
    // @ts-expect-error -- a unit's name is a string, not a number
    const wrong: number = unit.name;
    expect(wrong).toBe('Retail');
    const renamed = await refusal(t.wb, 'createUnit', { parentId: null, fields: unitFields('RETAIL') });
    expect(renamed.message).toMatch(/already/);
    expect((await t.call('getDirectory')).units.map((u) => u.name)).toEqual(['Retail']);
  });
});
