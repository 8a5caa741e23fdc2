import { scaleLinear } from 'd3';
import { COLOURS, esc, r2, svgOpen } from '../../svg/svg.ts';

/** What the strip draws: the model's median and band, a reference line, and the student's prediction. */
export interface EffectStripData {
  /** Median and band, on the strip's scale (an effect, or a level for an estimate). */
  median: number;
  lo: number;
  hi: number;
  /** The line the prediction is judged against: 0 for an effect, the reference level for an estimate. */
  reference: number;
  /** Half-width of "about the same" around the reference (drawn as a grey zone). */
  tolerance: number;
  /** The student's estimate, when the prediction was a number. */
  estimate?: number;
}

/** Labels of {@link effectStripSvg}, already translated. */
export interface EffectStripLabels {
  title: string;
  model: string;
  band: string;
  reference: string;
  estimate: string;
  format(v: number): string;
}

/**
 * A number line with the model's result against the prediction: the 90% band of the
 * paired effects across seeds, their median, the reference (no effect) with its
 * "about the same" zone, and the student's estimate. Pure: an SVG string.
 */
export function effectStripSvg(d: EffectStripData, l: EffectStripLabels, width = 560): string {
  const height = 146;
  // Room for a tick label such as "+1.5 百分点" centred on the first and last tick.
  const left = 44;
  const right = 44;
  const values = [d.lo, d.hi, d.median, d.reference - d.tolerance, d.reference + d.tolerance, ...(d.estimate === undefined ? [] : [d.estimate])].filter(Number.isFinite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.15 || Math.abs(hi) * 0.2 || 0.01;
  lo -= pad;
  hi += pad;
  const x = scaleLinear().domain([lo, hi]).range([left, width - right]).nice(5);
  const axisY = 100;
  const parts = [svgOpen(width, height, 'effect-strip', l.title)];
  parts.push(`<text class="title" x="8" y="18" font-size="14" font-weight="600" fill="${COLOURS.text}">${esc(l.title)}</text>`);
  parts.push(`<line x1="${left}" x2="${width - right}" y1="${axisY}" y2="${axisY}" stroke="${COLOURS.axis}"/>`);
  for (const t of x.ticks(5))
    parts.push(`<g class="tick"><line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${axisY}" y2="${axisY + 5}" stroke="${COLOURS.axis}"/><text x="${r2(x(t))}" y="${axisY + 19}" font-size="11" text-anchor="middle" fill="${COLOURS.muted}">${esc(l.format(t))}</text></g>`);
  const zoneA = x(d.reference - d.tolerance);
  const zoneB = x(d.reference + d.tolerance);
  parts.push(`<rect class="same-zone" x="${r2(zoneA)}" y="42" width="${r2(Math.max(1, zoneB - zoneA))}" height="${axisY - 42}" fill="${COLOURS.grid}"/>`);
  parts.push(`<line class="reference" x1="${r2(x(d.reference))}" x2="${r2(x(d.reference))}" y1="42" y2="${axisY}" stroke="${COLOURS.baseline}" stroke-dasharray="4,3"/>`);
  parts.push(`<text x="${r2(x(d.reference))}" y="38" font-size="11.5" text-anchor="middle" fill="${COLOURS.muted}">${esc(l.reference)}</text>`);
  if (Number.isFinite(d.lo) && Number.isFinite(d.hi))
    parts.push(`<rect class="band" x="${r2(x(d.lo))}" y="60" width="${r2(Math.max(2, x(d.hi) - x(d.lo)))}" height="22" fill="${COLOURS.currentBand}"><title>${esc(`${l.band}: ${l.format(d.lo)} – ${l.format(d.hi)}`)}</title></rect>`);
  parts.push(`<circle class="median" cx="${r2(x(d.median))}" cy="71" r="6" fill="${COLOURS.current}" stroke="#fff"/>`);
  parts.push(`<text x="${r2(x(d.median))}" y="55" font-size="12" font-weight="600" text-anchor="middle" fill="${COLOURS.text}">${esc(`${l.model} ${l.format(d.median)}`)}</text>`);
  if (d.estimate !== undefined) {
    const ex = r2(x(d.estimate));
    parts.push(`<line class="estimate" x1="${ex}" x2="${ex}" y1="44" y2="${axisY + 4}" stroke="#1f4e79" stroke-width="3"/>`);
    parts.push(`<text x="${ex}" y="${height - 6}" font-size="12" font-weight="600" text-anchor="middle" fill="#1f4e79">${esc(`▲ ${l.estimate} ${l.format(d.estimate)}`)}</text>`);
  }
  parts.push(`<desc>${esc(`${l.model} ${l.format(d.median)}; ${l.band} ${l.format(d.lo)} – ${l.format(d.hi)}${d.estimate === undefined ? '' : `; ${l.estimate} ${l.format(d.estimate)}`}`)}</desc>`);
  parts.push('</svg>');
  return parts.join('');
}
