/**
 * The look of every Word document BRM Workbook writes: colours, Calibri, the paragraph styles (Word's own
 * ids where Word has the style), the two table styles written as Word writes them, and the list numbering.
 * `docx-kit.ts` builds documents with them; nothing here knows about content.
 */
import {
  AlignmentType,
  BorderStyle,
  LevelFormat,
  LineRuleType,
  type IParagraphStyleOptions,
  type IParagraphStylePropertiesOptions,
  type IRunStylePropertiesOptions,
} from 'docx';

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
  listNumber: 'ListNumber',
  listNumber2: 'ListNumber2',
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
export type StyleId = (typeof STYLES)[keyof typeof STYLES];

export const TABLE_STYLE = 'BrmTable';
export const DETAILS_STYLE = 'BrmDetails';
const BULLETS = 'brm-bullets';
const DECISIONS = 'brm-decisions';
const NUMBERS = 'brm-numbers';
/** The numbering definitions that rich-text lists point at. */
export const LIST_NUMBERING = { bullets: BULLETS, numbers: NUMBERS } as const;

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
export const STYLES_PART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
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

export function stylesOf(language: string) {
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
        STYLES.listNumber,
        'List Number',
        {},
        { spacing: spacing(0, 3), numbering: { reference: NUMBERS, level: 0 } },
      ),
      paragraphStyle(
        STYLES.listNumber2,
        'List Number 2',
        {},
        { spacing: spacing(0, 3), numbering: { reference: NUMBERS, level: 1 } },
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

export const numbering = {
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
      reference: NUMBERS,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 360, hanging: 360 } } },
        },
        {
          level: 1,
          format: LevelFormat.LOWER_LETTER,
          text: '%2.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720, hanging: 360 } } },
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
