import { deriveSeed } from '../model/rng.ts';
import { METRIC_NAMES, type MetricName } from '../model/metrics.ts';
import { simulate, type SimulationResult } from '../model/simulate.ts';
import type { Scenario } from '../model/params/schema.ts';
import { formatProblems, parseScenario } from '../scenario/parse.ts';
import { applyDraw, type PosteriorDraw } from './posterior.ts';
import { costPerExtra, pairedEffect, type PairedEffect } from './paired-effect.ts';

/** A quantity {@link compareScenarios} reports: an output column, or one derived from columns. */
export type ComparisonMetric = MetricName | 'deep_share' | 'fiscal_cost_cumulative';

/** Every name a comparison accepts: the output columns, `deep_share` (depth 3–4) and `fiscal_cost_cumulative`. */
export const COMPARISON_METRICS: readonly ComparisonMetric[] = [...METRIC_NAMES, 'deep_share', 'fiscal_cost_cumulative'];

/** The outcomes of the app's summary card, in its order: the default of {@link compareScenarios}. */
export const DEFAULT_COMPARISON_METRICS: readonly ComparisonMetric[] = [
  'deep_share',
  'firms_cooperating_share',
  'mean_depth',
  'one_year_share',
  'employment_rate',
];

/** Options of {@link compareScenarios}. */
export interface CompareOptions {
  /** Seed pairs (default 32, as the app's ensemble). */
  seeds?: number;
  /** Master seed; run i uses `deriveSeed(seed, i)` for both scenarios (default: the scenario's seed). */
  seed?: number;
  /** Years to report (year numbers from 0, or "last"; default: the last year). */
  years?: readonly (number | 'last')[];
  /** Quantities to report (default {@link DEFAULT_COMPARISON_METRICS}). */
  metrics?: readonly ComparisonMetric[];
  /** Coverage of the intervals (default 0.9: the 5%–95% quantiles of the paired differences). */
  level?: number;
  /**
   * One parameter set per pair (e.g. drawn from a posterior): pair i runs both scenarios
   * with `draws[i]` on top, so the intervals include parameter uncertainty. A field a
   * scenario sets to a value other than the default keeps the scenario's value.
   */
  draws?: readonly PosteriorDraw[];
}

/** The paired effect of one quantity in one year. */
export interface MetricEffect {
  metric: ComparisonMetric;
  year: number;
  effect: PairedEffect;
}

/** What the scenario costs against the baseline up to one year. */
export interface CostEffect {
  year: number;
  /** Fiscal cost summed over years 0…year, M¥: medians, and the paired difference with its interval. */
  fiscalCumulative: PairedEffect;
  /** Deep partnerships (depth 3–4) in `year`: medians, and the paired difference with its interval. */
  extraDeep: PairedEffect;
  /** Extra cumulative fiscal cost per extra deep partnership, M¥: ratio of the means over seeds (NaN when there is no gain). */
  costPerExtraDeep: number;
}

/** The result of {@link compareScenarios}: the app's summary card for each year asked for. */
export interface ScenarioComparison {
  /** The seed of each pair, in run order. */
  seeds: number[];
  /** The master seed the seeds derive from. */
  seed: number;
  years: number[];
  level: number;
  effects: MetricEffect[];
  costs: CostEffect[];
}

/** What a comparison reads of a run: its metric columns. */
export type ComparedRun = Pick<SimulationResult, 'metrics'>;

/** The value of a quantity in year `t` of a run (NaN when the model left it undefined). */
function valueAt(run: ComparedRun, metric: ComparisonMetric, t: number): number {
  if (metric === 'deep_share') return run.metrics.depth_3_share[t] + run.metrics.depth_4_share[t];
  if (metric === 'fiscal_cost_cumulative') {
    let sum = 0;
    for (let y = 0; y <= t; y++) sum += run.metrics.fiscal_cost[y];
    return sum;
  }
  return run.metrics[metric][t];
}

