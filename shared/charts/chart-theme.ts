import { el, type SvgElement, type SvgNode } from './svg-tree';

/** Colours and type of a chart. The screen passes CSS variables of the Fluent theme; print passes hex. */
export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  axis: string;
  /** One colour per series, in order; reused from the start when there are more series. */
  series: readonly string[];
  fontFamily: string;
  /** Painted behind the chart (print needs white); null leaves it transparent (screen). */
  background: string | null;
}

/** For images in Word documents: dark text on white, colours that survive greyscale printing in order. */
export const PRINT_THEME: ChartTheme = {
  text: '#242424',
  muted: '#616161',
  grid: '#e0e0e0',
  axis: '#8a8886',
  series: ['#0f6cbd', '#c239b3', '#0e7a0b', '#da3b01', '#5c2e91', '#00827f', '#986f0b', '#a4262c'],
  fontFamily: "'Segoe UI', Carlito, 'Liberation Sans', Arial, sans-serif",
  background: '#ffffff',
};

export const seriesColour = (theme: ChartTheme, index: number): string =>
  theme.series[index % theme.series.length] ?? theme.text;

/** A chart's <svg> root: sized, named for screen readers, on the theme's background when it has one. */
export function chartRoot(
  size: { width: number; height: number },
  title: string,
  theme: ChartTheme,
  children: readonly SvgNode[],
): SvgElement {
  const { width, height } = size;
  return el(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      role: 'img',
      'aria-label': title,
      'font-family': theme.fontFamily,
    },
    [
      el('title', {}, [title]),
      ...(theme.background ? [el('rect', { x: 0, y: 0, width, height, fill: theme.background })] : []),
      ...children,
    ],
  );
}
