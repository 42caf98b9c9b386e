/**
 * Text on its way into XML (a Word document, a chart's SVG). XML 1.0 allows only tab, newline, carriage
 * return and the characters from U+0020 up, minus U+FFFE, U+FFFF and unpaired surrogates: resvg refuses
 * an SVG holding any other, and Word a document (docx 9 drops most C0 controls but writes U+FFFE/U+FFFF
 * and lone surrogates as they are). Everything typed passes through here before it reaches a run or a
 * chart label.
 */

// Code-unit (non-`u`) regex: it must see lone surrogate halves, which a `u` regex cannot match.
// DEL and the C1 controls (U+007F–U+009F) are allowed but discouraged by XML 1.0; nobody types them on
// purpose and Word shows them as boxes, so they go too.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Vertical tab (Word's own line break when pasted), form feed and CR all end a line. */
// eslint-disable-next-line no-control-regex -- these controls are turned into line ends, not dropped
const LINE_ENDS = /\r\n|[\r\u000B\u000C\u2028\u2029]/g;

/** Multi-line text made safe for XML, with every line end normalised to `\n`. */
export function xmlSafe(text: string): string {
  return text.replace(LINE_ENDS, '\n').replace(FORBIDDEN, '');
}

/** One line of XML-safe text: line ends and tabs become spaces (a name, a title, a table cell's line). */
export function xmlSafeLine(text: string): string {
  return xmlSafe(text).replace(/[\n\t]+/g, ' ');
}
