/** Text on its way into a Word document: XML-safe (see shared/domain/xml-safe.ts), and its direction. */

export { xmlSafe, xmlSafeLine } from '../../../shared/domain/xml-safe';

/** Scripts written right to left (Unicode bidi classes R and AL). */
const RTL_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;
const LETTER = /\p{L}/u;

/**
 * Whether a paragraph reads right to left: as the Unicode bidi algorithm decides (rule P2), by its first
 * strongly directional character. "Meeting with שרה" stays left to right; "שרה said OK" does not.
 */
export function isRightToLeft(text: string): boolean {
  for (const char of text) {
    if (LETTER.test(char)) return RTL_LETTER.test(char);
  }
  return false;
}
