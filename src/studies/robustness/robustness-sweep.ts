import { CLAIMS, claimScenarios, type ClaimDefinition } from '../claims/claim-definitions.ts';
import { ensembleValue, runEnsemble, seedList, type Ensemble } from '../claims/run-ensemble.ts';
import { quantiles } from '../../analysis/quantiles.ts';
import type { Runner } from '../../runner/runner.ts';
import { parseScenario } from '../../scenario/parse.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import { setPath } from '../../scenario/set-path.ts';
import { assumedParameters, scaledValue, type AssumedParameter } from './assumed-parameters.ts';

/** One criterion's paired effect at one setting: its median across seeds and whether it points the claimed way. */
export interface CriterionOutcome {
  claim: number;
  test: string;
  /** Median across seeds of current − reference (NaN when undefined for every seed). */
  median: number;
  /** The median lies on the claimed side. */
  claimedDirection: boolean;
  /** Share of seeds whose effect lies on the claimed side (NaN values left out). */
  seedsAgreeing?: number;
}

/** A parameter at one scaled value. */
export interface RobustnessPoint {
  factor: number;
  /** The parameter's value in the baseline at this factor. */
  value: number | number[];
  outcomes: CriterionOutcome[];
}

export interface ParameterRobustness {
  path: string;
  default: number | number[];
  description: string;
  /** Scaled settings that changed the value (a zero default has none). */
  points: RobustnessPoint[];
  /** Factors left out because the scaled value equals the default. */
  skipped: number[];
}

export interface RobustnessReport {
  seeds: readonly number[];
  /** The year judged (the last simulated year). */
  year: number;
  factors: readonly number[];
  /** Every criterion at the defaults. */
  defaults: CriterionOutcome[];
  parameters: ParameterRobustness[];
  /** Wall-clock seconds the sweep took. */
  seconds: number;
}

export interface RobustnessOptions {
  /** The shipped scenarios by file name; every scenario the claims read. */
  scenarios: Readonly<Record<string, ScenarioInput>>;
  runner: Runner;
  /** Paired seeds 1…n (default 20). */
  seeds?: number;
  /** Factors applied to each parameter one at a time (default 0.5 and 1.5: ±50%). */
  factors?: readonly number[];
  /**
   * Where a factor flips a criterion, also test the factor halfway to the default (1×)
   * to narrow the range over which the claim holds (default true).
   */
  refine?: boolean;
  /** Only these parameter paths (default: every assumed parameter). */
  only?: readonly string[];
  claims?: readonly ClaimDefinition[];
  /** Called after each parameter with its index and the number of parameters. */
  onParameter?: (done: number, total: number, path: string) => void;
  /** Clock for the run time (default Date.now). */
  now?: () => number;
}

/** Value at a dotted path of a parsed scenario. */
function valueAt(scenario: unknown, path: string): unknown {
  let node = scenario;
  for (const k of path.split('.')) node = (node as Record<string, unknown>)[k];
  return node;
}

/**
 * The one-at-a-time robustness sweep: every assumed parameter scaled by each factor in
 * every scenario the claims compare (each scenario's own value, so a scenario that sets
 * the parameter keeps its contrast in proportion), on the same paired seeds; each claim's
 * criteria are judged at the last year by the direction of the median paired effect.
 */
