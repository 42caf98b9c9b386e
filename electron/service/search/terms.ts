/** The words of the workbook's text as the index sees them: folded, split, compared, shown in snippets. */

const WORD = /[\p{L}\p{N}]+/gu;
// eslint-disable-next-line no-control-regex -- the test is "anything outside ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;
const MARKS = /\p{M}+/gu;

/** Lower case without accents, so "Müller" is found by "muller" and "MULLER". */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** The distinct terms of a text: runs of letters and digits, folded, at least two characters (or a digit). */
export function termsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const term of fold(text).match(WORD) ?? []) {
    if (term.length > 1 || (term >= '0' && term <= '9')) out.add(term);
  }
  return out;
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.length < long.length) return short.slice(i) === long.slice(i + 1);
  if (short.slice(i + 1) === long.slice(i + 1)) return true;
  return short[i] === long[i + 1] && short[i + 1] === long[i] && short.slice(i + 2) === long.slice(i + 2);
}

/**
 * A one-line piece of `text` around its first matching word, about `width` characters long, with the
 * matching words marked. Without a match it is the start of the text.
 */
export function snippetOf(
  text: string,
  terms: ReadonlySet<string>,
  width = 160,
): { snippet: string; highlights: Array<[number, number]> } {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = [...flat.matchAll(WORD)];
  const first = words.find((w) => terms.has(fold(w[0])));
  let start = 0;
  if (first && first.index > width / 3) {
    start = first.index - Math.floor(width / 4);
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first.index ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > start + width / 2) end = space;
  }
  const lead = start > 0 ? '… ' : '';
  const snippet = lead + flat.slice(start, end) + (end < flat.length ? ' …' : '');
  const highlights: Array<[number, number]> = [];
  for (const w of words) {
    if (w.index < start || w.index + w[0].length > end || !terms.has(fold(w[0]))) continue;
    const at = w.index - start + lead.length;
    highlights.push([at, at + w[0].length]);
  }
  return { snippet, highlights };
}
