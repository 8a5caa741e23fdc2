import type { ComparisonMetric } from '../analysis/compare-scenarios.ts';
import { costPerExtra, pairedEffect, type PairedEffect } from '../analysis/paired-effect.ts';
import { quantiles, mean } from '../analysis/quantiles.ts';
import type { MetricName } from '../model/metrics.ts';
import { deriveSeed } from '../model/rng.ts';
import { canonicalJson } from '../experiment/sweep/canonical-json.ts';
import type { RunOutput } from '../runner/run-request.ts';
import type { Runner } from '../runner/runner.ts';
import type { Scenario } from '../model/params/schema.ts';
import { metricOf } from '../runner/run-metrics.ts';
import { applyDraw, type PosteriorDraw } from '../analysis/posterior.ts';
import { formatProblems, parseScenario } from '../scenario/parse.ts';

/** One part of a package's effect on one output in one year. */
export interface Wedge {
  metric: ComparisonMetric;
  year: number;
  /** total: package vs baseline; leave_out: package vs package without the lever; add_in: baseline with the lever vs baseline; remainder: total − Σ add_in. */
  kind: 'total' | 'leave_out' | 'add_in' | 'remainder';
  /** The lever (policy field), or null for total and remainder. */
  lever: string | null;
  effect: PairedEffect;
  /** Extra cumulative fiscal cost (years 0–year, M¥) per unit of extra output; NaN when the output does not rise. */
  costPerUnit: number;
}

/** Options of {@link leverWedges}. */
export interface LeverWedgeOptions {
  runner: Runner;
  /** Seeds per scenario: deriveSeed(seed, i), i < seeds, the same for every scenario. */
  seeds: number;
  seed: number;
  /** Outputs, or the derived deep_share (depth 3–4) and fiscal_cost_cumulative of coopsim compare. */
  metrics: readonly ComparisonMetric[];
  /** Years to report (default: the last). */
  years?: readonly number[];
  /**
   * One parameter set per seed (e.g. drawn from a posterior): pair i runs every scenario
   * of the decomposition with `draws[i]` on top, as `coopsim compare --posterior` does,
   * so the intervals include parameter uncertainty. A field a scenario sets to a value
   * other than the default (a lever) keeps its value.
   */
  draws?: readonly PosteriorDraw[];
  signal?: AbortSignal;
}

/** What {@link leverWedges} returns. */
export interface LeverWedges {
  /** Policy fields in which the package differs from the baseline. */
  levers: string[];
  seeds: number[];
  wedges: Wedge[];
}

/** The policy fields in which `pkg` differs from `baseline`. */
export function differingLevers(pkg: Scenario, baseline: Scenario): string[] {
  const a = pkg.policy as Record<string, unknown>;
  const b = baseline.policy as Record<string, unknown>;
  return Object.keys(a).filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
}

/**
 * Decomposes a policy package's effect into its levers (the wedges of a stabilisation
 * chart): for each lever, the effect of leaving it out of the package and of adding it
 * alone to the baseline, and the remainder the single levers do not explain (their
 * interaction). Every scenario runs with the same seeds, so each part is a paired
 * difference with a 90% interval across seeds.
 */
