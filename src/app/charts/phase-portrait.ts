import { scaleLinear, line } from 'd3';
import type { EquilibriumKind } from '../../analysis/game/classify-eigenvalues.ts';
import type { PathPoint, PhasePortraitData } from './phase-portrait-data.ts';
import { esc, FONT, r2, wrap } from '../../svg/svg.ts';

export { abmPaths, phasePortraitData } from './phase-portrait-data.ts';
export type { PhasePortraitData, PhasePortraitDataOptions, PathPoint } from './phase-portrait-data.ts';

/** Every text the phase portrait draws: axis labels, tooltips and legend entries. */
export interface PhasePortraitLabels {
  /** Horizontal axis: share of deep schools. */
  xAxis: string;
  /** Vertical axis: share of deep firms. */
  yAxis: string;
  /** Tooltip and legend entry of the schools' nullcline (ẋ = 0). */
  schoolsNullcline: string;
  /** Tooltip and legend entry of the firms' nullcline (ẏ = 0). */
  firmsNullcline: string;
  /** Legend: ODE trajectories. */
  trajectory: string;
  /** Legend: agent-based runs. */
  abmRuns: string;
  /** Legend: mean of the agent-based runs. */
  abmMean: string;
  /** Legend: stable equilibrium. */
  stable: string;
  /** Legend: unstable equilibrium. */
  unstable: string;
  /** Equilibrium tooltips: the kind of each rest point. */
  kinds: Record<EquilibriumKind, string>;
}

/** The English labels, used for any label not given. */
export const PHASE_PORTRAIT_LABELS: PhasePortraitLabels = {
  xAxis: 'schools deep (x)',
  yAxis: 'firms deep (y)',
  schoolsNullcline: 'schools indifferent (ẋ = 0)',
  firmsNullcline: 'firms indifferent (ẏ = 0)',
  trajectory: 'trajectory (mean-field ODE)',
  abmRuns: 'agent-based runs',
  abmMean: 'mean of the runs',
  stable: 'stable equilibrium',
  unstable: 'unstable equilibrium',
  kinds: {
    'stable node': 'stable node',
    'unstable node': 'unstable node',
    saddle: 'saddle',
    'stable focus': 'stable focus',
    'unstable focus': 'unstable focus',
    centre: 'centre',
    degenerate: 'degenerate',
  },
};

/** Options of {@link phasePortraitSvg}. */
export interface PhasePortraitOptions {
  /** Width of the SVG in pixels (default 480). */
  width?: number;
  /** Height in pixels (default: what keeps the plot square, title and legend included). */
  height?: number;
  /** Space for axes and labels (default 48). */
  margin?: number;
  /** Optional title drawn above the plot (wrapped to the width). */
  title?: string;
  /** Texts of the chart (default English); any subset, the rest stays English. */
  labels?: Partial<PhasePortraitLabels>;
  /** Draws a legend below the plot (default false). */
  legend?: boolean;
  /** Font size of ticks and labels (default 12). */
  fontSize?: number;
}

/** Colours of the phase portrait. */
const INK = {
  frame: '#999',
  text: '#222',
  field: '#b8b8b8',
  schools: '#1f77b4',
  firms: '#d62728',
  ode: '#222',
  abm: '#f07c1b',
  abmMean: '#a63603',
} as const;

type LegendSwatch = 'ode' | 'abm' | 'abmMean' | 'schools' | 'firms' | 'stable' | 'unstable';

function swatch(kind: LegendSwatch, x: number, y: number): string {
  switch (kind) {
    case 'ode':
      return `<line x1="${x}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="${INK.ode}" stroke-width="2"/>`;
    case 'abm':
      return `<path d="M${x},${y + 3}L${x + 7},${y - 2}L${x + 14},${y + 2}L${x + 22},${y - 3}" fill="none" stroke="${INK.abm}" stroke-width="1" stroke-opacity="0.8"/>`;
    case 'abmMean':
      return `<line x1="${x}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="${INK.abmMean}" stroke-width="2" stroke-dasharray="5,3"/>`;
    case 'schools':
    case 'firms':
      return `<line x1="${x}" x2="${x + 22}" y1="${y}" y2="${y}" stroke="${INK[kind]}" stroke-width="1.5" stroke-dasharray="5,4"/>`;
    case 'stable':
      return `<circle cx="${x + 11}" cy="${y}" r="5" fill="#000" stroke="#000" stroke-width="1.5"/>`;
    case 'unstable':
      return `<circle cx="${x + 11}" cy="${y}" r="5" fill="#fff" stroke="#000" stroke-width="1.5"/>`;
  }
}

/** Rough text width, CJK characters counting about twice a Latin letter. */
function textWidth(s: string, fontSize: number): number {
  return [...s].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? fontSize : fontSize * 0.56), 0);
}