export async function robustnessSweep(options: RobustnessOptions): Promise<RobustnessReport> {
  const now = options.now ?? Date.now;
  const start = now();
  const claims = options.claims ?? CLAIMS;
  const seeds = seedList(options.seeds ?? 20);
  const factors = options.factors ?? [0.5, 1.5];
  const names = claimScenarios(claims);
  const base: Record<string, ScenarioInput> = {};
  const parsed: Record<string, unknown> = {};
  for (const n of names) {
    const s = options.scenarios[n];
    if (!s) throw new Error(`the claims compare scenario ${JSON.stringify(n)}, which is missing (scenarios/${n}.json)`);
    const r = parseScenario(s);
    if (!r.ok) throw new Error(`scenario ${n} is invalid`);
    base[n] = s;
    parsed[n] = r.value;
  }
  let params = assumedParameters();
  if (options.only) {
    const unknown = options.only.filter((p) => !params.some((q) => q.path === p));
    if (unknown.length) throw new Error(`not an assumed parameter: ${unknown.join(', ')} (see the parameter tables of docs/ODD.md)`);
    params = params.filter((p) => options.only!.includes(p.path));
  }
  const defaults = await outcomesOf(options.runner, base, seeds, claims);
  const out: ParameterRobustness[] = [];
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const r = await sweepParameter(p, factors, options.runner, base, parsed, seeds, claims);
    if (options.refine ?? true) {
      const halfway = r.points.filter((pt) => flips(defaults.outcomes, pt)).map((pt) => (1 + pt.factor) / 2);
      if (halfway.length) r.points.push(...(await sweepParameter(p, halfway, options.runner, base, parsed, seeds, claims)).points);
      r.points.sort((a, b) => a.factor - b.factor);
    }
    out.push(r);
    options.onParameter?.(i + 1, params.length, p.path);
  }
  return { seeds, year: defaults.year, factors, defaults: defaults.outcomes, parameters: out, seconds: (now() - start) / 1000 };
}

async function sweepParameter(
  p: AssumedParameter,
  factors: readonly number[],
  runner: Runner,
  base: Record<string, ScenarioInput>,
  parsed: Record<string, unknown>,
  seeds: number[],
  claims: readonly ClaimDefinition[],
): Promise<ParameterRobustness> {
  const skipped: number[] = [];
  const jobs: { factor: number; value: number | number[]; scenarios: Record<string, ScenarioInput> }[] = [];
  for (const factor of factors) {
    const scenarios: Record<string, ScenarioInput> = {};
    let baselineValue: number | number[] | undefined;
    let moved = false;
    for (const [name, input] of Object.entries(base)) {
      const own = valueAt(parsed[name], p.path) as number | number[];
      const v = scaledValue(p, own, factor);
      if (v !== undefined) moved = true;
      const set = setPath(input, p.path, v ?? own);
      if (!set.ok) throw new Error(`cannot set ${p.path} in ${name}`);
      scenarios[name] = set.value as ScenarioInput;
      if (name === 'baseline') baselineValue = v ?? own;
    }
    if (!moved) skipped.push(factor);
    else jobs.push({ factor, value: baselineValue ?? p.default, scenarios });
  }
  const points = await Promise.all(
    jobs.map(async (j) => ({ factor: j.factor, value: j.value, outcomes: (await outcomesOf(runner, j.scenarios, seeds, claims)).outcomes })),
  );
  return { path: p.path, default: p.default, description: p.description, points, skipped };
}

async function outcomesOf(runner: Runner, scenarios: Record<string, ScenarioInput>, seeds: number[], claims: readonly ClaimDefinition[]) {
  const e = await runEnsemble(runner, scenarios, seeds);
  const year = Math.min(...Object.values(e.years)) - 1;
  return { year, outcomes: judgeAt(e, claims, year) };
}

function judgeAt(e: Ensemble, claims: readonly ClaimDefinition[], year: number): CriterionOutcome[] {
  return claims.flatMap((c) =>
    c.criteria.map((k) => {
      const d: number[] = [];
      let agree = 0;
      let n = 0;
      for (let i = 0; i < e.seeds.length; i++) {
        const [r, cur] = k.pair((s, m) => ensembleValue(e, s, i, year, m));
        d.push(cur - r);
        if (Number.isNaN(cur - r)) continue;
        n++;
        if (k.sign * (cur - r) > 0) agree++;
      }
      const [median] = quantiles(d, [0.5]);
      return { claim: c.id, test: k.test, median, claimedDirection: k.sign * median > 0, seedsAgreeing: n > 0 ? agree / n : NaN };
    }),
  );
}

/** Whether any criterion points another way at this point than at the defaults. */
export function flips(defaults: readonly CriterionOutcome[], point: RobustnessPoint): boolean {
  return point.outcomes.some((o, i) => o.claimedDirection !== defaults[i].claimedDirection);
}
