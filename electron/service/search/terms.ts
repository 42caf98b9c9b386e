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

/** The first position in sorted `terms` whose term is not below `word`. */
export function lowerBound(terms: readonly string[], word: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (terms[mid]! < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A word matched only as the start of a longer word, or with one typo, counts for less. */
const PREFIX_WEIGHT = 0.7;
const FUZZY_WEIGHT = 0.5;
const MIN_PREFIX = 2;
const MIN_FUZZY = 4;
const MAX_EXPANSIONS = 200;

/**
 * The indexed terms a query word stands for, with their weights: itself, the longer words it starts, or
 * else those one typo away. `lists`: sorted lists of the indexed terms; `frequency`: 0 for a term no
 * document holds any more.
 */
export function expandWord(
  word: string,
  lists: ReadonlyArray<readonly string[]>,
  frequency: (term: string) => number,
): Map<string, number> {
  const out = new Map<string, number>();
  if (frequency(word)) out.set(word, 1);
  if (word.length >= MIN_PREFIX) {
    for (const terms of lists) {
      for (let i = lowerBound(terms, word); i < terms.length && terms[i]!.startsWith(word); i++) {
        if (out.size >= MAX_EXPANSIONS) break;
        const term = terms[i]!;
        if (term !== word && frequency(term)) out.set(term, PREFIX_WEIGHT);
      }
    }
  }
  if (out.size === 0 && word.length >= MIN_FUZZY) {
    for (const terms of lists) {
      for (const term of terms) {
        if (out.size >= MAX_EXPANSIONS) break;
        if (Math.abs(term.length - word.length) <= 1 && withinOneEdit(term, word) && frequency(term))
          out.set(term, FUZZY_WEIGHT);
      }
    }
  }
  return out;
}