/**
 * Runs a scenario and a baseline over the same seeds and compares them as the app's
 * summary card does: for each quantity and year, the medians of both and the paired
 * effect (median of the per-seed differences) with its interval; the cumulative fiscal
 * cost and the cost per extra deep partnership. Seed i of both is `deriveSeed(seed, i)`,
 * the rule of sweeps and the app. NaN values (undefined averages) are missing: their
 * pairs are left out. Throws a RangeError for a year the runs do not have.
 */
export function compareScenarios(scenario: Scenario, baseline: Scenario, options: CompareOptions = {}): ScenarioComparison {
  const n = options.seeds ?? 32;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`seeds: ${n}; expected a whole number ≥ 1`);
  const seed = options.seed ?? scenario.seed;
  const level = options.level ?? 0.9;
  const metrics = options.metrics ?? DEFAULT_COMPARISON_METRICS;
  for (const m of metrics)
    if (!COMPARISON_METRICS.includes(m)) throw new RangeError(`metric ${JSON.stringify(m)} does not exist; allowed: ${COMPARISON_METRICS.join(', ')}`);
  const span = Math.min(scenario.years, baseline.years);
  const years = (options.years ?? ['last']).map((y) => {
    if (y === 'last') return span - 1;
    if (!Number.isInteger(y) || y < 0 || y >= span) throw new RangeError(`year ${y} is not simulated; expected 0–${span - 1} or "last"`);
    return y;
  });
  const seeds = Array.from({ length: n }, (_, i) => deriveSeed(seed, i));
  const draws = options.draws;
  if (draws && draws.length !== n) throw new RangeError(`draws: ${draws.length} parameter sets for ${n} seed pairs; expected one per pair`);
  const defaults = draws ? parseScenario({}) : null;
  const at = (s: Scenario, i: number): Scenario => {
    if (!draws || !defaults?.ok) return s;
    const r = parseScenario(applyDraw(s, draws[i], defaults.value));
    if (!r.ok) throw new RangeError(`parameter set ${i + 1} does not fit the scenario: ${formatProblems(r.problems)}`);
    return r.value;
  };
  const current = seeds.map((s, i) => simulate(at(scenario, i), { seed: s }));
  const base = seeds.map((s, i) => simulate(at(baseline, i), { seed: s }));
  return { seeds, seed, years, level, ...compareRuns(base, current, years, metrics, level) };
}

/**
 * The comparison of paired runs (`baseline[i]` and `current[i]` from the same seed) in the
 * given years: the numbers of {@link compareScenarios} without running anything. Pure.
 */
export function compareRuns(
  base: readonly ComparedRun[],
  current: readonly ComparedRun[],
  years: readonly number[],
  metrics: readonly ComparisonMetric[] = DEFAULT_COMPARISON_METRICS,
  level = 0.9,
): Pick<ScenarioComparison, 'effects' | 'costs'> {
  if (base.length !== current.length) throw new RangeError(`paired runs differ in number: ${base.length} baseline vs ${current.length} scenario`);
  const n = base.length;
  const column = (runs: readonly ComparedRun[], metric: ComparisonMetric, t: number) => Float64Array.from(runs, (r) => valueAt(r, metric, t));

  const effects: MetricEffect[] = [];
  for (const metric of metrics)
    for (const year of years) effects.push({ metric, year, effect: pairedEffect(column(base, metric, year), column(current, metric, year), level) });
  const costs = years.map((year): CostEffect => {
    const fiscalB = column(base, 'fiscal_cost_cumulative', year);
    const fiscalC = column(current, 'fiscal_cost_cumulative', year);
    const deepB = column(base, 'deep_partnerships', year);
    const deepC = column(current, 'deep_partnerships', year);
    const extraCost: number[] = [];
    const extraDeep: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = fiscalC[i] - fiscalB[i];
      const d = deepC[i] - deepB[i];
      if (Number.isNaN(c) || Number.isNaN(d)) continue;
      extraCost.push(c);
      extraDeep.push(d);
    }
    return {
      year,
      fiscalCumulative: pairedEffect(fiscalB, fiscalC, level),
      extraDeep: pairedEffect(deepB, deepC, level),
      costPerExtraDeep: costPerExtra(extraCost, extraDeep),
    };
  });
  return { effects, costs };
}
