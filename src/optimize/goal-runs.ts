import { applyDraw } from '../analysis/posterior.ts';
import { deriveSeed } from '../model/rng.ts';
import type { Goal } from './parse-goal.ts';

/** One of the runs every candidate gets: a seed, and the index of the parameter set it runs with (null: the scenario's own parameters). */
export interface GoalRun {
  readonly seed: number;
  readonly draw: number | null;
}

/** The seeds every candidate runs with: deriveSeed(seed, i), i < seeds. */
export function goalSeeds(goal: Pick<Goal, 'seeds' | 'seed'>): number[] {
  return Array.from({ length: goal.seeds }, (_, i) => deriveSeed(goal.seed, i));
}

/**
 * Every run of a candidate: each seed, or with a posterior each parameter set with each
 * seed (sets outer, seeds inner). The same runs for every candidate and for the base
 * (common random numbers, over parameter sets too), so candidates differ by their levers.
 */
export function goalRuns(goal: Pick<Goal, 'seeds' | 'seed' | 'draws'>): GoalRun[] {
  const seeds = goalSeeds(goal);
  if (!goal.draws) return seeds.map((seed) => ({ seed, draw: null }));
  return goal.draws.flatMap((_, draw) => seeds.map((seed) => ({ seed, draw })));
}

/**
 * The scenario data of one run: the candidate with the run's parameter set on top. A field
 * the base or a lever sets keeps its value (the posterior describes what the scenario leaves
 * at its defaults, not a policy).
 */
export function runScenario(goal: Pick<Goal, 'draws'>, scenario: Record<string, unknown>, run: GoalRun): Record<string, unknown> {
  return run.draw === null || !goal.draws ? scenario : applyDraw(scenario, goal.draws[run.draw]);
}
