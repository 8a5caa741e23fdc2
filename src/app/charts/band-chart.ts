import { scaleLinear } from 'd3';
import type { Band } from '../../analysis/quantiles.ts';
import { COLOURS, bandPath, esc, heading, legend, linePath, r2, svgOpen, valueAxis, yearAxis } from '../../svg/svg.ts';

/** Data of a band chart: one metric over the years for a scenario and its baseline. */
export interface BandChartData {
  years: ArrayLike<number>;
  current: Band;
  /** The comparison run (same seeds); omitted to draw the scenario alone. */
  baseline?: Band;
  /** Whether the bands span several runs (if not, only lines are drawn). */
  ensemble: boolean;
}

/** Options of {@link bandChartSvg}. */
export interface BandChartOptions {
  width?: number;
  height?: number;
  title: string;
  /** Unit line under the title, e.g. "% of firms". */
  unit?: string;
  /** Formats axis ticks. */
  format: (v: number) => string;
  /** Fixed value range; by default from 0 (or the data's minimum if negative) to the data's maximum. */
  domain?: [number, number];
  /** Upper limit of the automatic range (e.g. 1 for shares). */
  cap?: number;
  /** Legend labels; no legend when omitted. */
  legend?: { current: string; baseline: string; band: string };
  yearLabel?: string;
  /** Last year drawn (for a step-by-step reveal); all years by default. */
  upToYear?: number;
  /** The chart's description from its last value and year, in the page's language (English by default). */
  describe?: (value: string, year: number) => string;
}

function extent(values: ArrayLike<number>[], fallback: [number, number]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const arr of values)
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return lo <= hi ? [lo, hi] : fallback;
}

/**
 * One metric over the years: the scenario's median (solid, coloured) and 10–90% band,
 * the baseline's median (grey) and band, as an SVG string. Pure: no DOM needed.
 */
export function bandChartSvg(data: BandChartData, o: BandChartOptions): string {
  const width = o.width ?? 240;
  const height = o.height ?? 170;
  const head = heading(o.title, o.unit, width);
  const leg = o.legend
    ? legend(
        [
          { label: o.legend.current, colour: COLOURS.current, kind: 'line' },
          { label: o.legend.baseline, colour: COLOURS.baseline, kind: 'dashed' },
          ...(data.ensemble ? [{ label: o.legend.band, colour: COLOURS.currentBand, kind: 'band' as const }] : []),
        ],
        8,
        head.height + 6,
        width - 16,
      )
    : { svg: '', height: 0 };
  const top = head.height + leg.height + 4;
  const left = 46;
  const right = 10;
  const bottom = o.yearLabel ? 34 : 22;
  const n = data.years.length;
  const last = Math.min(n - 1, o.upToYear ?? n - 1);
  const cut = (a: ArrayLike<number>) => Array.from(a).slice(0, last + 1);
  const series = [data.current.lo, data.current.hi, data.current.mid];
  if (data.baseline) series.push(data.baseline.lo, data.baseline.hi, data.baseline.mid);
  let [lo, hi] = o.domain ?? extent(series, [0, 1]);
  const rawHi = hi;
  if (!o.domain) {
    lo = Math.min(0, lo);
    if (hi <= lo) hi = lo + 1;
    hi += (hi - lo) * 0.05;
    if (o.cap !== undefined && rawHi <= o.cap) hi = Math.min(hi, o.cap);
  }
  const x = scaleLinear().domain([data.years[0] ?? 0, data.years[n - 1] ?? 1]).range([left, width - right]);
  const y = scaleLinear().domain([lo, hi]).range([height - bottom, top]).nice(4);
  if (o.cap !== undefined && y.domain()[1] > o.cap && rawHi <= o.cap) y.domain([y.domain()[0], o.cap]);
  const xs = cut(data.years).map((t) => x(t));
  // The drawn values, for tooltips and tests (independent of the axis scaling).
  const values = (a: ArrayLike<number>) => cut(a).map((v) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : '')).join(' ');
  const ys = (a: ArrayLike<number>) => cut(a).map((v) => y(v));
  const parts = [svgOpen(width, height, 'band-chart', o.title), head.svg, leg.svg];
  parts.push(valueAxis(y, left, width - right, o.format, 4));
  parts.push(yearAxis(x, height - bottom, o.yearLabel, 5));
  if (data.baseline) {
    if (data.ensemble)
      parts.push(`<path class="band baseline" d="${bandPath(xs, ys(data.baseline.lo), ys(data.baseline.hi))}" fill="${COLOURS.baselineBand}" opacity="0.55"/>`);
    parts.push(
      `<path class="line baseline" data-values="${values(data.baseline.mid)}" d="${linePath(xs, ys(data.baseline.mid))}" fill="none" stroke="${COLOURS.baseline}" stroke-width="1.8" stroke-dasharray="5,3"/>`,
    );
  }
  if (data.ensemble)
    parts.push(`<path class="band current" d="${bandPath(xs, ys(data.current.lo), ys(data.current.hi))}" fill="${COLOURS.currentBand}" opacity="0.5"/>`);
  parts.push(`<path class="line current" data-values="${values(data.current.mid)}" d="${linePath(xs, ys(data.current.mid))}" fill="none" stroke="${COLOURS.current}" stroke-width="2.2"/>`);
  // Data for tooltips and tests: the last year's values.
  const lv = data.current.mid[last];
  const describe = o.describe ?? ((value: string, year: number) => `${o.title}: ${value} in year ${year}`);
  parts.push(`<desc>${esc(describe(o.format(lv), data.years[last]))}</desc>`);
  parts.push(`<circle class="end current" cx="${r2(xs[last])}" cy="${r2(y(lv))}" r="2.8" fill="${COLOURS.current}"/>`);
  parts.push('</svg>');
  return parts.join('');
}