/** Legend entries laid out in rows that wrap at `width`; returns markup and height. */
function legendRows(items: readonly { kind: LegendSwatch; label: string }[], x0: number, y0: number, width: number, fs: number) {
  const row = Math.round(fs * 1.6);
  let x = x0;
  let y = y0 + fs;
  const parts: string[] = [`<g class="legend" font-size="${fs}" fill="${INK.text}">`];
  for (const it of items) {
    const w = 28 + textWidth(it.label, fs) + 16;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += row;
    }
    parts.push(
      `<g class="legend-item ${it.kind}">${swatch(it.kind, r2(x), r2(y - fs * 0.35))}<text x="${r2(x + 28)}" y="${r2(y)}">${esc(it.label)}</text></g>`,
    );
    x += w;
  }
  parts.push('</g>');
  return { svg: parts.join(''), height: y - y0 + row * 0.5 };
}

/**
 * Draws the phase portrait of the two-population game as an SVG string: the unit square of
 * shares with axes "schools deep (x)" and "firms deep (y)" (or the given `labels`), the
 * vector field as small arrows (length grows with speed), the interior nullclines as dashed
 * lines, agent-based runs as thin lines under the solid ODE trajectories, the mean of the
 * runs from each start as a dashed line, and the equilibria as circles, filled when
 * asymptotically stable and hollow otherwise; optionally a legend below. Pure: the same
 * data give the same string, with no DOM needed. Elements carry classes (`arrow`,
 * `nullcline`, `trajectory ode`, `trajectory abm`, `trajectory abm-mean`,
 * `equilibrium stable|unstable`) for styling and tests.
 */
