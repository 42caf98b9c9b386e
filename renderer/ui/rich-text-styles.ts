import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

/** The rich-text field looks like Fluent's Textarea next to it; its content like the Word minutes. */
export const useRichTextStyles = makeStyles({
  frame: { position: 'relative', display: 'flex', flexDirection: 'column', minWidth: 0 },
  editable: {
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke1),
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
    outlineStyle: 'none',
    ':focus': { ...shorthands.borderBottom('2px', 'solid', tokens.colorCompoundBrandStroke) },
    '&[aria-invalid="true"]': { ...shorthands.borderColor(tokens.colorPaletteRedBorder2) },
  },
  readOnly: {
    padding: `${tokens.spacingVerticalS} 0`,
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase300,
    overflowWrap: 'anywhere',
    outlineStyle: 'none',
  },
  placeholder: {
    position: 'absolute',
    top: tokens.spacingVerticalS,
    left: tokens.spacingHorizontalM,
    right: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground4,
    pointerEvents: 'none',
    userSelect: 'none',
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase300,
  },
  paragraph: { margin: `0 0 ${tokens.spacingVerticalXS}` },
  bold: { fontWeight: tokens.fontWeightBold },
  italic: { fontStyle: 'italic' },
  link: { color: tokens.colorBrandForegroundLink, textDecorationLine: 'underline' },
  list: { margin: `0 0 ${tokens.spacingVerticalXS}`, paddingLeft: '1.5em' },
  listItem: { margin: 0 },
  // Lexical holds a nested list in a list item of its own: that item shows no marker of its own.
  nestedHolder: { listStyleType: 'none' },
});
