import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';
import { download, fileSlug } from '../export/download.ts';
import { svgToPng } from '../export/svg-to-png.ts';
import { chartAltView, type ChartAlt } from './chart-table.ts';

/** Renders a chart as SVG text at a width; `forExport` asks for a self-contained version (legend included). */
export type ChartRender = (width: number, forExport: boolean) => string;

/** A chart element that can redraw itself (e.g. for the next year of an animation). */
export type Figure = HTMLElement & { refresh(): void };

/**
 * A chart on the page with SVG and PNG download buttons. The chart is drawn by a pure
 * function into `innerHTML`; the same function gives the exported file. `alt` gives its
 * numbers in words and as a table, under the chart.
 */
export function figureView(ctx: AppContext, name: string, title: string, width: number, render: ChartRender, cls = '', alt?: ChartAlt): Figure {
  const { t } = ctx;
  const body = h('div', { class: 'chart-body', html: render(width, false) });
  const file = `coopsim-${fileSlug(name)}`;
  const tools = h(
    'div',
    { class: 'chart-tools' },
    h(
      'button',
      {
        type: 'button',
        class: 'chart-svg',
        title: `${t('chart.downloadTitle')} (SVG)`,
        onclick: () => download(`${file}.svg`, render(width, true), 'image/svg+xml;charset=utf-8'),
      },
      t('chart.svg'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'chart-png',
        title: `${t('chart.downloadTitle')} (PNG)`,
        onclick: async () => download(`${file}.png`, await svgToPng(render(width, true))),
      },
      t('chart.png'),
    ),
  );
  const words = alt ? chartAltView(ctx, alt, `chart-${fileSlug(name)}`) : null;
  const fig = h('figure', { class: `figure ${cls}`, 'data-chart': name, 'aria-label': title }, tools, body, words) as Figure;
  fig.refresh = () => {
    body.innerHTML = render(width, false);
    words?.refresh();
  };
  if (words) fig.setAttribute('aria-describedby', `chart-${fileSlug(name)}-summary`);
  return fig;
}
