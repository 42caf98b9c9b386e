import { addDays, addMonths, differenceInCalendarDays, format, startOfMonth } from 'date-fns';
import type { IsoDate } from '../domain/common';
import { parseIsoDate, toIsoDate } from '../domain/register-rules';
import { chartRoot, seriesColour, type ChartTheme } from './chart-theme';
import { el, num, textWidth, type SvgElement, type SvgNode } from './svg-tree';

export interface LinePoint {
  x: IsoDate;
  y: number;
  /** Shown as the point's tooltip; defaults to "<series>: <y> on <date>". */
  label?: string;
}

export interface LineSeries {
  name: string;
  points: readonly LinePoint[];
  /** Drawn thicker: the series the reader should look at first (e.g. the all-units average). */
  emphasis?: boolean;
}

export interface LineChartOptions {
  /** The accessible name of the chart (and its SVG title). */
  title: string;
  width?: number;
  height?: number;
  yDomain: readonly [number, number];
  /** Labelled horizontal grid lines; default every whole number of the domain. */
  yTicks?: ReadonlyArray<{ value: number; label: string }>;
  /** Step after each point (a level that holds until the next assessment) instead of straight segments. */
  step?: boolean;
  /** Continue each series' last value to this date (a maturity level holds until today). */
  extendTo?: IsoDate;
  xDomain?: readonly [IsoDate, IsoDate];
  /** Print the last value at the end of each line. */
  endLabels?: boolean;
  /** A sparkline: no axes, no legend, no labels. */
  compact?: boolean;
  emptyText?: string;
  formatValue?: (value: number) => string;
}

export interface TimeTick {
  date: IsoDate;
  label: string;
}

/** Month-aligned ticks between two dates: every 1, 2, 3, 6 or 12 months, whichever keeps them to `maxTicks`. */
export function monthTicks(from: IsoDate, to: IsoDate, maxTicks = 7): TimeTick[] {
  const start = parseIsoDate(from);
  const end = parseIsoDate(to);
  for (const step of [1, 2, 3, 6, 12]) {
    const ticks: TimeTick[] = [];
    let month = startOfMonth(start);
    if (month < start) month = addMonths(month, 1);
    // Align to the step so ticks fall on quarters and years, not on whatever month the data starts.
    while (month.getMonth() % step !== 0) month = addMonths(month, 1);
    let lastYear: number | null = null;
    while (month <= end) {
      const year = month.getFullYear();
      const label =
        step === 12
          ? format(month, 'yyyy')
          : year !== lastYear
            ? format(month, 'MMM yyyy')
            : format(month, 'MMM');
      ticks.push({ date: toIsoDate(month), label });
      lastYear = year;
      month = addMonths(month, step);
    }
    if (ticks.length <= maxTicks) return ticks;
  }
  return [];
}

/** Maps dates onto [x0, x1] linearly by calendar day (a day is a day, whatever DST does). */
export function timeScale(domain: readonly [IsoDate, IsoDate], range: readonly [number, number]) {
  const start = parseIsoDate(domain[0]);
  const span = Math.max(1, differenceInCalendarDays(parseIsoDate(domain[1]), start));
  return (date: IsoDate): number =>
    range[0] + ((range[1] - range[0]) * differenceInCalendarDays(parseIsoDate(date), start)) / span;
}

export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const span = domain[1] - domain[0] || 1;
  return (value: number): number => range[0] + ((range[1] - range[0]) * (value - domain[0])) / span;
}

/** The dates the chart spans: as given, or the data's range padded so single points are not on the edge. */
export function dateDomain(
  series: readonly LineSeries[],
  options: Pick<LineChartOptions, 'xDomain' | 'extendTo'>,
): [IsoDate, IsoDate] | null {
  if (options.xDomain) return [options.xDomain[0], options.xDomain[1]];
  const dates = series.flatMap((s) => s.points.map((p) => p.x));
  if (options.extendTo && dates.length) dates.push(options.extendTo);
  if (dates.length === 0) return null;
  dates.sort();
  const first = dates[0] as IsoDate;
  const last = dates.at(-1) as IsoDate;
  const span = differenceInCalendarDays(parseIsoDate(last), parseIsoDate(first));
  const pad = Math.max(15, Math.round(span * 0.04));
  return [toIsoDate(addDays(parseIsoDate(first), -pad)), toIsoDate(addDays(parseIsoDate(last), pad))];
}

const FONT = 12;
/** Shifts a text's baseline so it is centred on y; dominant-baseline is not honoured by every renderer. */
const BASELINE = 4;

/**
 * A time-series line chart: satisfaction per survey or per quarter, maturity level over time. Returns the
 * SVG tree; `renderSvg` makes a string of it, the renderer's <SvgChart> makes React elements of it.
 */
