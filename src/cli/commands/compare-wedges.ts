import { stringify } from 'csv-stringify/sync';
import { availableParallelism } from 'node:os';
import type { ComparisonMetric } from '../../analysis/compare-scenarios.ts';
import { differingLevers, leverWedges, type LeverWedges } from '../../optimize/lever-wedges.ts';
import { createNodeWorkerPool } from '../../runner/node-pool.ts';
import type { Scenario } from '../../model/params/schema.ts';
import type { PosteriorDraw } from '../../analysis/posterior.ts';
import { EXIT } from '../exit-codes.ts';
import { UserError } from '../user-error.ts';

/** What `coopsim compare --wedges` decomposes. */
export interface CompareWedgeRequest {
  scenario: Scenario;
  baseline: Scenario;
  file: string;
  against: string;
  seeds: number;
  seed: number;
  years: readonly (number | 'last')[];
  metrics: readonly ComparisonMetric[];
  workers?: number;
  /** One parameter set per seed (from `--posterior`): pair i runs every sub-scenario with set i. */
  draws?: readonly PosteriorDraw[];
}

/**
 * The lever contributions of `coopsim compare --wedges`: each lever left out of the
 * package and added alone to the baseline, and the interaction remainder, for every
 * metric and year of the comparison, over the comparison's seeds (deriveSeed(seed, i)).
 */
export async function compareWedges(req: CompareWedgeRequest): Promise<LeverWedges> {
  const last = req.scenario.years - 1;
  const years = [...new Set(req.years.map((y) => (y === 'last' ? last : y)))];
  const late = years.filter((y) => y > last);
  if (late.length > 0) throw new UserError(`--years ${late.join(',')}: ${req.file} runs years 0–${last}`, EXIT.badInput);
  if (differingLevers(req.scenario, req.baseline).length === 0)
    throw new UserError(`--wedges: ${req.file} sets the same policy as ${req.against}; there is no lever to decompose`, EXIT.badInput);
  const runner = createNodeWorkerPool({ workers: req.workers ?? availableParallelism() });
  try {
    return await leverWedges(req.scenario, req.baseline, { runner, seeds: req.seeds, seed: req.seed, metrics: req.metrics, years, draws: req.draws });
  } finally {
    await runner.close();
  }
}

const cell = (v: number) => (Number.isFinite(v) ? v : '');

/**
 * Tidy CSV of the wedges: one row per metric, year, kind and lever; the last column says
 * what the interval spans (`seeds`, or `seeds+parameters` with a posterior).
 */
export function wedgesCsv(w: LeverWedges, withParameters = false): string {
  const header = ['metric', 'year', 'kind', 'lever', 'n', 'effect', 'effect_mean', 'effect_lo', 'effect_hi', 'cost_per_unit', 'interval_over'];
  const over = withParameters ? 'seeds+parameters' : 'seeds';
  const rows = w.wedges.map((x) => [x.metric, x.year, x.kind, x.lever ?? '', x.effect.n, cell(x.effect.difference), cell(x.effect.meanDifference), cell(x.effect.lo), cell(x.effect.hi), cell(x.costPerUnit), over]);
  return stringify([header, ...rows]);
}

const num = (v: number) => (Number.isFinite(v) ? v : null);

/** The wedges as JSON fields (non-finite numbers as null). */
export function wedgesJson(w: LeverWedges) {
  return {
    levers: w.levers,
    wedges: w.wedges.map((x) => ({
      metric: x.metric,
      year: x.year,
      kind: x.kind,
      lever: x.lever,
      n: x.effect.n,
      effect: num(x.effect.difference),
      meanEffect: num(x.effect.meanDifference),
      lo: num(x.effect.lo),
      hi: num(x.effect.hi),
      costPerUnit: num(x.costPerUnit),
    })),
  };
}
