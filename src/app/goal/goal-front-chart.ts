import { scaleLinear } from 'd3';
import { COLOURS, esc, heading, legend, r2, svgOpen, valueAxis } from '../../svg/svg.ts';
import type { GoalPoint } from './goal-search.ts';

/** Labels and formats of {@link goalFrontSvg}. */
export interface GoalFrontOptions {
  width?: number;
  height?: number;
  title: string;
  subtitle?: string;
  costLabel: string;
  valueLabel: string;
  frontLabel: string;
  triedLabel: string;
  targetLabel: string;
  budgetLabel: string;
  /** The searched levers off (where the base stands without them), drawn as a ring, and its legend label. */
  reference?: { cost: number; value: number } | null;
  referenceLabel?: string;
  /** The target level (horizontal line) and the budget (vertical line, if any). */
  level: number;
  budget: number | null;
  /** The candidate to ring (the one last applied), if any. */
  selected?: number | null;
  formatCost: (v: number) => string;
  formatValue: (v: number) => string;
}

/**
 * The cost–effect front of a goal search: every evaluated mix as a grey dot (cumulative
 * cost across, the target output up), the front as orange dots joined in cost order, the
 * target level and the budget as dashed lines, the searched levers off as a ring. Each front dot carries its candidate id in
 * `data-candidate` so a click can apply it. Pure.
 */
export function goalFrontSvg(points: readonly GoalPoint[], front: readonly GoalPoint[], o: GoalFrontOptions): string {
  const width = o.width ?? 560;
  const ref = o.reference && Number.isFinite(o.reference.cost) && Number.isFinite(o.reference.value) ? o.reference : null;
  const height = o.height ?? 340;
  const head = heading(o.title, o.subtitle, width);
  const leg = legend(
    [
      { label: o.frontLabel, colour: COLOURS.current, kind: 'dot' },
      { label: o.triedLabel, colour: COLOURS.baselineBand, kind: 'dot' },
      { label: o.targetLabel, colour: COLOURS.benefit, kind: 'dashed' },
      ...(o.budget === null ? [] : [{ label: o.budgetLabel, colour: COLOURS.cost, kind: 'dashed' as const }]),
      ...(ref ? [{ label: o.referenceLabel ?? '', colour: COLOURS.text, kind: 'ring' as const }] : []),
    ],
    8,
    head.height + 6,
    width - 16,
  );
  const top = head.height + leg.height + 8;
  const left = 52;
  const right = 14;
  const bottom = 40;
  const finite = points.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.value));
  const costs = [...finite.map((p) => p.cost), ...(o.budget === null ? [] : [o.budget]), ...(ref ? [ref.cost] : []), 0];
  const values = [...finite.map((p) => p.value), o.level, ...(ref ? [ref.value] : []), 0];
  const x = scaleLinear().domain([Math.min(...costs), Math.max(...costs, 1e-9)]).range([left, width - right]).nice(5);
  const y = scaleLinear().domain([Math.min(...values), Math.max(...values, 1e-9)]).range([height - bottom, top]).nice(5);
  const parts = [svgOpen(width, height, 'goal-front', o.title), head.svg, leg.svg, valueAxis(y, left, width - right, o.formatValue, 5)];
  let axis = `<g class="axis x-axis" fill="${COLOURS.muted}" font-size="11"><line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="${COLOURS.axis}"/>`;
  for (const t of x.ticks(5)) {
    // A label centred on the last tick would run past the chart's right edge: end it there.
    const anchor = x(t) >= width - right - 0.5 ? 'end' : 'middle';
    axis += `<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${height - bottom}" y2="${height - bottom + 4}" stroke="${COLOURS.axis}"/><text x="${r2(x(t))}" y="${height - bottom + 15}" text-anchor="${anchor}">${esc(o.formatCost(t))}</text>`;
  }
  axis += `<text class="axis-label" x="${width - right}" y="${height - bottom + 30}" text-anchor="end">${esc(o.costLabel)}</text>`;
  axis += `<text class="axis-label" x="${left}" y="${top - 4}" text-anchor="start">${esc(o.valueLabel)}</text></g>`;
  parts.push(axis);
  const hline = (v: number, colour: string, cls: string) =>
    `<line class="${cls}" x1="${left}" x2="${width - right}" y1="${r2(y(v))}" y2="${r2(y(v))}" stroke="${colour}" stroke-width="1.5" stroke-dasharray="5,3"/>`;
  parts.push(hline(o.level, COLOURS.benefit, 'target-line'));
  if (o.budget !== null)
    parts.push(`<line class="budget-line" x1="${r2(x(o.budget))}" x2="${r2(x(o.budget))}" y1="${top}" y2="${height - bottom}" stroke="${COLOURS.cost}" stroke-width="1.5" stroke-dasharray="5,3"/>`);
  const frontIds = new Set(front.map((p) => p.id));
  for (const p of finite)
    if (!frontIds.has(p.id)) parts.push(`<circle class="tried" cx="${r2(x(p.cost))}" cy="${r2(y(p.value))}" r="3" fill="${COLOURS.baselineBand}"/>`);
  const shown = front.filter((p) => Number.isFinite(p.cost) && Number.isFinite(p.value));
  if (shown.length > 1)
    parts.push(`<path class="front-line" d="M${shown.map((p) => `${r2(x(p.cost))},${r2(y(p.value))}`).join('L')}" fill="none" stroke="${COLOURS.current}" stroke-width="1.2" opacity="0.6"/>`);
  if (ref)
    parts.push(
      `<circle class="reference-point" cx="${r2(x(ref.cost))}" cy="${r2(y(ref.value))}" r="6" fill="#fff" fill-opacity="0.6" stroke="${COLOURS.text}" stroke-width="2">` +
        `<title>${esc(`${o.referenceLabel ?? ''}: ${o.formatCost(ref.cost)} · ${o.formatValue(ref.value)}`)}</title></circle>`,
    );
  for (const p of shown) {
    const ring = o.selected === p.id ? ` stroke="${COLOURS.text}" stroke-width="2"` : '';
    parts.push(
      `<circle class="front-point${p.feasible ? ' feasible' : ''}" data-candidate="${p.id}" cx="${r2(x(p.cost))}" cy="${r2(y(p.value))}" r="6" fill="${COLOURS.current}"${ring} style="cursor:pointer">` +
        `<title>${esc(`${o.formatCost(p.cost)} · ${o.formatValue(p.value)}`)}</title></circle>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}
