import type { AppContext } from '../app-context.ts';
import { h } from '../dom.ts';

/** A chart's numbers as a table: a caption, the column heads and one row per year (or item). */
export interface ChartTable {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** What a chart says in words: its key numbers in one sentence, and optionally all of them as a table. */
export interface ChartAlt {
  summary(): string;
  table?(): ChartTable;
}

/**
 * The words under a chart: the summary sentence (read by screen readers, shown small) and a
 * "Show as table" button that opens the chart's numbers as a table. The table is built when
 * opened, and built again by `refresh` while open.
 */
export function chartAltView(ctx: AppContext, alt: ChartAlt, id: string): HTMLElement & { refresh(): void } {
  const { t } = ctx;
  const summary = h('p', { class: 'chart-summary', id: `${id}-summary` });
  // A table wider or longer than its box scrolls: the box takes the focus, so keys scroll it too.
  const slot = h('div', { class: 'chart-table', id: `${id}-table`, hidden: true, tabindex: '0', role: 'region' });
  const drawTable = () => {
    if (!alt.table || slot.hidden) return;
    const tab = alt.table();
    slot.setAttribute('aria-label', tab.caption);
    slot.replaceChildren(
      h(
        'table',
        {},
        h('caption', {}, tab.caption),
        h('thead', {}, h('tr', {}, ...tab.head.map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, ...tab.rows.map((r) => h('tr', {}, ...r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, String(c)) : h('td', {}, String(c))))))),
      ),
    );
  };
  const toggle = alt.table
    ? h('button', {
        type: 'button',
        class: 'show-table',
        'aria-expanded': 'false',
        'aria-controls': `${id}-table`,
        onclick: () => {
          slot.hidden = !slot.hidden;
          toggle!.setAttribute('aria-expanded', String(!slot.hidden));
          toggle!.textContent = t(slot.hidden ? 'chart.showTable' : 'chart.hideTable');
          drawTable();
        },
      }, t('chart.showTable'))
    : null;
  const root = h('figcaption', { class: 'chart-alt' }, summary, toggle, slot) as unknown as HTMLElement & { refresh(): void };
  root.refresh = () => {
    summary.textContent = alt.summary();
    drawTable();
  };
  root.refresh();
  return root;
}
