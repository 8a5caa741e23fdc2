import { scaleLinear, line } from 'd3';
import type { PathPoint, PhasePortraitData } from './phase-portrait-data.ts';

export { phasePortraitData } from './phase-portrait-data.ts';
export type { PhasePortraitData, PhasePortraitDataOptions, PathPoint } from './phase-portrait-data.ts';

/** Options of {@link phasePortraitSvg}. */
export interface PhasePortraitOptions {
  /** Width and height of the SVG in pixels (default 480 × 480). */
  width?: number;
  height?: number;
  /** Space for axes and labels (default 48). */
  margin?: number;
  /** Optional title drawn above the plot. */
  title?: string;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Draws the phase portrait of the two-population game as an SVG string: the unit square of
 * shares with axes "schools deep (x)" and "firms deep (y)", the vector field as small arrows
 * (length grows with speed), the interior nullclines as dashed lines, ODE trajectories as
 * solid lines, agent-based runs as thin lines, and the equilibria as circles, filled when
 * asymptotically stable and hollow otherwise. Pure: the same data give the same string,
 * with no DOM needed. Elements carry classes (`arrow`, `nullcline`, `trajectory ode`,
 * `trajectory abm`, `equilibrium stable|unstable`) for styling and tests.
 */
export function phasePortraitSvg(data: PhasePortraitData, options: PhasePortraitOptions = {}): string {
  const width = options.width ?? 480;
  const height = options.height ?? 480;
  const m = options.margin ?? 48;
  const top = options.title ? m * 0.5 + 16 : m * 0.5;
  const sx = scaleLinear().domain([0, 1]).range([m, width - m * 0.5]);
  const sy = scaleLinear().domain([0, 1]).range([height - m, top]);
  const path = line<PathPoint>()
    .x((p) => r2(sx(p.x)))
    .y((p) => r2(sy(p.y)));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="phase-portrait" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
  );
  if (options.title) out.push(`<text class="title" x="${width / 2}" y="${m * 0.5}" text-anchor="middle">${esc(options.title)}</text>`);
  // Frame and axes.
  out.push(`<rect class="frame" x="${sx(0)}" y="${sy(1)}" width="${sx(1) - sx(0)}" height="${sy(0) - sy(1)}" fill="none" stroke="#999"/>`);
  const ticks = sx.ticks(5);
  out.push('<g class="axis x-axis">');
  for (const t of ticks)
    out.push(
      `<line x1="${r2(sx(t))}" y1="${sy(0)}" x2="${r2(sx(t))}" y2="${sy(0) + 5}" stroke="#999"/>` +
        `<text x="${r2(sx(t))}" y="${sy(0) + 17}" text-anchor="middle">${t}</text>`,
    );
  out.push(`<text class="axis-label" x="${r2((sx(0) + sx(1)) / 2)}" y="${height - 8}" text-anchor="middle">schools deep (x)</text>`);
  out.push('</g><g class="axis y-axis">');
  for (const t of ticks)
    out.push(
      `<line x1="${sx(0) - 5}" y1="${r2(sy(t))}" x2="${sx(0)}" y2="${r2(sy(t))}" stroke="#999"/>` +
        `<text x="${sx(0) - 8}" y="${r2(sy(t)) + 4}" text-anchor="end">${t}</text>`,
    );
  const cy = r2((sy(0) + sy(1)) / 2);
  out.push(`<text class="axis-label" x="14" y="${cy}" text-anchor="middle" transform="rotate(-90 14 ${cy})">firms deep (y)</text>`);
  out.push('</g>');
  // Vector field: arrows along the velocity, longer where the dynamics is faster.
  const n = Math.max(1, Math.round(Math.sqrt(data.field.length)));
  const cell = (sx(1) - sx(0)) / n;
  const maxSpeed = Math.max(0, ...data.field.map((f) => Math.hypot(f.dx, f.dy)));
  out.push('<g class="field" stroke="#bbb" fill="none">');
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
    const colour = l.population === 'schools' ? '#1f77b4' : '#d62728';
    out.push(
      `<line class="nullcline ${l.population}" x1="${r2(sx(l.x1))}" y1="${r2(sy(l.y1))}" x2="${r2(sx(l.x2))}" y2="${r2(sy(l.y2))}" stroke="${colour}">` +
        `<title>${l.population === 'schools' ? 'schools indifferent (ẋ = 0)' : 'firms indifferent (ẏ = 0)'}</title></line>`,
    );
  }
  out.push('</g>');
  // Agent-based runs (thin), then ODE trajectories (solid).
  out.push('<g class="abm-runs" fill="none" stroke="#ff7f0e" stroke-width="0.7" stroke-opacity="0.6">');
  for (const run of data.abmRuns) out.push(`<path class="trajectory abm" d="${path(run.points) ?? ''}"/>`);
  out.push('</g><g class="trajectories" fill="none" stroke="#333" stroke-width="2">');
  for (const tr of data.trajectories) {
    out.push(`<path class="trajectory ode" d="${path(tr.points) ?? ''}"/>`);
    out.push(`<circle class="start" cx="${r2(sx(tr.start[0]))}" cy="${r2(sy(tr.start[1]))}" r="2.5" fill="#333"/>`);
  }
  out.push('</g>');
  // Equilibria: filled = asymptotically stable, hollow = not.
  out.push('<g class="equilibria" stroke="#000" stroke-width="1.5">');
  for (const e of data.equilibria) {
    out.push(
      `<circle class="equilibrium ${e.stable ? 'stable' : 'unstable'}" cx="${r2(sx(e.x))}" cy="${r2(sy(e.y))}" r="5" ` +
        `fill="${e.stable ? '#000' : '#fff'}"><title>${esc(`${e.label}: ${e.kind}`)}</title></circle>`,
    );
  }
  out.push('</g></svg>');
  return out.join('\n');
}
