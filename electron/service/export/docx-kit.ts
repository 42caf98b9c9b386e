/**
 * The house style of every Word document BRM Workbook writes: real Word styles (Title, Heading 1/2,
 * List Bullet, a table style whose header row repeats), Calibri, A4 or Letter, a header with the
 * organisation and a footer with the date and "Page X of Y". Every string enters the document
 * through `run()`, which makes it XML-safe, and every paragraph through `paragraph()`, which marks
 * right-to-left text as such.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  ImageRun,
  LevelFormat,
  LineRuleType,
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
  type IParagraphStyleOptions,
  type IParagraphStylePropertiesOptions,
  type IRunOptions,
  type IRunStylePropertiesOptions,
  type ParagraphChild,
} from 'docx';
import type { DocumentLogo } from './logo';
import { isRightToLeft, xmlSafe, xmlSafeLine } from './sanitise';

export const COLOURS = {
  accent: '1F4E79',
  ink: '1F2A37',
  muted: '5B6573',
  rule: 'BFC9D6',
  headerFill: 'DCE6F1',
  labelFill: 'F3F6FA',
  draft: 'B42318',
  overdue: 'B42318',
} as const;

const FONT = 'Calibri';

/** Paragraph style ids: Word's own ids where Word has the style, so "List Bullet" is Word's List Bullet. */
export const STYLES = {
  title: 'Title',
  subtitle: 'Subtitle',
  heading1: 'Heading1',
  heading2: 'Heading2',
  listBullet: 'ListBullet',
  listBullet2: 'ListBullet2',
  decision: 'Decision',
  actionLine: 'ActionLine',
  label: 'MinutesLabel',
  guidance: 'Guidance',
  tableText: 'TableText',
  draftNotice: 'DraftNotice',
  headerText: 'HeaderText',
  footerText: 'FooterText',
  note: 'Note',
} as const;
type StyleId = (typeof STYLES)[keyof typeof STYLES];

const TABLE_STYLE = 'BrmTable';
const DETAILS_STYLE = 'BrmDetails';
const BULLETS = 'brm-bullets';
const DECISIONS = 'brm-decisions';

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

