import { area, scaleLinear, stack } from 'd3';
import { COLOURS, columnLegend, esc, heading, legend, linePath, r2, svgOpen, valueAxis, yearAxis } from '../../svg/svg.ts';

/** Data of the depth chart: shares of firms by deepest partnership (depth 1–4) per year. */
export interface DepthAreaData {
  years: ArrayLike<number>;
  /** `current[d - 1][t]`: share of firms at depth d in year t (mean over runs). */
  current: readonly ArrayLike<number>[];
  /** The same for the baseline, drawn as dashed boundaries; omitted to draw none. */
  baseline?: readonly ArrayLike<number>[];
}

/** Options of {@link depthAreaSvg}. */
export interface DepthAreaOptions {
  width?: number;
  height?: number;
  title: string;
  subtitle?: string;
  /** Labels of depth 1–4. */
  depthLabels: readonly [string, string, string, string];
  baselineLabel: string;
  yLabel?: string;
  yearLabel?: string;
  formatPercent: (v: number) => string;
}

/**
 * Depth distribution over the years as a stacked area: the deepest partnerships at the
 * bottom so that small deep shares stay visible; the top edge is the share of firms
 * cooperating at all. The baseline's cumulative boundaries are dashed lines. Pure.
 */
export function depthAreaSvg(data: DepthAreaData, o: DepthAreaOptions): string {
  const width = o.width ?? 560;
  const height = o.height ?? 300;
  const head = heading(o.title, o.subtitle, width);
  const items = [4, 3, 2, 1].map((d) => ({ label: o.depthLabels[d - 1], colour: COLOURS.depth[d], kind: 'box' as const }));
  const allItems = [...items, ...(data.baseline ? [{ label: o.baselineLabel, colour: '#333', kind: 'dashed' as const }] : [])];
  // Legend in a column at the right when there is room, else in rows under the title.
  const side = width >= 440;
  const legendW = side ? Math.min(190, Math.round(width * 0.3)) : 0;
  const leg = side ? columnLegend(allItems, width - legendW + 6, head.height + 14, legendW - 10) : legend(allItems, 8, head.height + 6, width - 16);
  const top = head.height + (side ? 10 : leg.height + 6);
  const left = 48;
  const right = side ? legendW + 6 : 12;
  const bottom = o.yearLabel ? 36 : 24;
  const n = data.years.length;
  // Rows per year, keys d4…d1 (stack order: deepest first, at the bottom).
  const keys = ['d4', 'd3', 'd2', 'd1'] as const;
  const rows = Array.from({ length: n }, (_, t) => ({
    t: data.years[t],
    d1: data.current[0][t],
    d2: data.current[1][t],
    d3: data.current[2][t],
    d4: data.current[3][t],
  }));
  const layers = stack<(typeof rows)[number], (typeof keys)[number]>().keys(keys)(rows);
  let max = 0;
  for (const r of rows) max = Math.max(max, r.d1 + r.d2 + r.d3 + r.d4);
  if (data.baseline) for (let t = 0; t < n; t++) max = Math.max(max, data.baseline.reduce((s, a) => s + a[t], 0));
  const x = scaleLinear().domain([data.years[0] ?? 0, data.years[n - 1] ?? 1]).range([left, width - right]);
  const y = scaleLinear().domain([0, Math.max(0.01, max * 1.08)]).range([height - bottom, top]).nice(5);
  const shape = area<[number, number] & { data: (typeof rows)[number] }>()
    .x((p) => r2(x(p.data.t)))
    .y0((p) => r2(y(p[0])))
    .y1((p) => r2(y(p[1])));
  const parts = [svgOpen(width, height, 'depth-area', o.title), head.svg, leg.svg];
  parts.push(valueAxis(y, left, width - right, o.formatPercent, 5));
  layers.forEach((layer) => {
    const d = Number(layer.key.slice(1));
    parts.push(
      `<path class="layer depth-${d}" d="${shape(layer as never) ?? ''}" fill="${COLOURS.depth[d]}" stroke="#fff" stroke-width="0.5"><title>${esc(o.depthLabels[d - 1])}</title></path>`,
    );
  });
  if (data.baseline) {
    const xs = Array.from(data.years, (t) => x(t));
    let cum = new Float64Array(n);
    for (const d of [4, 3, 2, 1]) {
      const next = new Float64Array(n);
      for (let t = 0; t < n; t++) next[t] = cum[t] + data.baseline[d - 1][t];
      cum = next;
      parts.push(
        `<path class="baseline-boundary depth-${d}" d="${linePath(xs, Array.from(cum, (v) => y(v)))}" fill="none" stroke="#333" stroke-width="1.3" stroke-dasharray="5,3" opacity="0.8"/>`,
      );
    }
  }
  if (o.yLabel)
    parts.push(
      `<text class="axis-label" x="12" y="${r2((top + height - bottom) / 2)}" transform="rotate(-90 12 ${r2((top + height - bottom) / 2)})" text-anchor="middle" font-size="11" fill="${COLOURS.muted}">${esc(o.yLabel)}</text>`,
    );
  parts.push(yearAxis(x, height - bottom, o.yearLabel, 10));
  parts.push('</svg>');
  return parts.join('');
}