export function lineChart(
  series: readonly LineSeries[],
  options: LineChartOptions,
  theme: ChartTheme,
): SvgElement {
  const width = options.width ?? 640;
  const height = options.height ?? (options.compact ? 56 : 240);
  const fmt = options.formatValue ?? ((v: number) => v.toFixed(1));
  const visible = series.filter((s) => s.points.length > 0);
  const domain = dateDomain(visible, options);
  const root = (children: SvgNode[]) => chartRoot({ width, height }, options.title, theme, children);

  if (!domain) {
    return root([
      el(
        'text',
        {
          x: width / 2,
          y: height / 2 + BASELINE,
          'text-anchor': 'middle',
          fill: theme.muted,
          'font-size': FONT,
        },
        [options.emptyText ?? 'No results yet'],
      ),
    ]);
  }

  const yTicks =
    options.yTicks ??
    Array.from({ length: Math.floor(options.yDomain[1]) - Math.ceil(options.yDomain[0]) + 1 }, (_, i) => {
      const value = Math.ceil(options.yDomain[0]) + i;
      return { value, label: String(value) };
    });
  // A series keeps its colour whether or not the others have data, so units match across charts.
  const colourOf = (s: LineSeries) => seriesColour(theme, series.indexOf(s));
  const showLegend = !options.compact && visible.length > 1;
  const legend = showLegend ? legendRows(visible, colourOf, width - 16, theme) : { rows: 0, nodes: [] };
  const left = options.compact ? 4 : Math.max(...yTicks.map((t) => textWidth(t.label, FONT))) + 14;
  const right = options.compact ? 4 : options.endLabels ? 40 : 16;
  const top = options.compact ? 6 : 12 + legend.rows * 20;
  const bottom = options.compact ? 6 : 28;
  const x = timeScale(domain, [left, width - right]);
  const y = linearScale(options.yDomain, [height - bottom, top]);

  const children: SvgNode[] = [];
  if (showLegend) children.push(el('g', { transform: 'translate(8, 4)' }, legend.nodes));
  if (!options.compact) {
    for (const tick of yTicks) {
      const ty = num(y(tick.value));
      children.push(
        el('line', { x1: left, x2: width - right, y1: ty, y2: ty, stroke: theme.grid, 'stroke-width': 1 }),
        el(
          'text',
          { x: left - 8, y: ty + BASELINE, 'text-anchor': 'end', fill: theme.muted, 'font-size': FONT },
          [tick.label],
        ),
      );
    }
    children.push(
      el('line', {
        x1: left,
        x2: width - right,
        y1: height - bottom,
        y2: height - bottom,
        stroke: theme.axis,
        'stroke-width': 1,
      }),
    );
    for (const tick of monthTicks(
      domain[0],
      domain[1],
      Math.max(2, Math.floor((width - left - right) / 80)),
    )) {
      const tx = num(x(tick.date));
      children.push(
        el('line', {
          x1: tx,
          x2: tx,
          y1: height - bottom,
          y2: height - bottom + 4,
          stroke: theme.axis,
          'stroke-width': 1,
        }),
        el(
          'text',
          { x: tx, y: height - bottom + 17, 'text-anchor': 'middle', fill: theme.muted, 'font-size': FONT },
          [tick.label],
        ),
      );
    }
  }

  visible.forEach((s) => {
    const colour = colourOf(s);
    const points = [...s.points].sort((a, b) => a.x.localeCompare(b.x));
    const coords = points.map((p) => [num(x(p.x)), num(y(p.y))] as const);
    const last = coords.at(-1);
    let d = coords
      .map(([px, py], i) => {
        if (i === 0) return `M${px} ${py}`;
        return options.step ? `H${px} V${py}` : `L${px} ${py}`;
      })
      .join(' ');
    if (options.extendTo && last) d += ` H${num(x(options.extendTo))}`;
    const strokeWidth = s.emphasis ? 3 : 2;
    children.push(
      el('path', {
        d,
        fill: 'none',
        stroke: colour,
        'stroke-width': strokeWidth,
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
      }),
    );
    points.forEach((p, i) => {
      const [cx, cy] = coords[i] as readonly [number, number];
      const isLast = i === points.length - 1;
      if (options.compact && !isLast) return;
      children.push(
        el(
          'circle',
          { cx, cy, r: isLast ? 4 : 3, fill: colour, stroke: theme.background ?? 'none', 'stroke-width': 1 },
          [el('title', {}, [p.label ?? `${s.name}: ${fmt(p.y)} on ${p.x}`])],
        ),
      );
    });
    if (options.endLabels && last && !options.compact) {
      children.push(
        el(
          'text',
          { x: last[0] + 8, y: last[1] + BASELINE, fill: colour, 'font-size': FONT, 'font-weight': 600 },
          [fmt(points.at(-1)?.y ?? 0)],
        ),
      );
    }
  });

  return root(children);
}

/** Legend entries laid out left to right, wrapping onto a new row when the width is used up. */
function legendRows(
  series: readonly LineSeries[],
  colourOf: (s: LineSeries) => string,
  maxWidth: number,
  theme: ChartTheme,
) {
  const nodes: SvgNode[] = [];
  let cx = 0;
  let row = 0;
  series.forEach((s) => {
    const itemWidth = 22 + textWidth(s.name, FONT) + 16;
    if (cx > 0 && cx + itemWidth > maxWidth) {
      cx = 0;
      row += 1;
    }
    const cy = row * 20 + 8;
    nodes.push(
      el('line', {
        x1: cx,
        x2: cx + 16,
        y1: cy,
        y2: cy,
        stroke: colourOf(s),
        'stroke-width': s.emphasis ? 3 : 2,
      }),
      el('text', { x: cx + 22, y: cy + BASELINE, fill: theme.text, 'font-size': FONT }, [s.name]),
    );
    cx += itemWidth;
  });
  return { rows: row + 1, nodes };
}
