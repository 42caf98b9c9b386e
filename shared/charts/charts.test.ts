import { describe, expect, it } from 'vitest';
import { groupedBarChart, niceAxis } from './bar-chart';
import { PRINT_THEME } from './chart-theme';
import { lineChart, monthTicks, timeScale } from './line-chart';
import { renderSvg, wrapText, type SvgElement, type SvgNode } from './svg-tree';

const find = (node: SvgNode, tag: string): SvgElement[] =>
  typeof node === 'string'
    ? []
    : [...(node.tag === tag ? [node] : []), ...node.children.flatMap((c) => find(c, tag))];
const texts = (node: SvgNode): string[] =>
  typeof node === 'string' ? [node] : node.children.flatMap((c) => texts(c));

describe('time axis', () => {
  it('chooses month steps that keep the ticks few, labelling the year where it changes', () => {
    expect(monthTicks('2025-01-01', '2026-01-01', 7).map((t) => t.label)).toEqual([
      'Jan 2025',
      'Mar',
      'May',
      'Jul',
      'Sep',
      'Nov',
      'Jan 2026',
    ]);
    expect(monthTicks('2020-03-05', '2026-02-01', 7).map((t) => t.label)).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });

  it('places dates by calendar day', () => {
    const x = timeScale(['2026-01-01', '2026-01-11'], [0, 100]);
    expect(x('2026-01-01')).toBe(0);
    expect(x('2026-01-06')).toBe(50);
    expect(x('2026-01-11')).toBe(100);
  });
});

describe('line chart', () => {
  const series = [
    {
      name: 'Retail',
      points: [
        { x: '2026-01-01', y: 5 },
        { x: '2026-07-01', y: 1 },
      ],
    },
  ];
  const options = {
    title: 'Satisfaction <Retail>',
    yDomain: [1, 5] as const,
    xDomain: ['2026-01-01', '2026-07-01'] as const,
  };

  it('maps scores onto the plot area: 5 at the top, 1 at the bottom', () => {
    const tree = lineChart(series, options, PRINT_THEME);
    const circles = find(tree, 'circle');
    expect(circles.map((c) => c.attrs.cy)).toEqual([12, 212]);
    expect(Number(circles[1]?.attrs.cx)).toBe(640 - 16);
    expect(find(tree, 'path')[0]?.attrs.d).toMatch(/^M\d+(\.\d+)? 12 L624 212$/);
  });

  it('draws steps for levels that hold until the next assessment, up to today', () => {
    const tree = lineChart(series, { ...options, step: true, extendTo: '2026-07-01' }, PRINT_THEME);
    expect(find(tree, 'path')[0]?.attrs.d).toMatch(/H624 V212 H624$/);
  });

  it('names itself for screen readers and escapes text in the SVG string', () => {
    const svg = renderSvg(lineChart(series, options, PRINT_THEME));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('aria-label="Satisfaction &lt;Retail&gt;"');
    expect(svg).toContain('<title>Satisfaction &lt;Retail&gt;</title>');
  });

  it('says so when there is nothing to draw', () => {
    const tree = lineChart([{ name: 'Retail', points: [] }], { ...options, xDomain: undefined }, PRINT_THEME);
    expect(texts(tree)).toContain('No results yet');
    expect(find(tree, 'path')).toEqual([]);
  });

  it('shows a legend only for several series, and keeps a series colour when another has no data', () => {
    const two = [
      { name: 'Empty', points: [] },
      ...series,
      { name: 'Finance', points: [{ x: '2026-03-01', y: 3 }] },
    ];
    const tree = lineChart(two, options, PRINT_THEME);
    expect(texts(tree)).toEqual(expect.arrayContaining(['Retail', 'Finance']));
    expect(texts(tree)).not.toContain('Empty');
    expect(find(tree, 'path').map((p) => p.attrs.stroke)).toEqual([
      PRINT_THEME.series[1],
      PRINT_THEME.series[2],
    ]);
  });
});

describe('grouped bar chart', () => {
  const groups = [
    {
      label: 'Relationship-centric',
      categories: [{ label: 'Demand shaping', values: [10, 22] }],
    },
    {
      label: 'Process-centric',
      categories: [{ label: 'Administration and professional development', values: [40, 6] }],
    },
  ];

  it('draws one bar per series, proportional to its value', () => {
    const tree = groupedBarChart(
      groups,
      { title: 'Time', seriesNames: ['Current', 'Ideal'], unit: ' %' },
      PRINT_THEME,
    );
    const bars = find(tree, 'rect').filter((r) => r.attrs.height === 12 && r.children.length > 0);
    const widths = bars.map((b) => Number(b.attrs.width));
    expect(widths).toHaveLength(4);
    expect(widths[0]! / widths[2]!).toBeCloseTo(10 / 40, 2);
    expect(widths[1]! / widths[3]!).toBeCloseTo(22 / 6, 2);
    expect(texts(tree)).toEqual(
      expect.arrayContaining(['Relationship-centric', 'Current', 'Ideal', '22 %', '40 %']),
    );
  });

  it('wraps long labels and rounds the axis up', () => {
    expect(wrapText('Administration and professional development', 200, 12)).toEqual([
      'Administration and',
      'professional development',
    ]);
    expect(wrapText('one two three four five six', 50, 12)).toEqual(['one two', 'three…']);
    expect(niceAxis([37])).toEqual({ max: 40, step: 10 });
    expect(niceAxis([4])).toEqual({ max: 10, step: 2 });
    expect(niceAxis([60])).toEqual({ max: 60, step: 20 });
    expect(niceAxis([66])).toEqual({ max: 80, step: 20 });
  });
});
