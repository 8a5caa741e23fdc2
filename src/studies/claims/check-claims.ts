import { pairedEffect, type PairedEffect } from '../../analysis/paired-effect.ts';
import type { MetricName } from '../../model/metrics.ts';
import type { Runner } from '../../runner/runner.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import { CLAIMS, claimScenarios, type ClaimDefinition, type Criterion } from './claim-definitions.ts';
import { ensembleValue, runEnsemble, seedList, type Ensemble } from './run-ensemble.ts';

/** A claim's or a criterion's verdict. */
export type Verdict = 'holds' | 'fails' | 'holds by construction';

/** One criterion at one year: the paired effect (current − reference) across seeds. */
export interface CriterionYear {
  year: number;
  effect: PairedEffect;
  /** Share of seeds whose own effect lies on the claimed side. */
  seedsAgreeing: number;
  /** One-sided sign test: chance of at least this many seeds on the claimed side if the effect's sign were a coin toss. */
  signTestP: number;
  /** The median effect lies on the claimed side and the sign test's p is below {@link SIGN_TEST_ALPHA}. */
  holds: boolean;
  /** Numbers behind a failure, when the criterion explains itself. */
  why?: string;
}

export interface CriterionReport {
  test: string;
  scenarios: readonly string[];
  metrics: readonly MetricName[];
  sign: 1 | -1;
  byConstruction?: string;
  years: CriterionYear[];
  verdict: Verdict;
}

export interface ClaimReport {
  id: number;
  claim: string;
  criteria: CriterionReport[];
  verdict: Verdict;
}

export interface ClaimsReport {
  seeds: readonly number[];
  /** The years checked: 5, 10 and the last simulated year. */
  years: readonly number[];
  /** Interval coverage of the paired effects (0.9: 5%–95% of the seeds' effects). */
  level: number;
  claims: ClaimReport[];
}

export interface CheckClaimsOptions {
  /** The shipped scenarios by file name (without .json); every scenario the claims read. */
  scenarios: Readonly<Record<string, ScenarioInput>>;
  runner: Runner;
  /** Number of paired seeds, 1…n (default 20). */
  seeds?: number;
  /** Claims to check (default all seven). */
  claims?: readonly ClaimDefinition[];
  /** Called after each finished run. */
  onRun?: () => void;
}

/**
 * Significance of the one-sided sign test a criterion must pass at each year. With 20
 * seeds, 15 must lie on the claimed side; with fewer than 5 seeds no criterion can pass.
 */
export const SIGN_TEST_ALPHA = 0.05;

/** Default number of paired seeds of the claims report. */
export const CLAIM_SEEDS = 20;

/**
 * The model's own check of the seed paper's claims: runs every scenario the claims
 * compare on the same seeds and judges each claim at years 5, 10 and the last year.
 * A criterion holds when, at each of those years, the median of its per-seed paired
 * effects lies on the claimed side and the seeds do so more often than chance (one-sided
 * sign test at {@link SIGN_TEST_ALPHA}); a claim holds when all its criteria do, and holds by
 * construction when every criterion's direction is fixed by a formula.
 */
export async function checkClaims(options: CheckClaimsOptions): Promise<ClaimsReport> {
  const claims = options.claims ?? CLAIMS;
  const seeds = seedList(options.seeds ?? CLAIM_SEEDS);
  const scenarios: Record<string, ScenarioInput> = {};
  for (const name of claimScenarios(claims)) {
    const s = options.scenarios[name];
    if (!s) throw new Error(`the claims compare scenario ${JSON.stringify(name)}, which is missing (scenarios/${name}.json)`);
    scenarios[name] = s;
  }
  const ensemble = await runEnsemble(options.runner, scenarios, seeds, options.onRun);
  return judgeClaims(ensemble, claims);
}

/** The years a claim is checked at for runs of `years` years: 5, 10 and the last. */
export function checkYears(years: number): number[] {
  const out: number[] = [];
  for (const y of [5, 10, years - 1]) if (y >= 0 && y < years && !out.includes(y)) out.push(y);
  return out;
}

/** Judges the claims on an ensemble already run (see {@link checkClaims}). */
export function judgeClaims(ensemble: Ensemble, claims: readonly ClaimDefinition[] = CLAIMS, level = 0.9): ClaimsReport {
  const years = checkYears(Math.min(...Object.values(ensemble.years)));
  const reports = claims.map((c): ClaimReport => {
    const criteria = c.criteria.map((k) => judgeCriterion(ensemble, k, years, level));
    return { id: c.id, claim: c.claim, criteria, verdict: combine(criteria.map((k) => k.verdict)) };
  });
  return { seeds: ensemble.seeds, years, level, claims: reports };
}

function combine(verdicts: Verdict[]): Verdict {
  if (verdicts.includes('fails')) return 'fails';
  return verdicts.every((v) => v === 'holds by construction') ? 'holds by construction' : 'holds';
}

function judgeCriterion(e: Ensemble, k: Criterion, years: readonly number[], level: number): CriterionReport {
  const out: CriterionYear[] = years.map((year) => {
    const ref: number[] = [];
    const cur: number[] = [];
    let agree = 0;
    let n = 0;
    let ties = 0;
    for (let i = 0; i < e.seeds.length; i++) {
      const [r, c] = k.pair((s, m) => ensembleValue(e, s, i, year, m));
      ref.push(r);
      cur.push(c);
      // Undefined values (NaN: no partnerships, no firms of a kind) are missing, not zero.
      if (Number.isNaN(r) || Number.isNaN(c)) continue;
      n++;
      if (k.sign * (c - r) > 0) agree++;
      else if (c === r) ties++;
    }
    const effect = pairedEffect(ref, cur, level);
    const signTestP = signTest(agree, n - ties);
    const holds = effect.n > 0 && k.sign * effect.difference > 0 && signTestP < SIGN_TEST_ALPHA;
    const row: CriterionYear = { year, effect, seedsAgreeing: n > 0 ? agree / n : NaN, signTestP, holds };
    if (!holds && k.explain) row.why = `year ${year}: ${k.explain((s, m) => meanOver(e, s, year, m))}`;
    return row;
  });
  const holds = out.every((y) => y.holds);
  return {
    test: k.test,
    scenarios: k.scenarios,
    metrics: k.metrics,
    sign: k.sign,
    byConstruction: k.byConstruction,
    years: out,
    verdict: !holds ? 'fails' : k.byConstruction ? 'holds by construction' : 'holds',
  };
}

function meanOver(e: Ensemble, scenario: string, year: number, metric: MetricName): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < e.seeds.length; i++) {
    const v = ensembleValue(e, scenario, i, year, metric);
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n > 0 ? sum / n : NaN;
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2): the one-sided sign test (ties left out of n). */
export function signTest(k: number, n: number): number {
  if (n <= 0) return 1;
  let term = Math.pow(0.5, n);
  let tail = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, tail);
}
