import { describe, expect, it } from 'vitest';
import { isRightToLeft, xmlSafe, xmlSafeLine } from './sanitise';

describe('xmlSafe', () => {
  it('removes what XML 1.0 forbids and keeps tab and newline', () => {
    expect(xmlSafe('a\u0000b\u0001c\u0008d\u001Fe\tf\ng')).toBe('abcde\tf\ng');
    expect(xmlSafe('x\uFFFEy\uFFFFz')).toBe('xyz');
    expect(xmlSafe('DEL\u007F and C1\u0085\u009F gone')).toBe('DEL and C1 gone');
  });

  it('removes lone surrogate halves but keeps pairs, emoji with joiners and skin tones', () => {
    expect(xmlSafe('a\uD800b')).toBe('ab');
    expect(xmlSafe('a\uDC00b')).toBe('ab');
    expect(xmlSafe('end\uD83D')).toBe('end');
    expect(xmlSafe('\uDE00\uD83D')).toBe('');
    const emoji = 'family 👨‍👩‍👧‍👦, flag 🏳️‍🌈, thumbs 👍🏽, math 𝔸';
    expect(xmlSafe(emoji)).toBe(emoji);
  });

  it('turns every kind of line end into a newline', () => {
    expect(xmlSafe('a\r\nb\rc\u000Bd\u000Ce\u2028f')).toBe('a\nb\nc\nd\ne\nf');
  });

  it('leaves markup as text: escaping is the writer’s job, not removal', () => {
    expect(xmlSafe('</w:t><w:t> <script>')).toBe('</w:t><w:t> <script>');
  });

  it('makes one line of a name or title', () => {
    expect(xmlSafeLine('Maria\nJansen\tBRM\u000B')).toBe('Maria Jansen BRM ');
  });
});

describe('isRightToLeft', () => {
  it('follows the first strongly directional letter, as the bidi algorithm does', () => {
    expect(isRightToLeft('שלום עולם')).toBe(true);
    expect(isRightToLeft('مرحبا')).toBe(true);
    expect(isRightToLeft('12. שלום')).toBe(true);
    expect(isRightToLeft('Meeting with שרה')).toBe(false);
    expect(isRightToLeft('שרה said OK')).toBe(true);
    expect(isRightToLeft('👍 123 --')).toBe(false);
    expect(isRightToLeft('')).toBe(false);
  });
});
