import { describe, expect, it } from 'vitest';
import { shortcutOf } from './shortcuts';

const key = (code: string, mods: { shiftKey?: boolean } = {}) => ({
  key: '',
  code,
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  target: null,
  ...mods,
});

describe('meeting shortcuts', () => {
  it('moves the current item with Alt+Shift+arrows, and goes between items with Alt+arrows', () => {
    expect(shortcutOf(key('ArrowUp', { shiftKey: true }))).toBe('move-item-up');
    expect(shortcutOf(key('ArrowDown', { shiftKey: true }))).toBe('move-item-down');
    expect(shortcutOf(key('ArrowUp'))).toBe('previous-item');
    expect(shortcutOf(key('ArrowDown'))).toBe('next-item');
    expect(shortcutOf(key('Digit8'))).toEqual({ item: 7 });
  });
});
