import { scaleLinear } from 'd3';
import { COLOURS, esc, heading, legend, r2, svgOpen } from '../../svg/svg.ts';
import type { Wedge } from '../../optimize/lever-wedges.ts';

/** Labels and formats of {@link wedgeChartSvg}. */
export interface WedgeChartOptions {
  width?: number;
  title: string;
  subtitle?: string;
  totalLabel: string;
  remainderLabel: string;
  leaveOutLabel: string;
  addInLabel: string;
  intervalLabel: string;
  /** The lever's name on the page. */
  leverLabel: (lever: string) => string;
  format: (v: number) => string;
  /** Tick labels, given the step between ticks (default `format`). */
  tickFormat?: (v: number, step: number) => string;
}

const BAR = 12;
const ROW_GAP = 12;
const COLOUR = { total: COLOURS.text, leave_out: COLOURS.current, add_in: COLOURS.depth[3], remainder: COLOURS.baseline } as const;

/**
 * Which lever of a package does the work, as paired bars: for each lever, what it adds
 * given the others (leave-one-out) and what it does alone (add-one-in), with the 90%
 * interval across the ensemble's pairs as a whisker; above them the whole package, below
 * them the interaction remainder. Each bar carries its numbers in data attributes (full
 * precision) for the table under the chart and for tests. Pure.
 */
export function wedgeChartSvg(wedges: readonly Wedge[], levers: readonly string[], o: WedgeChartOptions): string {
  const width = o.width ?? 640;
  const head = heading(o.title, o.subtitle, width);
  const leg = legend(
    [
      { label: o.totalLabel, colour: COLOUR.total, kind: 'box' },
      { label: o.leaveOutLabel, colour: COLOUR.leave_out, kind: 'box' },
      { label: o.addInLabel, colour: COLOUR.add_in, kind: 'box' },
      { label: o.remainderLabel, colour: COLOUR.remainder, kind: 'box' },
      { label: o.intervalLabel, colour: COLOURS.text, kind: 'line' },
    ],
    8,
    head.height + 6,
    width - 16,
  );
  const top = head.height + leg.height + 10;
  const find = (kind: Wedge['kind'], lever: string | null) => wedges.find((w) => w.kind === kind && w.lever === lever);
  const groups: { label: string; bars: Wedge[] }[] = [
    { label: o.totalLabel, bars: [find('total', null)!] },
    ...levers.map((l) => ({ label: o.leverLabel(l), bars: [find('leave_out', l)!, find('add_in', l)!] })),
    { label: o.remainderLabel, bars: [find('remainder', null)!] },
  ].filter((g) => g.bars.every(Boolean));
  const labelW = Math.min(Math.floor(width * 0.38), Math.max(...groups.map((g) => [...g.label].reduce((a, ch) => a + (/[\u2E80-\uFFEF]/.test(ch) ? 12 : 6.6), 0))) + 12);
  const left = labelW + 8;
  // Room for the last tick's label, which is centred on its tick.
  const right = 34;
  const bottom = 28;
  const height = top + groups.reduce((a, g) => a + g.bars.length * BAR + ROW_GAP, 0) + bottom;
  const values = groups.flatMap((g) => g.bars.flatMap((w) => [w.effect.difference, w.effect.lo, w.effect.hi])).filter(Number.isFinite);
  const x = scaleLinear().domain([Math.min(0, ...values), Math.max(0, ...values, 1e-12)]).range([left, width - right]).nice(width < 480 ? 3 : 5);
  const parts = [svgOpen(width, height, 'lever-wedges', o.title), head.svg, leg.svg];
  const plotBottom = height - bottom;
  let axis = `<g class="axis x-axis" fill="${COLOURS.muted}" font-size="11">`;
  const ticks = x.ticks(width < 480 ? 3 : 5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
  const tickText = (t: number) => (o.tickFormat ? o.tickFormat(t, step) : o.format(t));
  for (const t of ticks)
    axis +=
      `<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${top - 4}" y2="${plotBottom}" stroke="${t === 0 ? COLOURS.axis : COLOURS.grid}"/>` +
      `<text x="${r2(x(t))}" y="${plotBottom + 15}" text-anchor="middle">${esc(tickText(t))}</text>`;
  parts.push(`${axis}</g>`);
  let y = top;
  for (const g of groups) {
    const gh = g.bars.length * BAR;
    parts.push(`<text class="wedge-label" x="${left - 8}" y="${r2(y + gh / 2 + 4)}" text-anchor="end" fill="${COLOURS.text}">${esc(g.label)}</text>`);
    for (const w of g.bars) {
      const e = w.effect;
      const v = Number.isFinite(e.difference) ? e.difference : 0;
      const [x0, x1] = [x(Math.min(0, v)), x(Math.max(0, v))];
      const data =
        `data-kind="${w.kind}" data-lever="${esc(w.lever ?? '')}" data-effect="${e.difference}" data-mean="${e.meanDifference}" ` +
        `data-lo="${e.lo}" data-hi="${e.hi}" data-cost="${w.costPerUnit}"`;
      parts.push(`<g class="wedge-bar" ${data}><rect x="${r2(x0)}" y="${r2(y + 1)}" width="${r2(Math.max(1, x1 - x0))}" height="${BAR - 2}" fill="${COLOUR[w.kind]}"/>`);
      if (Number.isFinite(e.lo) && Number.isFinite(e.hi)) {
        const cy = r2(y + BAR / 2);
        parts.push(`<line x1="${r2(x(e.lo))}" x2="${r2(x(e.hi))}" y1="${cy}" y2="${cy}" stroke="${COLOURS.text}" stroke-width="1.2"/>`);
        for (const end of [e.lo, e.hi]) parts.push(`<line x1="${r2(x(end))}" x2="${r2(x(end))}" y1="${cy - 3}" y2="${cy + 3}" stroke="${COLOURS.text}" stroke-width="1.2"/>`);
      }
      parts.push(`<title>${esc(`${g.label}: ${o.format(e.difference)} [${o.format(e.lo)}, ${o.format(e.hi)}]`)}</title></g>`);
      y += BAR;
    }
    y += ROW_GAP;
  }
  parts.push('</svg>');
  return parts.join('');
}
