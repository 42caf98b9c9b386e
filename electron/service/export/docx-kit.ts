/**
 * The house style of every Word document BRM Workbook writes: real Word styles (Title, Heading 1/2,
 * List Bullet, a table style whose header row repeats), Calibri, A4 or Letter, a header with the
 * organisation and a footer with the date and "Page X of Y". Every string enters the document
 * through `run()`, which makes it XML-safe, and every paragraph through `paragraph()`, which marks
 * right-to-left text as such.
 */
import {
  Document,
  Footer,
  Header,
  ImageRun,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { DocumentLogo } from './logo';
import { isRightToLeft, xmlSafe, xmlSafeLine } from './sanitise';
import {
  DETAILS_STYLE,
  STYLES,
  STYLES_PART,
  TABLE_STYLE,
  COLOURS,
  numbering,
  stylesOf,
  type StyleId,
} from './docx-styles';

// The kit is the one door a document writer uses: the styles' names come with it.
export { COLOURS, LIST_NUMBERING, STYLES, type StyleId } from './docx-styles';

// ── Page ──────────────────────────────────────────────────────────────────────

export interface PageGeometry {
  width: number;
  height: number;
  margin: number;
  /** Width between the margins, in twips: what the tables share out. */
  content: number;
}

export function pageGeometry(letter: boolean): PageGeometry {
  const [width, height] = letter ? [12240, 15840] : [11906, 16838];
  const margin = 1134; // 2 cm
  return { width, height, margin, content: width - 2 * margin };
}

// ── Text ──────────────────────────────────────────────────────────────────────

/** A run of one line of text, made XML-safe. The only way text enters a document. */
export function run(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  const safe = xmlSafeLine(text);
  // Only ever set to true: docx writes an explicit "off" for false, which is noise in every run.
  const rightToLeft = options.rightToLeft ?? (isRightToLeft(safe) || undefined);
  return new TextRun({ ...options, text: safe, rightToLeft });
}

export interface ParagraphOptions {
  style?: StyleId;
  keepNext?: boolean;
  /** For a paragraph built from runs: the text that decides its direction. */
  directionFrom?: string;
}

/** One paragraph; right to left (bidi) when its text reads so, as Word needs told. */
export function paragraph(children: string | ParagraphChild[], options: ParagraphOptions = {}): Paragraph {
  const runs = typeof children === 'string' ? [run(children)] : children;
  const plain = typeof children === 'string' ? children : (options.directionFrom ?? '');
  return new Paragraph({
    children: runs,
    style: options.style,
    keepNext: options.keepNext,
    bidirectional: isRightToLeft(plain) || undefined,
  });
}

/**
 * LibreOffice lays out a paragraph in time that grows with the square of its length: a 1 MB paragraph
 * takes minutes to open. Lines longer than this are split into paragraphs at a space, keeping every
 * character, so a pasted wall of text opens in seconds everywhere.
 */
export const MAX_PARAGRAPH = 4_000;

export function splitLong(line: string): string[] {
  if (line.length <= MAX_PARAGRAPH) return [line];
  const parts: string[] = [];
  let rest = line;
  while (rest.length > MAX_PARAGRAPH) {
    const space = rest.lastIndexOf(' ', MAX_PARAGRAPH);
    // Without a space, cut anywhere but inside a surrogate pair, which would leave two lone halves.
    let cut = space > MAX_PARAGRAPH / 2 ? space + 1 : MAX_PARAGRAPH;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts;
}

const BULLET_LINE = /^(\s*)[-*•]\s+(.*)$/;

/**
 * Typed text as Word paragraphs: each line a paragraph, and lines starting with "- " (or "* ", "• ") a
 * real bulleted list in the List Bullet style; an indented bullet goes one level down. Blank lines only
 * separate, as paragraph spacing already does.
 */
export function textBlock(text: string, style: StyleId | undefined = undefined): Paragraph[] {
  const out: Paragraph[] = [];
  for (const line of xmlSafe(text).split('\n')) {
    if (!line.trim()) continue;
    const bullet = BULLET_LINE.exec(line);
    if (bullet?.[2]) {
      const nested = (bullet[1] ?? '').replace(/\t/g, '  ').length >= 2;
      const listStyle = nested ? STYLES.listBullet2 : STYLES.listBullet;
      for (const part of splitLong(bullet[2])) out.push(paragraph(part, { style: listStyle }));
    } else {
      for (const part of splitLong(line.trim())) out.push(paragraph(part, { style }));
    }
  }
  return out;
}

// ── Tables ────────────────────────────────────────────────────────────────────

export interface Column {
  header: string;
  /** Share of the page's content width; the shares of a table add up to 1. */
  share: number;
}

/** A cell: text (multi-line allowed), or paragraphs built by the caller for emphasis. */
export type CellValue = string | Paragraph[];

// Word cannot split a row marked cantSplit, so a row longer than a page would be cut off: only short rows get it.
const SHORT_ROW = 600;

function cellParagraphs(value: CellValue): Paragraph[] {
  if (typeof value !== 'string') return value.length ? value : [paragraph('', { style: STYLES.tableText })];
  const lines = xmlSafe(value)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length
    ? lines.map((l) => paragraph(l, { style: STYLES.tableText }))
    : [paragraph('', { style: STYLES.tableText })];
}

function widthsOf(columns: readonly Column[], page: PageGeometry): number[] {
  const widths = columns.map((c) => Math.floor(c.share * page.content));
  const rest = page.content - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return widths;
}

function tableOf(
  page: PageGeometry,
  widths: number[],
  rows: TableRow[],
  look: { firstRow: boolean; firstColumn: boolean },
): Table {
  return new Table({
    style: look.firstRow ? TABLE_STYLE : DETAILS_STYLE,
    rows,
    width: { size: page.content, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    tableLook: { ...look, lastRow: false, lastColumn: false, noHBand: true, noVBand: true },
  });
}

/** Whether a row may be kept whole on one page. Cells built as paragraphs hold short text (a date, a note). */
const keepWhole = (cells: readonly CellValue[]) =>
  cells.reduce((n, c) => n + (typeof c === 'string' ? c.length : 0), 0) < SHORT_ROW || undefined;

/** A table with a header row that repeats on every page it runs onto. */
export function dataTable(
  page: PageGeometry,
  columns: readonly Column[],
  rows: readonly CellValue[][],
): Table {
  const widths = widthsOf(columns, page);
  const cell = (value: CellValue, i: number) =>
    new TableCell({ children: cellParagraphs(value), width: { size: widths[i] ?? 0, type: WidthType.DXA } });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, i)),
  });
  const body = rows.map((cells) => new TableRow({ cantSplit: keepWhole(cells), children: cells.map(cell) }));
  return tableOf(page, widths, [header, ...body], { firstRow: true, firstColumn: false });
}

