/**
 * Rich text of minutes, decisions and pack comments.
 *
 * STORED FORMAT (schema version 2 of meeting and unit files): a string in a strict subset of
 * CommonMark —
 *   paragraphs separated by a blank line; a line break inside a paragraph is kept as a line break;
 *   `**bold**`, `*italic*`; `[text](https://…)` and `[text](mailto:…)` links;
 *   `- item` bulleted and `1. item` numbered lists, nested one level (the nested list indented by the
 *   width of its parent's marker).
 * Every other character that Markdown would read as markup is escaped with a backslash (`\*`, `\[`,
 * a line-start `\-` or `1\.`), so the text the user typed reads back exactly. Anything else that a
 * hand-made string may hold (headings, quotes, code, raw HTML, images, deeper lists) is read as plain
 * text, and links other than https: and mailto: keep their text but lose the link. Plain text from
 * before version 2 is migrated with `plainTextToRichText`, which escapes it, so it reads as it did.
 *
 * Parsing never throws: any string is some document. The parser is micromark's CommonMark
 * (mdast-util-from-markdown), mapped onto the small tree below.
 */
import type {
  List as MdList,
  ListItem as MdListItem,
  Nodes as MdNodes,
  PhrasingContent,
  RootContent,
} from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { isSafeExternalUrl } from './external-links';

export interface TextRun {
  /** May hold '\n': a line break inside the paragraph or list item. */
  text: string;
  bold: boolean;
  italic: boolean;
  /** A kept https:/mailto: link, or null. */
  href: string | null;
}

export interface RichListItem {
  runs: TextRun[];
  /** The nested list (one level only: its items never have children). */
  children: RichList | null;
}

export interface RichList {
  kind: 'list';
  ordered: boolean;
  items: RichListItem[];
}

export interface RichParagraph {
  kind: 'paragraph';
  runs: TextRun[];
}

export type RichBlock = RichParagraph | RichList;
export type RichDocument = RichBlock[];

type Marks = Omit<TextRun, 'text'>;
const PLAIN: Marks = { bold: false, italic: false, href: null };

// ── Parsing ──────────────────────────────────────────────────────────────────

export function parseRichText(source: string): RichDocument {
  if (source.trim() === '') return [];
  const root = fromMarkdown(source.replace(/\r\n?/g, '\n'));
  return root.children.flatMap(blocksOf);
}

function blocksOf(node: RootContent): RichBlock[] {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return paragraph(runsOf(node.children, PLAIN));
    case 'list':
      return [listOf(node, 1)];
    case 'blockquote':
      return node.children.flatMap(blocksOf);
    case 'code':
    case 'html':
      return paragraph([{ ...PLAIN, text: node.value }]);
    case 'thematicBreak':
      return paragraph([{ ...PLAIN, text: '---' }]);
    default:
      // Definitions, footnotes and the like have no place in minutes: their text, if any.
      return 'children' in node ? paragraph(runsOf(node.children as PhrasingContent[], PLAIN)) : [];
  }
}

const paragraph = (runs: TextRun[]): RichParagraph[] =>
  runs.length ? [{ kind: 'paragraph', runs: normaliseRuns(runs) }] : [];

function listOf(node: MdList, level: 1 | 2): RichList {
  const items: RichListItem[] = [];
  for (const item of node.children) items.push(...listItemsOf(item, level));
  return { kind: 'list', ordered: node.ordered === true, items };
}

/** One Markdown list item; at the second level its own nested items are flattened beside it. */
function listItemsOf(item: MdListItem, level: 1 | 2): RichListItem[] {
  const runs: TextRun[] = [];
  const nested: RichListItem[] = [];
  let ordered: boolean | null = null;
  for (const child of item.children) {
    if (child.type === 'list') {
      ordered ??= child.ordered === true;
      nested.push(...listOf(child, 2).items);
    } else {
      for (const block of blocksOf(child)) {
        const blockRuns = block.kind === 'paragraph' ? block.runs : block.items.flatMap((i) => i.runs);
        if (runs.length && blockRuns.length) runs.push({ ...PLAIN, text: '\n' });
        runs.push(...blockRuns);
      }
    }
  }
  const own: RichListItem = { runs: normaliseRuns(runs), children: null };
  if (level === 2) return [own, ...nested];
  if (nested.length) own.children = { kind: 'list', ordered: ordered ?? false, items: nested };
  return [own];
}

