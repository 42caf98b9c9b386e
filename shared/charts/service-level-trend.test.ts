import { describe, expect, it } from 'vitest';
import type { ServiceLevelRef, TrendPoint } from '../domain/service-levels';
import { PRINT_THEME } from './chart-theme';
import { serviceLevelTrend, trendDomain } from './service-level-trend';
import { renderSvg, type SvgElement, type SvgNode } from './svg-tree';

const level: ServiceLevelRef = {
  agreementId: 'agreement1',
  agreementTitle: 'Retail SLA',
  serviceLevelId: 'level1',
  service: 'Online banking',
  metric: 'Availability',
  target: 99.5,
  unit: '%',
  direction: 'at-least',
};
const window = ['2026-07', '2026-08', '2026-09', '2026-10'];
const points: TrendPoint[] = [
  { month: '2026-07', achieved: 99.8, verdict: 'met' },
  { month: '2026-09', achieved: 99.6, verdict: 'met' },
  { month: '2026-10', achieved: 98.9, verdict: 'missed' },
];

const all = (node: SvgNode, tag: string): SvgElement[] =>
  typeof node === 'string'
    ? []
    : [...(node.tag === tag ? [node] : []), ...node.children.flatMap((c) => all(c, tag))];

describe('service level trend chart', () => {
  it('pads the value range around values and target', () => {
    const [lo, hi] = trendDomain([98.9, 99.8], 99.5);
    expect(lo).toBeLessThan(98.9);
    expect(hi).toBeGreaterThan(99.8);
    expect(trendDomain([], 8)).toEqual([7, 9]);
  });

  it('colours each point by its verdict and breaks the line at a missing month', () => {
    const tree = serviceLevelTrend(level, points, window, PRINT_THEME, { compact: true });
    const circles = all(tree, 'circle');
    expect(circles.map((c) => c.attrs.fill)).toEqual(['#0e7a0b', '#0e7a0b', '#da3b01']);
    const line = all(tree, 'path')[0]?.attrs.d as string;
    expect(line.match(/M/g)).toHaveLength(2);
    // The missed point sits below the dashed target line (SVG y grows downwards).
    const target = all(tree, 'line')[0];
    expect(Number(circles[2]?.attrs.cy)).toBeGreaterThan(Number(target?.attrs.y1));
    expect(Number(circles[0]?.attrs.cy)).toBeLessThan(Number(target?.attrs.y1));
    expect(tree.attrs['aria-label']).toBe('Online banking Availability: 3 months against ≥ 99.5 %');
  });

  it('labels the full chart with the target and months, and says when there is nothing yet', () => {
    const svg = renderSvg(serviceLevelTrend(level, points, window, PRINT_THEME));
    expect(svg).toContain('Online banking — Availability (target ≥ 99.5 %)');
    expect(svg).toContain('Jul 2026');
    expect(svg).toContain('Oct 2026');
    expect(renderSvg(serviceLevelTrend(level, [], window, PRINT_THEME))).toContain('No results yet');
  });
});
