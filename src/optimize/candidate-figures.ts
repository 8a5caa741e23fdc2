import { quantile, mean } from '../analysis/quantiles.ts';
import type { EvaluationRecord, OptimizationState } from './optimization-state.ts';
import type { Goal } from './parse-goal.ts';
import { candidateFitness, leverCells, robustValue } from './score-candidate.ts';

/** One candidate's figures as the files show them. */
export interface CandidateFigures {
  record: EvaluationRecord;
  levers: number[];
  /** Per objective: robust value, mean, 5% and 95% quantile across seeds. */
  objectives: { value: number; mean: number; p5: number; p95: number }[];
  constraints: { value: number; margin: number }[];
  feasible: boolean;
}

/** The figures of an evaluated candidate. */
export function candidateFigures(goal: Goal, record: EvaluationRecord): CandidateFigures {
  const fit = candidateFitness(goal, record.perSeed);
  return {
    record,
    levers: leverCells(goal, record.x),
    objectives: goal.objectives.map((o, k) => ({
      value: robustValue(record.perSeed[k], o.sense === 'maximise', goal),
      mean: mean(record.perSeed[k]),
      p5: quantile(record.perSeed[k], 0.05),
      p95: quantile(record.perSeed[k], 0.95),
    })),
    constraints: fit.constraints,
    feasible: record.violation === 0,
  };
}

/**
 * The Pareto set of a search: the first front of its last population, only the members
 * that meet every constraint when there are any, one per distinct lever mix, ordered by
 * the first objective.
 */
export function paretoSet(goal: Goal, state: OptimizationState): CandidateFigures[] {
  const front = state.population.filter((p) => p.rank === 0).map((p) => state.evaluations[p.id]);
  const feasible = front.filter((r) => r.violation === 0);
  const seen = new Set<string>();
  const out: CandidateFigures[] = [];
  for (const r of (feasible.length > 0 ? feasible : front).slice().sort((a, b) => a.objectives[0] - b.objectives[0] || a.id - b.id)) {
    const f = candidateFigures(goal, r);
    const key = JSON.stringify(f.levers);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
