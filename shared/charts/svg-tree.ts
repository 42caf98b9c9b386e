/**
 * A chart is computed once as a small SVG element tree. The renderer turns the tree into React elements
 * (with theme colours as CSS variables, so light and dark themes both read well); the Word export turns it
 * into an SVG string and then a PNG (resvg) with print colours. Same geometry, two outputs.
 */
import { xmlSafeLine } from '../domain/xml-safe';

export interface SvgElement {
  tag: string;
  attrs: Readonly<Record<string, string | number>>;
  children: readonly SvgNode[];
}
export type SvgNode = SvgElement | string;

export const el = (
  tag: string,
  attrs: Record<string, string | number> = {},
  children: readonly SvgNode[] = [],
): SvgElement => ({ tag, attrs, children });

/**
 * Every text and attribute value is made XML-safe on its way out: a unit named "Retail\u000B Division"
 * (a line break copied from Word) or holding U+FFFE would otherwise make resvg refuse the whole chart.
 */
const escapeText = (text: string): string =>
  xmlSafeLine(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replaceAll('"', '&quot;');

/** Numbers in coordinates: two decimals are plenty and keep the markup small and stable in tests. */
export const num = (value: number): number => Math.round(value * 100) / 100;

/** Serialises the tree as a standalone SVG document (the root gets the SVG namespace). */
export function renderSvg(root: SvgElement): string {
  const withNs: SvgElement =
    root.tag === 'svg' ? { ...root, attrs: { xmlns: 'http://www.w3.org/2000/svg', ...root.attrs } } : root;
  return write(withNs);
}

function write(node: SvgNode): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeAttr(String(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(write).join('')}</${node.tag}>`;
}

/** Text width estimate for layout (no font metrics in pure code): generous, so labels never collide. */
export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.56;

/** Word-wraps a label into at most `maxLines` lines of about `maxWidth` pixels. */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, fontSize) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}