function runsOf(nodes: readonly PhrasingContent[] | readonly MdNodes[], marks: Marks): TextRun[] {
  return nodes.flatMap((node): TextRun[] => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        return [{ ...marks, text: node.value }];
      case 'break':
        return [{ ...marks, text: '\n' }];
      case 'strong':
        return runsOf(node.children, { ...marks, bold: true });
      case 'emphasis':
        return runsOf(node.children, { ...marks, italic: true });
      case 'link': {
        const href = isSafeExternalUrl(node.url) ? node.url : null;
        return runsOf(node.children, { ...marks, href: marks.href ?? href });
      }
      case 'image':
        // Never an image: its description, as text.
        return node.alt ? [{ ...marks, text: node.alt }] : [];
      default:
        return 'children' in node ? runsOf(node.children as PhrasingContent[], marks) : [];
    }
  });
}

const sameMarks = (a: Marks, b: Marks) => a.bold === b.bold && a.italic === b.italic && a.href === b.href;

/** Joins neighbours with the same marks and drops empty runs, so equal documents are equal trees. */
export function normaliseRuns(runs: readonly TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out.at(-1);
    if (last && sameMarks(last, run)) last.text += run.text;
    else out.push({ ...run });
  }
  // Line breaks at the ends of a block carry nothing.
  while (out[0] && /^\n+/.test(out[0].text)) {
    out[0].text = out[0].text.replace(/^\n+/, '');
    if (out[0].text === '') out.shift();
  }
  let last = out.at(-1);
  while (last && /\n+$/.test(last.text)) {
    last.text = last.text.replace(/\n+$/, '');
    if (last.text === '') out.pop();
    last = out.at(-1);
  }
  return out;
}

// ── Serialising ──────────────────────────────────────────────────────────────

export function serialiseRichText(doc: RichDocument): string {
  return doc
    .map((block) => (block.kind === 'paragraph' ? inlineMarkdown(block.runs, '') : listMarkdown(block, '')))
    .filter((text) => text !== '')
    .join('\n\n');
}

function listMarkdown(list: RichList, indent: string): string {
  return list.items
    .map((item, index) => {
      const marker = list.ordered ? `${index + 1}. ` : '- ';
      const inner = indent + ' '.repeat(marker.length);
      const own = `${indent}${marker}${inlineMarkdown(item.runs, inner)}`;
      return item.children ? `${own}\n${listMarkdown(item.children, inner)}` : own;
    })
    .join('\n');
}

/**
 * What Markdown may read as markup anywhere in a line: emphasis, code, link brackets and escapes
 * always; `<` only before what could be a tag or an autolink, `&` only before what could be an entity.
 */