/** Text whose lines stay together in one paragraph, separated by line breaks (a decision, a numbered item). */
export function linesParagraph(text: string, options: ParagraphOptions = {}): Paragraph {
  const lines = xmlSafe(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return new Paragraph({
    children: lines.map((line, i) => run(line, i > 0 ? { break: 1 } : {})),
    style: options.style,
    keepNext: options.keepNext,
    bidirectional: isRightToLeft(lines.join('\n')) || undefined,
  });
}

/**
 * LibreOffice lays out a paragraph in time that grows with the square of its length: a 1 MB paragraph
 * takes minutes to open. Lines longer than this are split into paragraphs at a space, keeping every
 * character, so a pasted wall of text opens in seconds everywhere.
 */
const MAX_PARAGRAPH = 4_000;

function splitLong(line: string): string[] {
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

// ── Styles ────────────────────────────────────────────────────────────────────

const pt = (points: number) => points * 2; // docx sizes are half-points
const spacing = (before: number, after: number) => ({ before: before * 20, after: after * 20 });

/** A table style's shared look: thin rules between rows, an accent line above and below, roomy cells. */
const tableStyleXml = (id: string, name: string, conditional: string) => `
  <w:style w:type="table" w:customStyle="1" w:styleId="${id}">
    <w:name w:val="${name}"/>
    <w:uiPriority w:val="40"/>
    <w:qFormat/>
    <w:pPr><w:spacing w:before="0" w:after="0" w:line="252" w:lineRule="auto"/></w:pPr>
    <w:rPr><w:sz w:val="${pt(10)}"/><w:szCs w:val="${pt(10)}"/></w:rPr>
    <w:tblPr>
      <w:tblBorders>
        <w:top w:val="single" w:sz="8" w:space="0" w:color="${COLOURS.accent}"/>
        <w:bottom w:val="single" w:sz="8" w:space="0" w:color="${COLOURS.accent}"/>
        <w:insideH w:val="single" w:sz="4" w:space="0" w:color="${COLOURS.rule}"/>
      </w:tblBorders>
      <w:tblCellMar>
        <w:top w:w="70" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
        <w:bottom w:w="70" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
      </w:tblCellMar>
    </w:tblPr>
    ${conditional}
  </w:style>`;

/**
 * The table styles, written as Word writes them (docx has no API for table styles), in a styles part
 * that docx merges with its own. Two styles rather than one style and the table's "look" flags, because
 * LibreOffice applies every conditional format of a style whatever the flags say. In "BRM Table" the
 * first row is shaded and marked as a header row, so it repeats on every page and a row added in Word
 * looks the same; in "BRM Details" the first column is shaded as labels.
 */
const STYLES_PART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${tableStyleXml(
  TABLE_STYLE,
  'BRM Table',
  `<w:tblStylePr w:type="firstRow">
      <w:rPr><w:b/><w:bCs/><w:color w:val="${COLOURS.ink}"/></w:rPr>
      <w:trPr><w:tblHeader/></w:trPr>
      <w:tcPr>
        <w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="${COLOURS.accent}"/></w:tcBorders>
        <w:shd w:val="clear" w:color="auto" w:fill="${COLOURS.headerFill}"/>
      </w:tcPr>
    </w:tblStylePr>`,
)}${tableStyleXml(
  DETAILS_STYLE,
  'BRM Details',
  `<w:tblStylePr w:type="firstCol">
      <w:rPr><w:b/><w:bCs/><w:color w:val="${COLOURS.ink}"/></w:rPr>
      <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${COLOURS.labelFill}"/></w:tcPr>
    </w:tblStylePr>`,
)}
</w:styles>`;

const paragraphStyle = (
  id: StyleId,
  name: string,
  run: IRunStylePropertiesOptions,
  paragraph: IParagraphStylePropertiesOptions,
): IParagraphStyleOptions => ({
  id,
  name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run,
  paragraph,
});

function stylesOf(language: string) {
  return {
    default: {
      document: {
        run: { font: FONT, size: pt(10.5), color: COLOURS.ink, language: { value: language } },
        paragraph: { spacing: { ...spacing(0, 6), line: 264, lineRule: LineRuleType.AUTO } },
      },
      title: {
        run: { font: FONT, size: pt(24), bold: true, color: COLOURS.accent },
        paragraph: { spacing: { ...spacing(0, 2), line: 240, lineRule: LineRuleType.AUTO } },
      },
      heading1: {
        run: { font: FONT, size: pt(14), bold: true, color: COLOURS.accent },
        paragraph: {
          spacing: spacing(16, 6),
          keepNext: true,
          keepLines: true,
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: COLOURS.rule, space: 2 } },
        },
      },
      heading2: {
        run: { font: FONT, size: pt(12), bold: true, color: COLOURS.ink },
        paragraph: { spacing: spacing(12, 4), keepNext: true, keepLines: true },
      },
    },
    paragraphStyles: [
      paragraphStyle(
        STYLES.subtitle,
        'Subtitle',
        { size: pt(13), color: COLOURS.muted },
        { spacing: spacing(0, 14) },
      ),
      paragraphStyle(
        STYLES.listBullet,
        'List Bullet',
        {},
        { spacing: spacing(0, 3), numbering: { reference: BULLETS, level: 0 } },
      ),
      paragraphStyle(
        STYLES.listBullet2,
        'List Bullet 2',
        {},
        { spacing: spacing(0, 3), numbering: { reference: BULLETS, level: 1 } },
      ),
      paragraphStyle(
        STYLES.decision,
        'Decision',
        {},
        { spacing: spacing(0, 3), numbering: { reference: DECISIONS, level: 0 } },
      ),
      paragraphStyle(
        STYLES.actionLine,
        'Action Line',
        {},
        { spacing: spacing(0, 3), indent: { left: 500, hanging: 500 } },
      ),
      paragraphStyle(
        STYLES.label,
        'Minutes Label',
        { bold: true, size: pt(9.5), color: COLOURS.accent, allCaps: true },
        { spacing: spacing(8, 3), keepNext: true },
      ),
      paragraphStyle(
        STYLES.guidance,
        'Guidance',
        { italics: true, color: COLOURS.muted },
        { spacing: spacing(0, 4) },
      ),
      paragraphStyle(STYLES.note, 'Note', { color: COLOURS.muted }, { spacing: spacing(4, 6) }),
      paragraphStyle(
        STYLES.tableText,
        'Table Text',
        { size: pt(10) },
        { spacing: { before: 0, after: 0, line: 252, lineRule: LineRuleType.AUTO } },
      ),
      paragraphStyle(
        STYLES.draftNotice,
        'Draft Notice',
        { bold: true, size: pt(10), color: COLOURS.draft, allCaps: true },
        { spacing: spacing(0, 6) },
      ),
      paragraphStyle(
        STYLES.headerText,
        'Header Text',
        { size: pt(9) },
        {
          spacing: spacing(0, 0),
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule, space: 4 } },
        },
      ),
      paragraphStyle(
        STYLES.footerText,
        'Footer Text',
        { size: pt(8.5), color: COLOURS.muted },
        {
          spacing: spacing(0, 0),
          border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLOURS.rule, space: 4 } },
        },
      ),
    ],
  };
}

const numbering = {
  config: [
    {
      reference: BULLETS,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 360, hanging: 260 } } },
        },
        {
          level: 1,
          format: LevelFormat.BULLET,
          text: '–',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720, hanging: 260 } } },
        },
      ],
    },
    {
      // Decisions are numbered through the whole document (D1, D2, …) so they can be referred to later.
      reference: DECISIONS,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: 'D%1',
          alignment: AlignmentType.LEFT,
          style: {
            paragraph: { indent: { left: 500, hanging: 500 } },
            run: { bold: true, color: COLOURS.accent },
          },
        },
      ],
    },
  ],
};

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
