import type { PairedEffect } from '../../analysis/paired-effect.ts';
import { applyDraw, drawPosterior, type Posterior, type PosteriorDraw } from '../../analysis/posterior.ts';
import type { MetricName } from '../../model/metrics.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import { judgeClaims, type CheckClaimsOptions, type Verdict } from './check-claims.ts';
import { CLAIMS, claimScenarios } from './claim-definitions.ts';
import { runEnsemble, type Ensemble } from './run-ensemble.ts';

/** Options of {@link checkClaimsUnderPosterior}. */
export interface PosteriorClaimsOptions extends Omit<CheckClaimsOptions, 'seeds'> {
  posterior: Posterior;
  /** Parameter sets drawn from the posterior (default {@link POSTERIOR_DRAWS}). */
  draws?: number;
  /** Seeds per parameter set (default {@link POSTERIOR_SEEDS}). */
  seeds?: number;
  /** Seed of the draws: the same seed gives the same parameter sets (default 1). */
  drawSeed?: number;
}

/** Default number of parameter sets of the claims report under parameter uncertainty. */
export const POSTERIOR_DRAWS = 20;
/** Default seeds per parameter set: with 10 seeds a criterion needs 9 on its side to pass the sign test. */
export const POSTERIOR_SEEDS = 10;

/** One criterion at one year, over every parameter set × seed. */
export interface PooledYear {
  year: number;
  /** Paired effect (current − reference) across all parameter sets × seeds. */
  effect: PairedEffect;
  /** Share of runs whose own effect lies on the claimed side. */
  runsAgreeing: number;
}

export interface PosteriorCriterion {
  test: string;
  scenarios: readonly string[];
  metrics: readonly MetricName[];
  sign: 1 | -1;
  byConstruction?: string;
  /** Share of parameter sets in which the criterion holds (the claims report's rule, on that set's seeds). */
  probability: number;
  /** Verdict of the criterion in each parameter set, in draw order. */
  verdicts: Verdict[];
  years: PooledYear[];
}

export interface PosteriorClaim {
  id: number;
  claim: string;
  /** Share of parameter sets in which every criterion of the claim holds. */
  probability: number;
  verdicts: Verdict[];
  criteria: PosteriorCriterion[];
}

/** The claims report under parameter uncertainty. */
export interface PosteriorClaimsReport {
  drawSeed: number;
  /** The parameter sets, in draw order; set d runs with seeds d·seedsPerDraw + 1 … (d + 1)·seedsPerDraw. */
  draws: PosteriorDraw[];
  seedsPerDraw: number;
  years: readonly number[];
  level: number;
  claims: PosteriorClaim[];
}

const holds = (v: Verdict) => v !== 'fails';

/**
 * The claims report with parameter uncertainty: draws `draws` parameter sets from the
 * posterior (by weight, from `drawSeed`), puts each on every scenario the claims compare
 * (a field a scenario sets itself keeps its value), runs each set on its own seeds, and
 * reports per claim and criterion the share of parameter sets in which it holds, with
 * the paired effect's interval across parameter sets × seeds.
 */
export async function checkClaimsUnderPosterior(options: PosteriorClaimsOptions): Promise<PosteriorClaimsReport> {
  const claims = options.claims ?? CLAIMS;
  const nDraws = options.draws ?? POSTERIOR_DRAWS;
  const nSeeds = options.seeds ?? POSTERIOR_SEEDS;
  const drawSeed = options.drawSeed ?? 1;
  for (const [what, n] of [['draws', nDraws], ['seeds', nSeeds]] as const)
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`${what}: ${n}; expected a whole number ≥ 1`);
  const names = claimScenarios(claims);
  for (const name of names)
    if (!options.scenarios[name]) throw new Error(`the claims compare scenario ${JSON.stringify(name)}, which is missing (scenarios/${name}.json)`);
  const draws = drawPosterior(options.posterior, nDraws, drawSeed);
  const ensembles = await Promise.all(
    draws.map((draw, d) => {
      const scenarios: Record<string, ScenarioInput> = {};
      for (const name of names) scenarios[name] = applyDraw(options.scenarios[name], draw);
      const seeds = Array.from({ length: nSeeds }, (_, i) => d * nSeeds + i + 1);
      return runEnsemble(options.runner, scenarios, seeds, options.onRun);
    }),
  );
  const perDraw = ensembles.map((e) => judgeClaims(e, claims));
  const pooled = judgeClaims(pool(ensembles), claims);
  const share = (vs: Verdict[]) => vs.filter(holds).length / vs.length;
  return {
    drawSeed,
    draws,
    seedsPerDraw: nSeeds,
    years: pooled.years,
    level: pooled.level,
    claims: pooled.claims.map((c, ci) => {
      const verdicts = perDraw.map((r) => r.claims[ci].verdict);
      return {
        id: c.id,
        claim: c.claim,
        probability: share(verdicts),
        verdicts,
        criteria: c.criteria.map((k, ki) => {
          const kv = perDraw.map((r) => r.claims[ci].criteria[ki].verdict);
          return {
            test: k.test,
            scenarios: k.scenarios,
            metrics: k.metrics,
            sign: k.sign,
            byConstruction: k.byConstruction,
            probability: share(kv),
            verdicts: kv,
            years: k.years.map((y) => ({ year: y.year, effect: y.effect, runsAgreeing: y.seedsAgreeing })),
          };
        }),
      };
    }),
  };
}

/** The ensembles of every parameter set as one, their seeds in draw order. */
function pool(ensembles: readonly Ensemble[]): Ensemble {
  const values: Record<string, Float64Array[]> = {};
  const years: Record<string, number> = {};
  for (const name of Object.keys(ensembles[0].values)) {
    values[name] = ensembles.flatMap((e) => [...e.values[name]]);
    years[name] = Math.min(...ensembles.map((e) => e.years[name]));
  }
  return { seeds: ensembles.flatMap((e) => [...e.seeds]), years, values };
}
