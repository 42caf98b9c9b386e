import { describe, expect, it } from 'vitest';
import { conflictsText, valueText } from './team-format';

describe('conflict values as a BRM reads them', () => {
  it('says "Deleted" for the side where the record was deleted', () => {
    expect(valueText(null)).toBe('Deleted');
  });
  it('shows text, numbers, lists and records as plain lines, never as JSON', () => {
    expect(valueText('Quarterly review')).toBe('Quarterly review');
    expect(valueText('')).toBe('(empty)');
    expect(valueText(3)).toBe('3');
    expect(valueText(['Alice', 'Bob'])).toBe('Alice\nBob');
    expect(valueText({ name: 'Alice', role: 'purchaser', notes: '' })).toBe('name: Alice\nrole: purchaser');
  });
  it('counts conflicts in words', () => {
    expect(conflictsText(1)).toBe('1 conflict');
    expect(conflictsText(3)).toBe('3 conflicts');
  });
});
