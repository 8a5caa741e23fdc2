import { createRng } from '../../model/rng.ts';
import { saltelliBlocks } from '../design/saltelli-design.ts';
import { planExperiment } from '../plan/experiment-plan.ts';
import type { Experiment } from '../parse/parse-experiment.ts';
import { summaryColumns } from '../sweep/sweep-rows.ts';
import type { Interval } from './bootstrap.ts';
import { morrisIndices } from './morris-indices.ts';
import { sobolIndices } from './sobol-indices.ts';

/** A run's summary values, by column name (metric_yN, metric_last). */
export interface RunSummary {
  readonly runId: number;
  readonly summary: Readonly<Record<string, number>>;
}

/** Options of {@link analyzeSensitivity}. */
export interface SensitivityOptions {
  /** Bootstrap resamples for the intervals (default 1000). */
  bootstrap?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
  /** Summary columns to analyse (default: all of the experiment's). */
  outputs?: readonly string[];
}

/** Morris measures of one factor for one output. */
export interface MorrisRow {
  output: string;
  factor: string;
  mu: number;
  muStar: number;
  sigma: number;
  muStarInterval: Interval;
  effects: number;
}

/** Sobol indices of one factor for one output. */
export interface SobolRow {
  output: string;
  factor: string;
  first: number;
  firstInterval: Interval;
  total: number;
  totalInterval: Interval;
  /** Base rows used (those without failed runs). */
  samples: number;
}

/** The result of a sensitivity analysis. */
export type SensitivityReport =
  | { method: 'morris'; confidence: number; bootstrap: number; outputs: string[]; factors: string[]; rows: MorrisRow[] }
  | { method: 'sobol'; confidence: number; bootstrap: number; outputs: string[]; factors: string[]; rows: SobolRow[] };

/**
 * Sensitivity indices of an experiment with a Morris or Sobol design, from its runs'
 * summary values. Each design point's output is the mean over its replicates (the same
 * seeds at every point, so seed noise largely cancels in the differences); failed runs
 * are left out. Bootstrap draws come from the experiment's master seed: same runs, same
 * report.
 */
export function analyzeSensitivity(experiment: Experiment, runs: readonly RunSummary[], options: SensitivityOptions = {}): SensitivityReport {
  const design = experiment.design;
  if (design.type !== 'morris' && design.type !== 'sobol')
    throw new Error(`sensitivity analysis needs a morris or sobol design; this experiment's design is ${design.type}`);
  const bootstrap = options.bootstrap ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const available = summaryColumns(experiment).map((c) => c.name);
  if (available.length === 0) throw new Error('the experiment keeps no summary outputs (outputs.summary) to analyse');
  const outputs = options.outputs ? [...options.outputs] : available;
  for (const o of outputs) if (!available.includes(o)) throw new Error(`${o} is not a summary output of this experiment; it has ${available.join(', ')}`);

  const plan = planExperiment(experiment);
  const reps = experiment.replications.count;
  const factors = experiment.factors.map((f) => f.path);
  const k = factors.length;

  const pointMeans = (output: string): Float64Array => {
    const sum = new Float64Array(plan.pointCount);
    const n = new Float64Array(plan.pointCount);
    for (const r of runs) {
      const v = r.summary[output];
      if (!Number.isFinite(v) || r.runId < 0 || r.runId >= plan.runCount) continue;
      const p = Math.floor(r.runId / reps);
      sum[p] += v;
      n[p]++;
    }
    return sum.map((s, p) => (n[p] > 0 ? s / n[p] : NaN));
  };

  if (design.type === 'morris') {
    const morris = plan.design.morris;
    if (!morris) throw new Error('morris design without trajectories');
    const rows: MorrisRow[] = [];
    for (const output of outputs) {
      const y = pointMeans(output);
      const rng = createRng(experiment.replications.seed, `sensitivity:morris:${output}`);
      const trajectories = morris.steps.map((steps, t) => ({ steps, y: y.subarray(t * (k + 1), (t + 1) * (k + 1)) }));
      const indices = morrisIndices(k, trajectories, { resamples: bootstrap, confidence, uniform: () => rng.next() });
      indices.forEach((ix, i) => rows.push({ output, factor: factors[i], ...ix }));
    }
    return { method: 'morris', confidence, bootstrap, outputs, factors, rows };
  }

  const N = design.samples;
  const rows: SobolRow[] = [];
  for (const output of outputs) {
    const { fA, fB, fAB } = saltelliBlocks(pointMeans(output), N, k);
    const rng = createRng(experiment.replications.seed, `sensitivity:sobol:${output}`);
    const r = sobolIndices(fA, fB, fAB, { resamples: bootstrap, confidence, uniform: () => rng.next() });
    r.factors.forEach((ix, i) => rows.push({ output, factor: factors[i], ...ix, samples: r.rows }));
  }
  return { method: 'sobol', confidence, bootstrap, outputs, factors, rows };
}
