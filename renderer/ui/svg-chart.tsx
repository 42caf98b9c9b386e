import { makeStyles, tokens } from '@fluentui/react-components';
import { createElement, type CSSProperties, type ReactNode } from 'react';
import type { ChartTheme } from '../../shared/charts/chart-theme';
import type { SvgElement, SvgNode } from '../../shared/charts/svg-tree';

/**
 * The screen's chart colours: Fluent theme variables, so a chart follows the light or dark theme. They go
 * into `style` rather than presentation attributes, where CSS variables are not resolved.
 */
export const SCREEN_THEME: ChartTheme = {
  text: tokens.colorNeutralForeground1,
  muted: tokens.colorNeutralForeground3,
  grid: tokens.colorNeutralStroke2,
  axis: tokens.colorNeutralStroke1,
  series: [
    tokens.colorBrandForeground1,
    tokens.colorPaletteBerryForeground2,
    tokens.colorPaletteGreenForeground2,
    tokens.colorPaletteDarkOrangeForeground2,
    tokens.colorPaletteGrapeForeground2,
    tokens.colorPaletteTealForeground2,
    tokens.colorPaletteGoldForeground2,
    tokens.colorPaletteCranberryForeground2,
  ],
  fontFamily: tokens.fontFamilyBase,
  background: null,
};

const STYLE_ATTRS = new Set(['fill', 'stroke', 'font-family']);

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function propsOf(node: SvgElement): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const style: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(node.attrs)) {
    if (STYLE_ATTRS.has(name)) style[camel(name)] = value;
    else if (name.startsWith('aria-') || name === 'role') props[name] = value;
    else props[camel(name)] = value;
  }
  if (Object.keys(style).length) props.style = style as CSSProperties;
  return props;
}

const childrenOf = (node: SvgElement): ReactNode[] => node.children.map(toReact);

function toReact(node: SvgNode): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(node.tag, propsOf(node), ...childrenOf(node));
}

const useStyles = makeStyles({
  chart: { display: 'block', width: '100%', height: 'auto', overflow: 'visible' },
});

/** Shows a chart tree computed in shared/charts, scaled to the width of its container. */
export function SvgChart({ tree, maxWidth }: { tree: SvgElement; maxWidth?: number }) {
  const styles = useStyles();
  // The viewBox keeps the proportions; width and height give way to the container's width.
  const { width: _width, height: _height, ...rootProps } = propsOf(tree);
  return (
    <div style={{ maxWidth: maxWidth ?? Number(tree.attrs.width) }}>
      {createElement('svg', { ...rootProps, className: styles.chart }, ...childrenOf(tree))}
    </div>
  );
}
