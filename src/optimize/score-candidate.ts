import type { RunOutput } from '../runner/run-request.ts';
import { mean, quantile } from '../analysis/quantiles.ts';
import { setPath } from '../scenario/set-path.ts';
import type { Fitness } from './pareto-rank.ts';
import { leverValue, type Goal, type GoalMeasure } from './parse-goal.ts';
import { metricScope } from '../runner/run-metrics.ts';

/** Violation given to a candidate whose objectives are undefined (every run gave NaN). */
export const UNDEFINED_VIOLATION = 1e12;

/** The scenario data of a candidate: the goal's base with every lever set from `x`. */
export function candidateScenario(goal: Goal, x: readonly number[]): Record<string, unknown> {
  let scenario: Record<string, unknown> = { ...goal.base };
  let at = 0;
  for (const lever of goal.levers) {
    const vars = x.slice(at, at + lever.columns.length);
    at += lever.columns.length;
    const r = setPath(scenario, lever.path, leverValue(lever, vars));
    // The goal's parser has set every lever on the base already.
    if (!r.ok) throw new Error(`${lever.path}: ${r.problems.map((p) => p.message).join('; ')}`);
    scenario = r.value;
  }
  return scenario;
}

/** The lever values of a candidate as written to the output files (rounded where the scenario rounds). */
export function leverCells(goal: Goal, x: readonly number[]): number[] {
  const cells: number[] = [];
  let at = 0;
  for (const lever of goal.levers) {
    if (lever.kind === 'timed') cells.push(Math.round(x[at]), x[at + 1]);
    else cells.push(lever.integer ? Math.round(x[at]) : x[at]);
    at += lever.columns.length;
  }
  return cells;
}

/** Every objective then every constraint of a goal, in that order. */
export function goalMeasures(goal: Goal): GoalMeasure[] {
  return [...goal.objectives, ...goal.constraints];
}

/**
 * The value of a measure in one run: the expression of the outputs of its year, or the
 * sum of the expression over years 0 to its year. An undefined value (NaN: an average
 * over nothing) is missing: it is left out of a sum, and a missing year gives NaN.
 */
export function measureValue(measure: GoalMeasure, out: RunOutput): number {
  const scope: Record<string, number> = {};
  const at = (y: number) => {
    return Number(measure.expression.evaluate(metricScope(out, y, scope)));
  };
  if (measure.year >= out.years) return NaN;
  if (!measure.cumulative) return at(measure.year);
  let sum = 0;
  for (let y = 0; y <= measure.year; y++) {
    const v = at(y);
    if (!Number.isNaN(v)) sum += v;
  }
  return sum;
}

/**
 * The robust value of a measure across seeds: the mean, or the pessimistic quantile —
 * the value reached in at least `confidence` of the runs (the (1 − c) quantile when
 * higher is better, the c quantile when lower is better). NaNs are left out.
 */
export function robustValue(values: ArrayLike<number>, higherIsBetter: boolean, goal: Pick<Goal, 'robustness'>): number {
  const r = goal.robustness;
  if (r.statistic === 'mean') return mean(values);
  return quantile(values, higherIsBetter ? 1 - r.confidence : r.confidence);
}

/** A candidate's standing on one constraint: its robust value and the margin by which it is met (negative: missed). */
export interface ConstraintStanding {
  value: number;
  margin: number;
}

/** What the search sees of a candidate, from its measures' per-seed values (measure × seed). */
export function candidateFitness(goal: Goal, perSeed: readonly (readonly number[])[]): Fitness & { constraints: ConstraintStanding[] } {
  const objectives: number[] = [];
  let undefinedObjective = false;
  goal.objectives.forEach((o, k) => {
    const v = robustValue(perSeed[k], o.sense === 'maximise', goal);
    if (Number.isNaN(v)) undefinedObjective = true;
    objectives.push(o.sense === 'maximise' ? -v : v);
  });
  let violation = 0;
  const constraints = goal.constraints.map((c, j) => {
    const value = robustValue(perSeed[goal.objectives.length + j], c.side === 'atLeast', goal);
    const margin = c.side === 'atLeast' ? value - c.bound : c.bound - value;
    // Violations are relative to the bound, so constraints in different units add up.
    if (Number.isNaN(margin)) violation += 1;
    else if (margin < 0) violation += -margin / (c.bound !== 0 ? Math.abs(c.bound) : 1);
    return { value, margin };
  });
  if (undefinedObjective) return { objectives: objectives.map(() => 0), violation: UNDEFINED_VIOLATION + violation, constraints };
  return { objectives, violation, constraints };
}
