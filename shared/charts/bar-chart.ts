import { chartRoot, seriesColour, type ChartTheme } from './chart-theme';
import { el, num, textWidth, wrapText, type SvgElement, type SvgNode } from './svg-tree';

export interface BarCategory {
  label: string;
  /** One value per series, in the order of `seriesNames`. */
  values: readonly number[];
}

export interface BarGroup {
  /** A heading above the group's bars (e.g. "Relationship-centric"), or '' for none. */
  label: string;
  categories: readonly BarCategory[];
}

export interface BarChartOptions {
  title: string;
  seriesNames: readonly string[];
  width?: number;
  /** The axis maximum; default the largest value rounded up to a multiple of 10. */
  max?: number;
  /** Appended to values and axis labels, e.g. " %". */
  unit?: string;
  labelWidth?: number;
}

const FONT = 12;
const BASELINE = 4;
const BAR = 12;
const BAR_GAP = 3;
const CATEGORY_GAP = 12;
const GROUP_HEADER = 26;

/** The axis: the data's maximum rounded up to a round step, so the ticks are round numbers. */
export function niceAxis(values: readonly number[]): { max: number; step: number } {
  const max = Math.max(0, ...values);
  if (max <= 10) return { max: 10, step: 2 };
  const step = max <= 50 ? 10 : max <= 100 ? 20 : 10 ** Math.floor(Math.log10(max));
  return { max: Math.ceil(max / step) * step, step };
}

/**
 * Horizontal grouped bars: per category one bar per series (the BRM's time, current against ideal, per
 * activity), categories gathered under group headings. The height follows from the content.
 */
export function groupedBarChart(
  groups: readonly BarGroup[],
  options: BarChartOptions,
  theme: ChartTheme,
): SvgElement {
  const width = options.width ?? 640;
  const unit = options.unit ?? '';
  const labelWidth = options.labelWidth ?? 200;
  const seriesCount = options.seriesNames.length;
  const allValues = groups.flatMap((g) => g.categories.flatMap((c) => c.values));
  const axis = options.max ? { max: options.max, step: options.max / 5 } : niceAxis(allValues);
  const max = axis.max;
  const valueRoom = textWidth(`100${unit}`, FONT) + 10;
  const left = labelWidth + 12;
  const right = width - valueRoom;
  const scale = (value: number) => left + ((right - left) * Math.min(Math.max(value, 0), max)) / max;

  const children: SvgNode[] = [];
  // Legend.
  let lx = left;
  options.seriesNames.forEach((name, i) => {
    children.push(
      el('rect', { x: lx, y: 6, width: 12, height: 12, rx: 2, fill: seriesColour(theme, i) }),
      el('text', { x: lx + 18, y: 12 + BASELINE, fill: theme.text, 'font-size': FONT }, [name]),
    );
    lx += 18 + textWidth(name, FONT) + 20;
  });

  const top = 34;
  const rowHeight = seriesCount * BAR + (seriesCount - 1) * BAR_GAP + CATEGORY_GAP;
  let cursor = top + 18;
  const body: SvgNode[] = [];
  for (const group of groups) {
    if (group.label) {
      body.push(
        el('text', { x: 0, y: cursor + 12, fill: theme.text, 'font-size': FONT + 1, 'font-weight': 600 }, [
          group.label,
        ]),
      );
      cursor += GROUP_HEADER;
    }
    for (const category of group.categories) {
      const lines = wrapText(category.label, labelWidth, FONT);
      const blockHeight = rowHeight - CATEGORY_GAP;
      const firstLine = cursor + blockHeight / 2 - ((lines.length - 1) * 14) / 2 + BASELINE;
      body.push(
        el(
          'text',
          { x: labelWidth, y: num(firstLine), 'text-anchor': 'end', fill: theme.text, 'font-size': FONT },
          lines.map((line, i) => el('tspan', { x: labelWidth, dy: i === 0 ? 0 : 14 }, [line])),
        ),
      );
      category.values.forEach((value, i) => {
        const y = cursor + i * (BAR + BAR_GAP);
        const end = scale(value);
        const label = `${formatNumber(value)}${unit}`;
        body.push(
          el(
            'rect',
            {
              x: left,
              y,
              width: num(Math.max(end - left, value > 0 ? 1 : 0)),
              height: BAR,
              rx: 2,
              fill: seriesColour(theme, i),
            },
            [el('title', {}, [`${category.label}, ${options.seriesNames[i] ?? ''}: ${label}`])],
          ),
          el(
            'text',
            { x: num(end + 6), y: y + BAR / 2 + BASELINE, fill: theme.muted, 'font-size': FONT - 1 },
            [label],
          ),
        );
      });
      cursor += rowHeight;
    }
  }
  const bottom = cursor - CATEGORY_GAP + 8;

  // Vertical grid behind the bars, with the scale along the top.
  const grid: SvgNode[] = [];
  for (let v = 0; v <= max + 1e-9; v += axis.step) {
    const gx = num(scale(v));
    grid.push(
      el('line', {
        x1: gx,
        x2: gx,
        y1: top + 10,
        y2: bottom,
        stroke: v === 0 ? theme.axis : theme.grid,
        'stroke-width': 1,
      }),
      el('text', { x: gx, y: top + 4, 'text-anchor': 'middle', fill: theme.muted, 'font-size': FONT - 1 }, [
        `${formatNumber(v)}${unit}`,
      ]),
    );
  }

  const height = Math.ceil(bottom + 8);
  return chartRoot({ width, height }, options.title, theme, [...children, ...grid, ...body]);
}

const formatNumber = (value: number): string => (Number.isInteger(value) ? String(value) : value.toFixed(1));
