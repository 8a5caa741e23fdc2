import { format, scaleLinear } from 'd3';
import { COLOURS, esc, heading, legend, r2, svgOpen, valueAxis } from '../svg/svg.ts';
import type { CandidateFigures } from './candidate-figures.ts';
import type { OptimizationState } from './optimization-state.ts';
import type { Goal } from './parse-goal.ts';
import { candidateFitness, robustValue } from './score-candidate.ts';

const WIDTH = 640;
const HEIGHT = 440;

/**
 * The search's front as an SVG (string markup, so it renders in Node and the browser
 * alike): every candidate evaluated as a grey dot (hollow when it misses a constraint),
 * the Pareto set in colour with the 5%–95% range across seeds on both axes. The axes are
 * the first two objectives; with one objective the second axis is the generation.
 */
export function frontSvg(goal: Goal, state: OptimizationState, pareto: readonly CandidateFigures[]): string {
  const [ox, oy] = goal.objectives;
  const xOf = (perSeed: number[][]) => robustValue(perSeed[0], ox.sense === 'maximise', goal);
  const yOf = (perSeed: number[][], generation: number) => (oy ? robustValue(perSeed[1], oy.sense === 'maximise', goal) : generation);
  const head = heading(
    `${goal.name}: the front`,
    `${state.evaluations.length} candidates × ${goal.seeds} seeds; ${pareto.length} on the front${pareto.some((p) => p.feasible) ? ' meeting every constraint' : ' (none meets every constraint)'}; bars: 5%–95% across seeds`,
    WIDTH,
  );
  const points = state.evaluations.map((r) => ({ x: xOf(r.perSeed), y: yOf(r.perSeed, r.generation), ok: candidateFitness(goal, r.perSeed).violation === 0 }));
  const xs = [...points.map((p) => p.x), ...pareto.flatMap((p) => [p.objectives[0].p5, p.objectives[0].p95])].filter(Number.isFinite);
  const ys = [...points.map((p) => p.y), ...(oy ? pareto.flatMap((p) => [p.objectives[1].p5, p.objectives[1].p95]) : [])].filter(Number.isFinite);
  const left = 64;
  const right = WIDTH - 16;
  const top = head.height + 30;
  const bottom = HEIGHT - 44;
  const ext = (v: number[]) => (v.length === 0 ? [0, 1] : [Math.min(...v), Math.max(...v)]);
  const x = scaleLinear().domain(ext(xs)).nice().range([left, right]);
  const y = scaleLinear().domain(ext(ys)).nice().range([bottom, top]);
  const fmt = format(',~g');
  const parts = [svgOpen(WIDTH, HEIGHT, 'pareto-front', `${goal.name}: the front`), head.svg];
  const lg = legend(
    [
      { label: 'candidate meeting the constraints', colour: COLOURS.baseline, kind: 'dot' },
      { label: 'Pareto set', colour: COLOURS.current, kind: 'dot' },
    ],
    8,
    head.height + 8,
    WIDTH - 16,
  );
  parts.push(lg.svg, valueAxis(y, left, right, fmt));
  parts.push(`<g class="axis x-axis" fill="${COLOURS.muted}" font-size="11"><line x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="${COLOURS.axis}"/>`);
  for (const t of x.ticks(6))
    parts.push(`<line x1="${r2(x(t))}" x2="${r2(x(t))}" y1="${bottom}" y2="${bottom + 4}" stroke="${COLOURS.axis}"/><text x="${r2(x(t))}" y="${bottom + 15}" text-anchor="middle">${esc(fmt(t))}</text>`);
  parts.push(`<text class="axis-label" x="${right}" y="${bottom + 30}" text-anchor="end">${esc(`${ox.name} (${ox.sense})`)}</text></g>`);
  parts.push(`<text class="axis-label" x="8" y="${top - 6}" fill="${COLOURS.muted}" font-size="11">${esc(oy ? `${oy.name} (${oy.sense})` : 'generation')}</text>`);
  parts.push('<g class="candidates">');
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    parts.push(
      p.ok
        ? `<circle cx="${r2(x(p.x))}" cy="${r2(y(p.y))}" r="2.5" fill="${COLOURS.baselineBand}"/>`
        : `<circle cx="${r2(x(p.x))}" cy="${r2(y(p.y))}" r="2.5" fill="none" stroke="${COLOURS.baselineBand}"/>`,
    );
  }
  parts.push('</g><g class="front">');
  for (const f of pareto) {
    const px = f.objectives[0].value;
    const py = oy ? f.objectives[1].value : f.record.generation;
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const cx = r2(x(px));
    const cy = r2(y(py));
    if (Number.isFinite(f.objectives[0].p5))
      parts.push(`<line x1="${r2(x(f.objectives[0].p5))}" x2="${r2(x(f.objectives[0].p95))}" y1="${cy}" y2="${cy}" stroke="${COLOURS.currentBand}"/>`);
    if (oy && Number.isFinite(f.objectives[1].p5))
      parts.push(`<line x1="${cx}" x2="${cx}" y1="${r2(y(f.objectives[1].p5))}" y2="${r2(y(f.objectives[1].p95))}" stroke="${COLOURS.currentBand}"/>`);
    parts.push(`<circle cx="${cx}" cy="${cy}" r="4" fill="${f.feasible ? COLOURS.current : 'none'}" stroke="${COLOURS.current}"><title>candidate ${f.record.id}</title></circle>`);
  }
  parts.push('</g></svg>');
  return parts.join('');
}