const INLINE_SPECIAL = /[\\*_[\]`]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)/g;

const LINE_START_SPECIAL = /^(?:#{1,6}(?:[ \t]|$)|>|[-+](?:[ \t]|$)|[-=][-= \t]*$|~~~)/;

/** What would start a block (heading, quote, list, rule, fence, setext line) at the start of a line. */
function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return LINE_START_SPECIAL.test(line) ? `\\${line}` : line;
}

const escapeInline = (text: string) => text.replace(INLINE_SPECIAL, '\\$&');

/**
 * Escapes one run's text. Lines lose their leading blanks (Markdown would drop them, or read four as
 * code) and get their line-start escapes; `continuation` indents the lines after the first (list items).
 */
function escapeText(text: string, atLineStart: boolean, continuation: string): string {
  return text
    .split('\n')
    .map((line, index) => {
      const first = index === 0 && !atLineStart;
      const trimmed = first ? line : line.replace(/^[ \t]+/, '');
      const escaped = escapeInline(trimmed);
      const lead = first ? escaped : escapeLineStart(escaped);
      return index === 0 ? lead : `\n${continuation}${lead}`;
    })
    .join('');
}

/** A link address as is, or in the `<…>` form when it holds parentheses (blanks are encoded). */
const destination = (href: string) =>
  !/[\s()<>\\]/.test(href)
    ? href
    : `<${href.replace(/[<>\\]/g, '\\$&').replace(/\s/g, (c) => encodeURIComponent(c))}>`;

/**
 * The runs of one block as Markdown: links outermost, then bold, then italic, each delimiter pair
 * around the words only (Markdown does not read `** bold **`), so adjacent marks never collide.
 */
function inlineMarkdown(runs: readonly TextRun[], continuation: string): string {
  const state = { atLineStart: true };
  const emit = (text: string) => {
    const out = escapeText(text, state.atLineStart, continuation);
    if (text !== '') state.atLineStart = text.endsWith('\n');
    return out;
  };
  const wrap = (group: readonly TextRun[], open: string, close: string, inner: () => string) => {
    const text = group.map((r) => r.text).join('');
    if (text.trim() === '') return emit(text);
    state.atLineStart = false;
    return `${open}${inner()}${close}`;
  };
  const italicGroups = (group: readonly TextRun[]) =>
    groupBy(group, (r) => r.italic)
      .map(([italic, g]) =>
        italic ? padded(g, (inner) => wrap(inner, '*', '*', () => plainOf(inner))) : plainOf(g),
      )
      .join('');
  const plainOf = (group: readonly TextRun[]) => group.map((r) => emit(r.text)).join('');
  const boldGroups = (group: readonly TextRun[]) =>
    groupBy(group, (r) => r.bold)
      .map(([bold, g]) =>
        bold ? padded(g, (inner) => wrap(inner, '**', '**', () => italicGroups(inner))) : italicGroups(g),
      )
      .join('');
  /** Moves a marked group's outer blanks and line breaks outside its delimiters. */
  const padded = (group: readonly TextRun[], body: (inner: TextRun[]) => string) => {
    const text = group.map((r) => r.text).join('');
    const lead = /^\s*/.exec(text)![0];
    const trail = text.trim() === '' ? '' : /\s*$/.exec(text)![0];
    const inner = sliceRuns(group, lead.length, text.length - trail.length);
    return emit(lead) + (inner.length ? body(inner) : '') + emit(trail);
  };
  return groupBy(runs, (r) => r.href)
    .map(([href, g]) =>
      href
        ? padded(g, (inner) => wrap(inner, '[', `](${destination(href)})`, () => boldGroups(inner)))
        : boldGroups(g),
    )
    .join('');
}

function groupBy<K>(runs: readonly TextRun[], key: (r: TextRun) => K): Array<[K, TextRun[]]> {
  const groups: Array<[K, TextRun[]]> = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last && last[0] === key(run)) last[1].push(run);
    else groups.push([key(run), [run]]);
  }
  return groups;
}

/** The runs covering characters [from, to) of their joined text. */
function sliceRuns(runs: readonly TextRun[], from: number, to: number): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, run.text.length);
    if (end > start) out.push({ ...run, text: run.text.slice(start, end) });
    at += run.text.length;
  }
  return out;
}

// ── Migration and plain text ─────────────────────────────────────────────────

/**
 * Today's plain text as rich text that reads back the same: paragraphs at blank lines, line breaks
 * kept, everything Markdown would misread escaped. Only leading blanks of a line and runs of blank
 * lines are not kept.
 */
export function plainTextToRichText(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p): RichParagraph => ({
      kind: 'paragraph',
      runs: normaliseRuns([{ ...PLAIN, text: p.trimEnd() }]),
    }))
    .filter((p) => p.runs.length > 0);
  return serialiseRichText(paragraphs);
}

const runsText = (runs: readonly TextRun[]) =>
  runs
    .map((r) =>
      r.href && r.href !== r.text && `mailto:${r.text}` !== r.href ? `${r.text} (${r.href})` : r.text,
    )
    .join('');

/** Whatever Markdown might read as markup; text without any is its own plain text. */
const MAYBE_MARKUP = /[\\*_[\]<>&`]|^[ \t]*(?:[-+#>=~]|\d{1,9}[.)])/m;

/**
 * The text without markup, for search, CSV and other plain-text places: list items on their own
 * lines with "- " or "1. " (indented under their parent), a link's address after its text.
 */
export function richTextToPlain(source: string): string {
  // Most minutes hold no markup at all: they are their own plain text, and the search index, which
  // reads ten years of them, need not parse them.
  if (!MAYBE_MARKUP.test(source)) return source.replace(/\r\n?/g, '\n').trim();
  const list = (l: RichList, indent: string): string =>
    l.items
      .map((item, i) => {
        const marker = l.ordered ? `${i + 1}. ` : '- ';
        const own =
          indent + marker + runsText(item.runs).replace(/\n/g, `\n${indent}${' '.repeat(marker.length)}`);
        return item.children ? `${own}\n${list(item.children, `${indent}  `)}` : own;
      })
      .join('\n');
  return parseRichText(source)
    .map((b) => (b.kind === 'paragraph' ? runsText(b.runs) : list(b, '')))
    .join('\n\n');
}

/** True when the text has nothing to show (no words, only blanks or markup). */
export const isRichTextEmpty = (source: string): boolean =>
  // Checked for every decision each time a meeting is validated (every save): plain text needs no parse.
  MAYBE_MARKUP.test(source) ? parseRichText(source).length === 0 : source.trim() === '';