export async function leverWedges(pkg: Scenario, baseline: Scenario, options: LeverWedgeOptions): Promise<LeverWedges> {
  const levers = differingLevers(pkg, baseline);
  const seeds = Array.from({ length: options.seeds }, (_, i) => deriveSeed(options.seed, i));
  const withLever = (s: Scenario, from: Scenario, lever: string): Scenario => ({
    ...s,
    policy: { ...s.policy, [lever]: (from.policy as Record<string, unknown>)[lever] } as Scenario['policy'],
  });
  const scenarios: Scenario[] = [baseline, pkg, ...levers.map((l) => withLever(pkg, baseline, l)), ...levers.map((l) => withLever(baseline, pkg, l))];
  const years = pkg.years;
  const at = drawnScenario(options.draws, seeds.length);
  const outs: RunOutput[][] = await Promise.all(
    scenarios.map((scenario) => Promise.all(seeds.map((seed, i) => options.runner.run({ scenario: at(scenario, i), seed, years }, options.signal)))),
  );
  const metricAt = (o: RunOutput, metric: MetricName, year: number) => metricOf(o, metric, year);
  const cumulative = (o: RunOutput, year: number, skipNaN: boolean) => {
    let sum = 0;
    for (let y = 0; y <= year; y++) {
      const v = metricAt(o, 'fiscal_cost', y);
      if (!(skipNaN && Number.isNaN(v))) sum += v;
    }
    return sum;
  };
  // Derived quantities as coopsim compare computes them, so the two report the same numbers.
  const value = (runs: RunOutput[], metric: ComparisonMetric, year: number) =>
    runs.map((o) =>
      metric === 'deep_share'
        ? metricAt(o, 'depth_3_share', year) + metricAt(o, 'depth_4_share', year)
        : metric === 'fiscal_cost_cumulative'
          ? cumulative(o, year, false)
          : metricAt(o, metric, year),
    );
  const cumCost = (runs: RunOutput[], year: number) => runs.map((o) => cumulative(o, year, true));
  const diff = (a: number[], b: number[]) => a.map((v, i) => b[i] - v);
  const wedges: Wedge[] = [];
  const [base, full] = [outs[0], outs[1]];
  for (const year of options.years ?? [years - 1]) {
    for (const metric of options.metrics) {
      const push = (kind: Wedge['kind'], lever: string | null, from: RunOutput[], to: RunOutput[]) =>
        wedges.push({
          metric,
          year,
          kind,
          lever,
          effect: pairedEffect(value(from, metric, year), value(to, metric, year)),
          costPerUnit: metric === 'fiscal_cost' || metric === 'fiscal_cost_cumulative' ? NaN : costPerExtra(diff(cumCost(from, year), cumCost(to, year)), diff(value(from, metric, year), value(to, metric, year))),
        });
      push('total', null, base, full);
      levers.forEach((l, i) => push('leave_out', l, outs[2 + i], full));
      levers.forEach((l, i) => push('add_in', l, base, outs[2 + levers.length + i]));
      // Remainder per seed: the total effect less the sum of the single-lever effects.
      const total = diff(value(base, metric, year), value(full, metric, year));
      const rest = total.map((t, s) => levers.reduce((acc, _l, i) => acc - (value(outs[2 + levers.length + i], metric, year)[s] - value(base, metric, year)[s]), t));
      const [lo, mid, hi] = quantiles(rest, [0.05, 0.5, 0.95]);
      wedges.push({
        metric,
        year,
        kind: 'remainder',
        lever: null,
        effect: { n: rest.filter((v) => !Number.isNaN(v)).length, baseline: NaN, current: NaN, difference: mid, meanDifference: mean(rest), lo, hi, level: 0.9 },
        costPerUnit: NaN,
      });
    }
  }
  return { levers, seeds, wedges };
}

/**
 * Scenario `s` as pair i runs it: with parameter set i on top (relative to the defaults,
 * as compareScenarios does), or unchanged without draws.
 */
function drawnScenario(draws: readonly PosteriorDraw[] | undefined, n: number): (s: Scenario, i: number) => Scenario {
  if (!draws) return (s) => s;
  if (draws.length !== n) throw new RangeError(`draws: ${draws.length} parameter sets for ${n} seeds; expected one per seed`);
  const defaults = parseScenario({});
  if (!defaults.ok) throw new Error('the default scenario does not parse');
  return (s, i) => {
    const r = parseScenario(applyDraw(s, draws[i], defaults.value));
    if (!r.ok) throw new RangeError(`parameter set ${i + 1} does not fit the scenario: ${formatProblems(r.problems)}`);
    return r.value;
  };
}
