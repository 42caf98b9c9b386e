import { renderSvg, type SvgElement } from '../../../shared/charts/svg-tree';

/** Printed width of a chart on the page: 16 cm, the content width of A4 with 2 cm margins. */
export const PRINT_WIDTH_PX = 605;

/**
 * A chart as a PNG, at twice its print size so it stays sharp. resvg is a native module: it is loaded when
 * a chart is first drawn, and left out of the bundles (scripts/build-node.mjs).
 */
export async function chartPng(tree: SvgElement): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const image = new Resvg(renderSvg(tree), {
    fitTo: { mode: 'width', value: PRINT_WIDTH_PX * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Carlito' },
  }).render();
  return image.asPng();
}
