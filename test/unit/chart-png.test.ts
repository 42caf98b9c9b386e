import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { groupedBarChart } from '../../shared/charts/bar-chart';
import { PRINT_THEME } from '../../shared/charts/chart-theme';
import { lineChart } from '../../shared/charts/line-chart';
import { renderSvg, type SvgElement } from '../../shared/charts/svg-tree';

/** The same chart trees the screen shows become PNG images for Word reports. */
function toPng(tree: SvgElement) {
  const image = new Resvg(renderSvg(tree), { fitTo: { mode: 'width', value: 1280 } }).render();
  const pixels = image.pixels;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i] ?? 255) < 200 || (pixels[i + 1] ?? 255) < 200 || (pixels[i + 2] ?? 255) < 200) inked++;
  }
  return { png: image.asPng(), width: image.width, height: image.height, inked: inked / (pixels.length / 4) };
}

describe('charts as images', () => {
  it('renders the satisfaction trend to a PNG with something drawn on a white page', () => {
    const tree = lineChart(
      [
        {
          name: 'Retail',
          points: [
            { x: '2026-01-10', y: 3.2 },
            { x: '2026-04-10', y: 3.9 },
            { x: '2026-07-10', y: 4.1 },
          ],
        },
        {
          name: 'Finance',
          points: [
            { x: '2026-02-10', y: 4.4 },
            { x: '2026-06-10', y: 3.6 },
          ],
        },
      ],
      { title: 'Satisfaction', yDomain: [1, 5], endLabels: true },
      PRINT_THEME,
    );
    const { png, width, height, inked } = toPng(tree);
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(width).toBe(1280);
    expect(height).toBe(480);
    // Lines, grid and labels: some ink, mostly paper.
    expect(inked).toBeGreaterThan(0.005);
    expect(inked).toBeLessThan(0.3);
  });

  it('renders the time split bar chart', () => {
    const tree = groupedBarChart(
      [{ label: 'Relationship-centric', categories: [{ label: 'Demand shaping', values: [12, 22] }] }],
      { title: 'Time', seriesNames: ['Current', 'Ideal'], unit: ' %' },
      PRINT_THEME,
    );
    const { png, inked } = toPng(tree);
    expect(png.length).toBeGreaterThan(1000);
    expect(inked).toBeGreaterThan(0.01);
  });
});
