import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from './index';
import { joinParts } from './define';

describe('joinParts', () => {
  it('refuses two features defining the same method, naming it', () => {
    expect(() => joinParts({ getDirectory: 1, createUnit: 2 }, { getDirectory: 3 })).toThrow(
      /"getDirectory"/,
    );
  });

  it('keeps every method of every part', () => {
    expect(joinParts({ a: 1 }, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(METHOD_NAMES.length).toBe(Object.keys(contract).length);
    expect(METHOD_NAMES).toContain('getDirectory');
  });
});