export function phasePortraitSvg(data: PhasePortraitData, options: PhasePortraitOptions = {}): string {
  const labels: PhasePortraitLabels = {
    ...PHASE_PORTRAIT_LABELS,
    ...options.labels,
    kinds: { ...PHASE_PORTRAIT_LABELS.kinds, ...options.labels?.kinds },
  };
  const fs = options.fontSize ?? 12;
  const width = options.width ?? 480;
  const m = options.margin ?? 48;
  const titleLines = options.title ? wrap(options.title, Math.max(10, Math.floor((width - 16) / (fs * 0.6)))) : [];
  const top = m * 0.5 + titleLines.length * (fs + 4);
  const plot = width - m * 1.5;
  const items: { kind: LegendSwatch; label: string }[] = [
    { kind: 'ode', label: labels.trajectory },
    ...(data.abmRuns.length
      ? [
          { kind: 'abm' as const, label: labels.abmRuns },
          { kind: 'abmMean' as const, label: labels.abmMean },
        ]
      : []),
    { kind: 'stable', label: labels.stable },
    { kind: 'unstable', label: labels.unstable },
    { kind: 'schools', label: labels.schoolsNullcline },
    { kind: 'firms', label: labels.firmsNullcline },
  ];
  // The legend's height decides the default height, so lay it out first (at y = 0).
  const legendHeight = options.legend ? Math.ceil(legendRows(items, 0, 0, width - 16, fs).height + 8) : 0;
  const height = options.height ?? Math.round(top + plot + m) + legendHeight;
  const bottom = height - m - legendHeight;
  const sx = scaleLinear().domain([0, 1]).range([m, width - m * 0.5]);
  const sy = scaleLinear().domain([0, 1]).range([bottom, top]);
  const path = line<PathPoint>()
    .x((p) => r2(sx(p.x)))
    .y((p) => r2(sy(p.y)));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="phase-portrait" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" font-size="${fs}">`,
  );
  out.push(`<rect class="bg" width="${width}" height="${height}" fill="#fff"/>`);
  titleLines.forEach((text, i) =>
    out.push(`<text class="title" x="${width / 2}" y="${r2(m * 0.5 + i * (fs + 4))}" text-anchor="middle" font-weight="600">${esc(text)}</text>`),
  );
  // Frame and axes.
  out.push(
    `<rect class="frame" x="${sx(0)}" y="${r2(sy(1))}" width="${r2(sx(1) - sx(0))}" height="${r2(sy(0) - sy(1))}" fill="none" stroke="${INK.frame}"/>`,
  );
  const ticks = sx.ticks(5);
  out.push(`<g class="axis x-axis" fill="${INK.text}">`);
  for (const t of ticks)
    out.push(
      `<line x1="${r2(sx(t))}" y1="${r2(bottom)}" x2="${r2(sx(t))}" y2="${r2(bottom + 5)}" stroke="${INK.frame}"/>` +
        `<text x="${r2(sx(t))}" y="${r2(bottom + 9 + fs)}" text-anchor="middle">${t}</text>`,
    );
  out.push(
    `<text class="axis-label" x="${r2((sx(0) + sx(1)) / 2)}" y="${r2(bottom + m - 8)}" text-anchor="middle" font-weight="600">${esc(labels.xAxis)}</text>`,
  );
  out.push(`</g><g class="axis y-axis" fill="${INK.text}">`);
  for (const t of ticks)
    out.push(
      `<line x1="${sx(0) - 5}" y1="${r2(sy(t))}" x2="${sx(0)}" y2="${r2(sy(t))}" stroke="${INK.frame}"/>` +
        `<text x="${sx(0) - 10}" y="${r2(sy(t) + fs / 3)}" text-anchor="end">${t}</text>`,
    );
  const cy = r2((sy(0) + sy(1)) / 2);
  const lx = r2(fs + 2);
  out.push(
    `<text class="axis-label" x="${lx}" y="${cy}" text-anchor="middle" font-weight="600" transform="rotate(-90 ${lx} ${cy})">${esc(labels.yAxis)}</text>`,
  );
  out.push('</g>');
  // Vector field: arrows along the velocity, longer where the dynamics is faster.
  const n = Math.max(1, Math.round(Math.sqrt(data.field.length)));
  const cell = (sx(1) - sx(0)) / n;
  const maxSpeed = Math.max(0, ...data.field.map((f) => Math.hypot(f.dx, f.dy)));
  out.push(`<g class="field" stroke="${INK.field}" fill="none">`);
  for (const f of data.field) {
    const speed = Math.hypot(f.dx, f.dy);
    if (speed === 0 || maxSpeed === 0) continue;
    const len = cell * 0.8 * (0.25 + 0.75 * Math.sqrt(speed / maxSpeed));
    // Screen direction: y grows downwards.
    const ux = f.dx / speed;
    const uy = -f.dy / speed;
    const x0 = sx(f.x) - (ux * len) / 2;
    const y0 = sy(f.y) - (uy * len) / 2;
    const x1 = x0 + ux * len;
    const y1 = y0 + uy * len;
    const h = Math.min(4, len * 0.4);
    const hx1 = x1 - h * (ux * 0.87 - uy * 0.5);
    const hy1 = y1 - h * (uy * 0.87 + ux * 0.5);
    const hx2 = x1 - h * (ux * 0.87 + uy * 0.5);
    const hy2 = y1 - h * (uy * 0.87 - ux * 0.5);
    out.push(
      `<path class="arrow" d="M${r2(x0)},${r2(y0)}L${r2(x1)},${r2(y1)}M${r2(hx1)},${r2(hy1)}L${r2(x1)},${r2(y1)}L${r2(hx2)},${r2(hy2)}"/>`,
    );
  }
  out.push('</g>');
  // Nullclines.
  out.push('<g class="nullclines" stroke-dasharray="5,4" stroke-width="1.5">');
  for (const l of data.nullclines) {
    out.push(
      `<line class="nullcline ${l.population}" x1="${r2(sx(l.x1))}" y1="${r2(sy(l.y1))}" x2="${r2(sx(l.x2))}" y2="${r2(sy(l.y2))}" stroke="${INK[l.population]}">` +
        `<title>${esc(l.population === 'schools' ? labels.schoolsNullcline : labels.firmsNullcline)}</title></line>`,
    );
  }
  out.push('</g>');
  // Agent-based runs (thin), ODE trajectories (solid), then the runs' means (dashed) on top.
  out.push(`<g class="abm-runs" fill="none" stroke="${INK.abm}" stroke-width="1" stroke-opacity="0.55">`);
  for (const run of data.abmRuns) out.push(`<path class="trajectory abm" data-start="${run.start}" d="${path(run.points) ?? ''}"/>`);
  out.push(`</g><g class="trajectories" fill="none" stroke="${INK.ode}" stroke-width="2">`);
  for (const tr of data.trajectories) out.push(`<path class="trajectory ode" d="${path(tr.points) ?? ''}"/>`);
  out.push(`</g><g class="abm-means" fill="none" stroke="${INK.abmMean}" stroke-width="2" stroke-dasharray="5,3">`);
  for (const mean of data.abmMeans) out.push(`<path class="trajectory abm-mean" data-start="${mean.start}" d="${path(mean.points) ?? ''}"/>`);
  out.push(`</g><g class="starts" fill="${INK.ode}" stroke="#fff" stroke-width="1.5">`);
  for (const tr of data.trajectories)
    out.push(`<circle class="start" cx="${r2(sx(tr.start[0]))}" cy="${r2(sy(tr.start[1]))}" r="4"/>`);
  out.push('</g>');
  // Equilibria: filled = asymptotically stable, hollow = not.
  out.push('<g class="equilibria" stroke="#000" stroke-width="1.5">');
  for (const e of data.equilibria) {
    out.push(
      `<circle class="equilibrium ${e.stable ? 'stable' : 'unstable'}" cx="${r2(sx(e.x))}" cy="${r2(sy(e.y))}" r="6" ` +
        `fill="${e.stable ? '#000' : '#fff'}"><title>${esc(`${e.label}: ${labels.kinds[e.kind]}`)}</title></circle>`,
    );
  }
  out.push('</g>');
  if (options.legend) out.push(legendRows(items, 8, bottom + m, width - 16, fs).svg);
  out.push('</svg>');
  return out.join('\n');
}
