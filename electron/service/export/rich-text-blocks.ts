/**
 * Rich text (minutes, decisions, pack comments; see shared/rich-text) as Word paragraphs: bold and
 * italic runs, hyperlinks to the outside (an external relationship, as Word makes them), and lists
 * as real Word list paragraphs that point at the document's numbering definitions, never a typed "•".
 */
import type { TextRun } from 'docx';
import { ExternalHyperlink, Paragraph, type ParagraphChild } from 'docx';
import { parseRichText, type RichList, type TextRun as RichRun } from '../../../shared/rich-text/rich-text';
import { LIST_NUMBERING, MAX_PARAGRAPH, STYLES, run, splitLong, type StyleId } from './docx-kit';
import { isRightToLeft, xmlSafe, xmlSafeLine } from './sanitise';

const LINK_COLOUR = '0563C1';

export interface RichTextBlockOptions {
  /** The style of plain paragraphs (the document's default when left out). */
  style?: StyleId;
  /** The style of the first paragraph, when it is not in a list (a decision's number D1, D2, …). */
  firstStyle?: StyleId;
}

/** Rich text as Word paragraphs; an empty text gives none. */
export function richTextBlock(source: string, options: RichTextBlockOptions = {}): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of parseRichText(xmlSafe(source))) {
    if (block.kind === 'paragraph') {
      for (const runs of splitRuns(block.runs)) {
        const style = out.length === 0 ? (options.firstStyle ?? options.style) : options.style;
        out.push(richParagraph(runs, { style }));
      }
    } else {
      out.push(...listParagraphs(block, 0));
    }
  }
  return out;
}

function listParagraphs(list: RichList, level: 0 | 1): Paragraph[] {
  const reference = list.ordered ? LIST_NUMBERING.numbers : LIST_NUMBERING.bullets;
  const style = list.ordered
    ? level === 0
      ? STYLES.listNumber
      : STYLES.listNumber2
    : level === 0
      ? STYLES.listBullet
      : STYLES.listBullet2;
  const out: Paragraph[] = [];
  list.items.forEach((item, index) => {
    // Each numbered list counts from 1 again, also a nested one under a bulleted item.
    const numbering = { reference, level, restart: list.ordered && index === 0 ? true : undefined };
    out.push(richParagraph(item.runs, { style, numbering }));
    if (item.children) out.push(...listParagraphs(item.children, 1));
  });
  return out;
}

function richParagraph(
  runs: readonly RichRun[],
  options: { style?: StyleId; numbering?: { reference: string; level: number; restart?: boolean } },
): Paragraph {
  const plain = runs.map((r) => r.text).join('');
  return new Paragraph({
    children: childrenOf(runs),
    style: options.style,
    numbering: options.numbering,
    bidirectional: isRightToLeft(plain) || undefined,
  });
}

/** The runs of a paragraph, a link's runs inside one hyperlink, line breaks as Word breaks. */
function childrenOf(runs: readonly RichRun[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const textRuns = (r: RichRun): TextRun[] =>
    r.text.split('\n').flatMap((line, i) =>
      i === 0 && line === ''
        ? []
        : [
            run(line, {
              bold: r.bold || undefined,
              italics: r.italic || undefined,
              break: i > 0 ? 1 : undefined,
              ...(r.href ? { color: LINK_COLOUR, underline: {} } : {}),
            }),
          ],
    );
  for (let i = 0; i < runs.length;) {
    const href = runs[i]!.href;
    if (href === null) {
      out.push(...textRuns(runs[i]!));
      i += 1;
      continue;
    }
    const linked: TextRun[] = [];
    while (i < runs.length && runs[i]!.href === href) linked.push(...textRuns(runs[i++]!));
    out.push(new ExternalHyperlink({ link: xmlSafeLine(href), children: linked }));
  }
  return out;
}

/** A paragraph too long for LibreOffice to lay out quickly, cut where splitLong cuts its text. */
function splitRuns(runs: readonly RichRun[]): RichRun[][] {
  const text = runs.map((r) => r.text).join('');
  if (text.length <= MAX_PARAGRAPH) return [[...runs]];
  const pieces: RichRun[][] = [];
  let from = 0;
  for (const part of splitLong(text)) {
    pieces.push(slice(runs, from, from + part.length));
    from += part.length;
  }
  return pieces;
}

function slice(runs: readonly RichRun[], from: number, to: number): RichRun[] {
  const out: RichRun[] = [];
  let at = 0;
  for (const r of runs) {
    const start = Math.max(from - at, 0);
    const end = Math.min(to - at, r.text.length);
    if (end > start) out.push({ ...r, text: r.text.slice(start, end) });
    at += r.text.length;
  }
  return out;
}
