import type { CandidateFigures } from './candidate-figures.ts';
import { candidateFitness } from './score-candidate.ts';
import type { OptimizationState } from './optimization-state.ts';
import type { Goal } from './parse-goal.ts';

const num = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : 'undefined');

/**
 * The objective that picks the summary's mix: the first one to minimise (a cost, in the
 * usual goal), else the first objective.
 */
export function pickingObjective(goal: Goal): number {
  const k = goal.objectives.findIndex((o) => o.sense === 'minimise');
  return k >= 0 ? k : 0;
}

/** The Pareto point the summary names: the best on {@link pickingObjective} among those meeting every constraint, else the closest to meeting them. */
export function chosenPoint(goal: Goal, pareto: readonly CandidateFigures[]): CandidateFigures | null {
  const k = pickingObjective(goal);
  const sign = goal.objectives[k].sense === 'maximise' ? -1 : 1;
  const feasible = pareto.filter((p) => p.feasible);
  const pool = feasible.length > 0 ? feasible : pareto;
  let best: CandidateFigures | null = null;
  for (const p of pool) {
    if (!best) best = p;
    else if (feasible.length === 0 && p.record.violation !== best.record.violation) best = p.record.violation < best.record.violation ? p : best;
    else if (sign * p.objectives[k].value < sign * best.objectives[k].value) best = p;
  }
  return best;
}

/** A readable summary of a finished search, naming the mix that best meets the goal. */
export function summaryText(goal: Goal, state: OptimizationState, pareto: readonly CandidateFigures[]): string {
  const r = goal.robustness;
  const robust = r.statistic === 'mean' ? `the mean across ${goal.draws ? 'runs' : 'seeds'}` : `the value reached in at least ${Math.round(r.confidence * 100)}% of runs`;
  const runs = goal.draws
    ? `each run with the same ${goal.seeds} seeds for each of the same ${goal.draws.length} parameter sets drawn from ${r.posterior} (${goal.draws.length * goal.seeds} runs of ${goal.years} years)`
    : `each run with the same ${goal.seeds} seeds for ${goal.years} years`;
  const lines = [`Goal: ${goal.name}`];
  if (goal.description) lines.push(goal.description);
  lines.push(
    '',
    `Searched ${state.evaluations.length} candidate mixes (NSGA-II, ${goal.population} per generation, ${state.generation + 1} generations), ` +
      `${runs}; every figure is ${robust}.`,
    `Hypervolume of the front (objectives scaled to the first generation): ${num(state.hypervolume[0] ?? NaN)} → ${num(state.hypervolume[state.hypervolume.length - 1] ?? NaN)}.`,
  );
  const feasible = pareto.filter((p) => p.feasible).length;
  lines.push(feasible > 0 ? `The front has ${feasible} mixes that meet every constraint (pareto.csv).` : 'No mix searched meets every constraint; pareto.csv lists the first front regardless.');
  const best = chosenPoint(goal, pareto);
  if (best) {
    const k = pickingObjective(goal);
    const o = goal.objectives[k];
    lines.push(
      '',
      best.feasible
        ? `${o.sense === 'minimise' ? 'Lowest' : 'Highest'} ${o.name} that meets the goal: candidate ${best.record.id}`
        : `Closest to meeting the goal: candidate ${best.record.id} (constraint violation ${num(best.record.violation)})`,
      `  (scenario file: mixes/candidate-${best.record.id}.json)`,
    );
    let i = 0;
    for (const lever of goal.levers) {
      if (lever.kind === 'timed') lines.push(`  ${lever.path}: ${num(best.levers[i + 1])} from year ${best.levers[i]}`);
      else lines.push(`  ${lever.path}: ${num(best.levers[i])}`);
      i += lever.columns.length;
    }
    goal.objectives.forEach((obj, j) => {
      const f = best.objectives[j];
      lines.push(`  ${obj.name} (${obj.sense}, ${obj.source}${obj.cumulative ? `, summed over years 0–${obj.year}` : ` in year ${obj.year}`}): ${num(f.value)} (mean ${num(f.mean)}; 5%–95% of runs ${num(f.p5)}–${num(f.p95)})`);
    });
    goal.constraints.forEach((c, j) => {
      const s = best.constraints[j];
      lines.push(`  ${c.name} (${c.source} ${c.side === 'atLeast' ? '≥' : '≤'} ${c.bound}): ${num(s.value)}, margin ${num(s.margin)}${s.margin >= 0 ? '' : ' (missed)'}`);
    });
  }
  if (state.base.length > 0) {
    // Where the base stands without the search: the gap to the goal and what the chosen mix adds.
    const b = candidateFitness(goal, state.base);
    const objectives = goal.objectives.map((o, j) => `${o.name} ${num(o.sense === 'maximise' ? -b.objectives[j] : b.objectives[j])}`);
    const margins = goal.constraints.map((c, j) => `${c.name} margin ${num(b.constraints[j].margin)}${b.constraints[j].margin >= 0 ? '' : ' (missed)'}`);
    lines.push('', `The base scenario as it is, judged the same way on the same runs: ${[...objectives, ...margins].join(', ')}.`);
  }
  lines.push('', 'Files: pareto.csv (the front, with effects against the base scenario), mixes/ (a scenario file per mix on the front), evaluations.csv (every candidate), front.svg, manifest.json.');
  return `${lines.join('\n')}\n`;
}
