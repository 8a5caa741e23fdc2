import { goalRuns, runScenario } from '../../optimize/goal-runs.ts';
import type { GoalPosteriorLoader } from '../../optimize/parse-goal.ts';
import { nsga2 } from '../../optimize/nsga2.ts';
import { parseGoal, type Goal } from '../../optimize/parse-goal.ts';
import type { Fitness } from '../../optimize/pareto-rank.ts';
import { candidateFitness, candidateScenario, goalMeasures, measureValue } from '../../optimize/score-candidate.ts';
import type { LeverName, ScenarioInput } from '../../model/params/schema.ts';
import { PRIORITY, type RunService } from '../scheduling/run-service.ts';
import { LEVER_SPECS } from '../state/controls-catalog.ts';
import { SHIPPED_POSTERIOR_FILE, shippedPosterior } from '../state/shipped-posterior.ts';
import { GOAL_OUTPUTS, GOAL_SIZES, type GoalPanelState } from './goal-state.ts';

/** One evaluated policy mix of a search. */
export interface GoalPoint {
  /** Order of evaluation (0 = first candidate of generation 0). */
  id: number;
  /** Lever values, rounded to the slider steps (what Apply sets). */
  levers: Partial<Record<LeverName, number>>;
  /** Cumulative fiscal cost to the target year, M¥, at the goal's confidence (the value not exceeded in that share of runs). */
  cost: number;
  /** The output in the target year reached in at least the goal's confidence of runs. */
  value: number;
  /** Meets the target (and the budget, if any). */
  feasible: boolean;
}

/** What a finished search returns. */
export interface GoalSearchResult {
  points: GoalPoint[];
  /** The non-dominated mixes of the last population (feasible ones if any), by cost. */
  front: GoalPoint[];
  /** The cheapest mix that meets the goal, if any. */
  cheapest: GoalPoint | null;
  /**
   * The searched levers at the low end of their ranges (all sliders start at 0: the levers
   * off), judged as the mixes are, with the same runs: where the base stands without them.
   */
  reference: GoalPoint;
  generations: number;
  runs: number;
  /** Parameter sets each mix ran with (0: seed variation only). */
  parameterSets: number;
}

/** Progress after each generation. */
export interface GoalProgress {
  generation: number;
  generations: number;
  evaluations: number;
  total: number;
}

/**
 * The panel's goal as a goal file of `coopsim optimize` (scenarios/goals/): minimise the
 * cumulative fiscal cost to the target year and maximise the target output in that year,
 * both at the chosen confidence across seeds, subject to the output reaching the level
 * (and the cost staying within the budget). The base is the app's scenario, run up to
 * the target year; each lever is searched over its slider's range.
 */
export function goalFileOf(g: GoalPanelState, base: ScenarioInput, paramUncertainty = false): Record<string, unknown> {
  const of = GOAL_OUTPUTS[g.output];
  const cost = { of: 'fiscal_cost', cumulativeTo: g.year };
  return {
    name: 'app goal',
    base: { ...(base as Record<string, unknown>), years: g.year + 1 },
    levers: g.levers.map((l) => {
      const spec = LEVER_SPECS.find((s) => s.lever === l)!;
      return { path: spec.path, range: [spec.min, spec.max] };
    }),
    objectives: [
      { name: 'fiscal_cost_cum', ...cost, sense: 'minimise' },
      { name: 'target', of, year: g.year, sense: 'maximise' },
    ],
    constraints: [
      { name: 'target_level', of, year: g.year, atLeast: g.level },
      ...(g.budget === null ? [] : [{ name: 'budget', ...cost, atMost: g.budget }]),
    ],
    robustness: {
      statistic: 'quantile',
      confidence: g.confidence,
      ...(paramUncertainty ? { posterior: SHIPPED_POSTERIOR_FILE, draws: GOAL_PARAMETER_SETS } : {}),
    },
    seeds: g.seeds,
    seed: g.seed,
    search: GOAL_SIZES[g.size],
  };
}

/**
 * Parameter sets each mix runs with when the search includes parameter uncertainty
 * (assumption: 4 keeps a browser search to four times the runs; coopsim optimize takes 8
 * unless a goal file says otherwise).
 */
export const GOAL_PARAMETER_SETS = 4;

/** The app reads only the posterior it bundles. */
const loadShipped: GoalPosteriorLoader = (path) =>
  path === SHIPPED_POSTERIOR_FILE ? { ok: true, value: shippedPosterior() } : { ok: false, problems: [{ path: '', message: `${path}: the app has only ${SHIPPED_POSTERIOR_FILE}` }] };

