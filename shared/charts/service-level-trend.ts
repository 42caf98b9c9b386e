/**
 * The trend of one service level over a window of months: the achieved values as a line, the target
 * as a dashed line, each month's point coloured met or missed. Compact (a sparkline in a table row) or
 * full (axes and labels, for a page or a Word report). Months without a value leave a gap.
 */
import {
  describeTarget,
  formatValue,
  monthLabel,
  type ServiceLevelRef,
  type TrendPoint,
} from '../domain/service-levels';
import type { Month } from '../domain/review-pack';
import { chartRoot, seriesColour, type ChartTheme } from './chart-theme';
import { linearScale } from './line-chart';
import { el, num, type SvgElement, type SvgNode } from './svg-tree';

export interface TrendChartOptions {
  compact?: boolean;
  width?: number;
  height?: number;
}

const FONT = 11;
const MET_SERIES = 2;
const MISSED_SERIES = 3;

/** The value range shown: the values and the target, padded so neither sits on the edge. */
export function trendDomain(values: readonly number[], target: number): [number, number] {
  const all = [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const pad = (max - min) * 0.15 || Math.max(Math.abs(target) * 0.05, 1);
  return [min - pad, max + pad];
}

export function serviceLevelTrend(
  level: ServiceLevelRef,
  points: readonly TrendPoint[],
  window: readonly Month[],
  theme: ChartTheme,
  options: TrendChartOptions = {},
): SvgElement {
  const compact = options.compact ?? false;
  const width = options.width ?? (compact ? 168 : 560);
  const height = options.height ?? (compact ? 40 : 200);
  const title = `${level.service} ${level.metric}: ${points.length} month${points.length === 1 ? '' : 's'} against ${describeTarget(level)}`;
  const left = compact ? 4 : 56;
  const right = compact ? 6 : 16;
  const top = compact ? 5 : 24;
  const bottom = compact ? 5 : 26;
  const [lo, hi] = trendDomain(
    points.map((p) => p.achieved),
    level.target,
  );
  const y = linearScale([lo, hi], [height - bottom, top]);
  const step = window.length > 1 ? (width - left - right) / (window.length - 1) : 0;
  const xOf = new Map(window.map((m, i) => [m, num(left + i * step)]));
  const met = seriesColour(theme, MET_SERIES);
  const missed = seriesColour(theme, MISSED_SERIES);
  const children: SvgNode[] = [];

  const ty = num(y(level.target));
  children.push(
    el('line', {
      x1: left,
      x2: width - right,
      y1: ty,
      y2: ty,
      stroke: theme.muted,
      'stroke-width': 1,
      'stroke-dasharray': '4 3',
    }),
  );
  if (!compact) {
    children.push(
      el('text', { x: left - 6, y: ty + 4, 'text-anchor': 'end', fill: theme.muted, 'font-size': FONT }, [
        formatValue(level.target, level.unit),
      ]),
      el('text', { x: left, y: 14, fill: theme.text, 'font-size': FONT + 1, 'font-weight': 600 }, [
        `${level.service} — ${level.metric} (target ${describeTarget(level)})`,
      ]),
      el('line', {
        x1: left,
        x2: width - right,
        y1: height - bottom,
        y2: height - bottom,
        stroke: theme.axis,
        'stroke-width': 1,
      }),
    );
    const every = Math.max(1, Math.ceil(window.length / 6));
    window.forEach((m, i) => {
      if (i % every !== 0 && i !== window.length - 1) return;
      children.push(
        el(
          'text',
          {
            x: xOf.get(m) ?? 0,
            y: height - 8,
            'text-anchor': 'middle',
            fill: theme.muted,
            'font-size': FONT,
          },
          [monthLabel(m)],
        ),
      );
    });
  }

  // Consecutive months join up; a month without a value breaks the line.
  const byMonth = new Map(points.map((p) => [p.month, p]));
  const segments: string[] = [];
  let open = false;
  for (const m of window) {
    const p = byMonth.get(m);
    if (!p) {
      open = false;
      continue;
    }
    segments.push(`${open ? 'L' : 'M'}${xOf.get(m)} ${num(y(p.achieved))}`);
    open = true;
  }
  if (segments.length) {
    children.push(
      el('path', {
        d: segments.join(' '),
        fill: 'none',
        stroke: theme.text,
        'stroke-width': compact ? 1.5 : 2,
        'stroke-linejoin': 'round',
      }),
    );
  }
  for (const p of points) {
    const cx = xOf.get(p.month);
    if (cx === undefined) continue;
    children.push(
      el(
        'circle',
        {
          cx,
          cy: num(y(p.achieved)),
          r: compact ? 2.5 : 4,
          fill: p.verdict === 'met' ? met : missed,
        },
        [el('title', {}, [`${monthLabel(p.month)}: ${formatValue(p.achieved, level.unit)} (${p.verdict})`])],
      ),
    );
  }
  if (!points.length) {
    children.push(
      el(
        'text',
        { x: width / 2, y: height / 2 + 4, 'text-anchor': 'middle', fill: theme.muted, 'font-size': FONT },
        ['No results yet'],
      ),
    );
  }

  return chartRoot({ width, height }, title, theme, children);
}