/** Label–value pairs (date, location, chair, …): the label column shaded, no header row. */
export function detailsTable(page: PageGeometry, pairs: readonly [string, CellValue][]): Table {
  const widths = widthsOf(
    [
      { header: '', share: 0.26 },
      { header: '', share: 0.74 },
    ],
    page,
  );
  const rows = pairs.map(
    ([label, value]) =>
      new TableRow({
        cantSplit: keepWhole([value]),
        children: [
          new TableCell({
            children: cellParagraphs(label),
            width: { size: widths[0] ?? 0, type: WidthType.DXA },
          }),
          new TableCell({
            children: cellParagraphs(value),
            width: { size: widths[1] ?? 0, type: WidthType.DXA },
          }),
        ],
      }),
  );
  return tableOf(page, widths, rows, { firstRow: false, firstColumn: true });
}

// ── Header and footer ─────────────────────────────────────────────────────────

const LOGO_HEIGHT_PX = 30;
const LOGO_MAX_WIDTH_PX = 180;
const LOGO_TEXT_RAISE = '7.5pt';

function logoRun(logo: DocumentLogo): ImageRun {
  const scale = Math.min(LOGO_HEIGHT_PX / logo.height, LOGO_MAX_WIDTH_PX / logo.width);
  return new ImageRun({
    type: logo.type,
    data: logo.bytes,
    transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) },
    altText: { name: 'Logo', description: 'Organisation logo', title: 'Logo' },
  });
}

export interface Masthead {
  organisationName: string;
  logo: DocumentLogo | null;
  /** Right-hand side of the header, e.g. "Minutes" or "DRAFT minutes". */
  documentKind: string;
  draft: boolean;
  /** Left-hand side of the footer. */
  footerNote: string;
}

function headerOf(page: PageGeometry, masthead: Masthead): Header {
  // Beside a logo, the text is raised to the logo's middle rather than sitting on its baseline.
  const position = masthead.logo ? LOGO_TEXT_RAISE : undefined;
  const left: ParagraphChild[] = [];
  if (masthead.logo) left.push(logoRun(masthead.logo), run('   '));
  left.push(run(masthead.organisationName, { bold: true, color: COLOURS.accent, position }));
  const right = run(masthead.documentKind, {
    bold: masthead.draft,
    color: masthead.draft ? COLOURS.draft : COLOURS.muted,
    allCaps: masthead.draft,
    position,
  });
  return new Header({
    children: [
      new Paragraph({
        style: STYLES.headerText,
        tabStops: [{ type: TabStopType.RIGHT, position: page.content }],
        children: [...left, new TextRun({ children: [new Tab()] }), right],
      }),
    ],
  });
}

function footerOf(page: PageGeometry, masthead: Masthead): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLES.footerText,
        tabStops: [{ type: TabStopType.RIGHT, position: page.content }],
        children: [
          run(masthead.footerNote),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

// ── Document ──────────────────────────────────────────────────────────────────

export interface DocumentSpec {
  page: PageGeometry;
  masthead: Masthead;
  title: string;
  subject: string;
  creator: string;
  /** BCP-47 tag ("en-GB") of the document's language, so Word proofs it in that language. */
  language: string;
  children: (Paragraph | Table)[];
}

export function buildDocument(spec: DocumentSpec): Document {
  const { page } = spec;
  return new Document({
    creator: xmlSafeLine(spec.creator) || 'BRM Workbook',
    // Word shows this as "Last modified by"; without it the file says "Un-named".
    lastModifiedBy: xmlSafeLine(spec.creator) || 'BRM Workbook',
    title: xmlSafeLine(spec.title),
    subject: xmlSafeLine(spec.subject),
    externalStyles: STYLES_PART,
    styles: stylesOf(spec.language),
    numbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              top: page.margin + 200,
              bottom: page.margin,
              left: page.margin,
              right: page.margin,
              header: 560,
              footer: 560,
            },
          },
        },
        headers: { default: headerOf(page, spec.masthead) },
        footers: { default: footerOf(page, spec.masthead) },
        children: spec.children,
      },
    ],
  });
}