/**
 * The parsed goal, or the first problem in words. With `paramUncertainty` (the app's
 * "Include parameter uncertainty", link `pu=1`) the goal judges each mix across the
 * bundled posterior's parameter sets as well as seeds, as a goal file's
 * `robustness.posterior` does in coopsim optimize.
 */
export function panelGoal(g: GoalPanelState, base: ScenarioInput, paramUncertainty = false): { ok: true; goal: Goal } | { ok: false; error: string } {
  const r = parseGoal(goalFileOf(g, base, paramUncertainty), undefined, loadShipped);
  if (!r.ok) return { ok: false, error: r.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ') };
  return { ok: true, goal: r.value };
}

/** Rounds each variable to its slider's step, so the mix evaluated is the mix Apply sets. */
function onSteps(g: GoalPanelState, x: readonly number[]): number[] {
  return x.map((v, i) => {
    const spec = LEVER_SPECS.find((s) => s.lever === g.levers[i])!;
    const k = Math.round((v - spec.min) / spec.step);
    return Math.min(spec.max, Number((spec.min + k * spec.step).toFixed(6)));
  });
}

/**
 * Runs the panel's search in the app's workers: NSGA-II as in `coopsim optimize`, every
 * candidate with the same seeds deriveSeed(seed, i) (common random numbers), runs of
 * finished candidates from the run cache. Deterministic for the same panel and scenario.
 * Rejects with the signal's reason when cancelled.
 */
export async function runGoalSearch(
  g: GoalPanelState,
  goal: Goal,
  runs: RunService,
  options: { signal?: AbortSignal; onProgress?: (p: GoalProgress) => void } = {},
): Promise<GoalSearchResult> {
  const perMix = goalRuns(goal).length;
  const total = goal.population * (goal.generations + 1);
  const points: GoalPoint[] = [];
  const byKey = new Map<string, GoalPoint>();
  const pointOf = (id: number, x: readonly number[], fit: Fitness): GoalPoint => ({
    id,
    levers: Object.fromEntries(g.levers.map((l, k) => [l, x[k]])),
    cost: fit.objectives[0],
    value: -fit.objectives[1],
    feasible: fit.violation === 0,
  });
  const evaluate = async (xs: readonly (readonly number[])[]): Promise<Fitness[]> => {
    const stepped = xs.map((x) => onSteps(g, x));
    const perCandidate = await Promise.all(stepped.map((x) => mixValues(goal, x, runs, options.signal)));
    return perCandidate.map((perSeed, i) => {
      const x = stepped[i];
      const fit = candidateFitness(goal, perSeed);
      const point = pointOf(points.length, x, fit);
      points.push(point);
      byKey.set(x.join(','), point);
      return { objectives: fit.objectives, violation: fit.violation };
    });
  };
  const last = await nsga2(
    { lower: goal.levers.flatMap((l) => l.lower), upper: goal.levers.flatMap((l) => l.upper) },
    evaluate,
    {
      population: goal.population,
      generations: goal.generations,
      seed: goal.seed,
      onGeneration: (generation) => options.onProgress?.({ generation, generations: goal.generations, evaluations: points.length, total }),
    },
  );
  const first = last.filter((p) => p.rank === 0).map((p) => byKey.get(onSteps(g, p.x).join(','))!);
  const feasible = first.filter((p) => p.feasible);
  const seen = new Set<string>();
  const front = (feasible.length > 0 ? feasible : first)
    .slice()
    .sort((a, b) => a.cost - b.cost || b.value - a.value || a.id - b.id)
    .filter((p) => {
      const key = JSON.stringify(p.levers);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // Its runs come from the cache when the search tried the same mix.
  const off = onSteps(g, goal.levers.flatMap((l) => l.lower));
  const reference = pointOf(-1, off, candidateFitness(goal, await mixValues(goal, off, runs, options.signal)));
  return {
    points,
    front,
    cheapest: feasible.length > 0 ? front[0] : null,
    reference,
    generations: goal.generations,
    runs: points.length * perMix,
    parameterSets: goal.draws?.length ?? 0,
  };
}

/**
 * A mix's measures over the goal's runs (measure × run): every seed, and with a posterior
 * every parameter set × seed with the set on top, as coopsim optimize runs a candidate.
 */
export async function mixValues(goal: Goal, x: readonly number[], runs: RunService, signal?: AbortSignal): Promise<number[][]> {
  const scenario = candidateScenario(goal, x);
  const outs = await Promise.all(goalRuns(goal).map((run) => runs.run(runScenario(goal, scenario, run) as ScenarioInput, run.seed, PRIORITY.ensemble, signal)));
  return goalMeasures(goal).map((m) => outs.map((o) => measureValue(m, o)));
}
