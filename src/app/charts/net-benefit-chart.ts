import { scaleLinear } from 'd3';
import type { Band } from '../../analysis/quantiles.ts';
import { COLOURS, bandPath, heading, legend, linePath, svgOpen, valueAxis, yearAxis } from '../../svg/svg.ts';

/** Firm net benefit per tech level, scenario and baseline. */
export interface NetBenefitData {
  years: ArrayLike<number>;
  low: Band;
  high: Band;
  baselineLow?: Band;
  baselineHigh?: Band;
  ensemble: boolean;
}

/** Options of {@link netBenefitSvg}. */
export interface NetBenefitOptions {
  width?: number;
  height?: number;
  title: string;
  subtitle?: string;
  lowLabel: string;
  highLabel: string;
  /** Suffix naming the baseline in the legend, e.g. "status quo". */
  baselineLabel: string;
  yearLabel?: string;
  format: (v: number) => string;
}

/**
 * Mean realised net benefit of cooperation per cooperating firm, low-tech and high-tech,
 * over the years: solid lines and bands for the scenario, dashed for the baseline, and a
 * zero line (above it cooperation pays). Pure.
 */
export function netBenefitSvg(data: NetBenefitData, o: NetBenefitOptions): string {
  const width = o.width ?? 420;
  const height = o.height ?? 300;
  const head = heading(o.title, o.subtitle, width);
  const leg = legend(
    [
      { label: o.lowLabel, colour: COLOURS.lowTech, kind: 'line' },
      { label: o.highLabel, colour: COLOURS.highTech, kind: 'line' },
      ...(data.baselineLow ? [{ label: o.baselineLabel, colour: '#555', kind: 'dashed' as const }] : []),
    ],
    8,
    head.height + 6,
    width - 16,
  );
  const top = head.height + leg.height + 6;
  const left = 46;
  const right = 12;
  const bottom = o.yearLabel ? 36 : 24;
  const n = data.years.length;
  const all = [data.low, data.high, data.baselineLow, data.baselineHigh].filter((b): b is Band => !!b);
  let lo = 0;
  let hi = 0;
  for (const b of all)
    for (const arr of data.ensemble ? [b.lo, b.hi, b.mid] : [b.mid])
      for (let i = 0; i < arr.length; i++) if (Number.isFinite(arr[i])) (lo = Math.min(lo, arr[i])), (hi = Math.max(hi, arr[i]));
  if (hi - lo < 1e-9) hi = lo + 1;
  const pad = (hi - lo) * 0.06;
  const x = scaleLinear().domain([data.years[0] ?? 0, data.years[n - 1] ?? 1]).range([left, width - right]);
  const y = scaleLinear().domain([lo - pad, hi + pad]).range([height - bottom, top]).nice(5);
  const xs = Array.from(data.years, (t) => x(t));
  const ys = (a: ArrayLike<number>) => Array.from(a, (v) => y(v));
  const parts = [svgOpen(width, height, 'net-benefit', o.title), head.svg, leg.svg, valueAxis(y, left, width - right, o.format, 5)];
  const draw = (b: Band | undefined, colour: string, cls: string, dashed: boolean) => {
    if (!b) return;
    if (data.ensemble && !dashed) parts.push(`<path class="band ${cls}" d="${bandPath(xs, ys(b.lo), ys(b.hi))}" fill="${colour}" opacity="0.15"/>`);
    parts.push(
      `<path class="line ${cls}" d="${linePath(xs, ys(b.mid))}" fill="none" stroke="${colour}" stroke-width="${dashed ? 1.6 : 2.4}"${dashed ? ' stroke-dasharray="5,3" opacity="0.85"' : ''}/>`,
    );
  };
  draw(data.baselineLow, COLOURS.lowTech, 'baseline low-tech', true);
  draw(data.baselineHigh, COLOURS.highTech, 'baseline high-tech', true);
  draw(data.low, COLOURS.lowTech, 'current low-tech', false);
  draw(data.high, COLOURS.highTech, 'current high-tech', false);
  parts.push(yearAxis(x, height - bottom, o.yearLabel, 10));
  parts.push('</svg>');
  return parts.join('');
}
