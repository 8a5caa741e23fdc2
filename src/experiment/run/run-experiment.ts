import { availableParallelism } from 'node:os';
import { experimentHash } from '../sweep/experiment-hash.ts';
import { openSweepDirectory } from '../sweep/sweep-directory.ts';
import { newManifest, MANIFEST_FAILURE_LIMIT, type RunFailure, type SweepManifest } from '../sweep/sweep-manifest.ts';
import {
  csvLine,
  failureLine,
  failuresHeader,
  runsHeader,
  runsLine,
  summaryColumns,
  summaryValue,
  yearsHeader,
  yearsLines,
} from '../sweep/sweep-rows.ts';
import { planExperiment, type ExperimentPlan, type Shard } from '../plan/experiment-plan.ts';
import { parseExperimentData } from '../parse/read-experiment-file.ts';
import { formatProblems } from '../../scenario/parse.ts';
import { parseExperiment, type Experiment } from '../parse/parse-experiment.ts';
import { createNodeWorkerPool } from '../../runner/node-pool.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import type { Runner } from '../../runner/runner.ts';
import { runAll, type ExperimentProgress } from './run-all.ts';

export type { ExperimentProgress } from './run-all.ts';

/** Options of {@link runExperiment}. */
export interface RunExperimentOptions {
  /** Worker threads (default: the available cores). Ignored when `runner` is given. */
  workers?: number;
  /** Called after every finished run. */
  onProgress?: (p: ExperimentProgress) => void;
  /** Stops the experiment: runs in progress are abandoned, the output folder stays resumable. */
  signal?: AbortSignal;
  /** Write runs.csv, years.csv, failures.csv and manifest.json to this folder as runs finish. */
  out?: string;
  /** Continue the sweep in `out` (only missing runs are done). */
  resume?: boolean;
  /** Do only the runs with run_id % count === index. */
  shard?: Shard | null;
  /** Run on this runner instead of a new pool of Node worker threads (it is not closed). */
  runner?: Runner;
  /** Worker entry file for the Node pool (tests). */
  workerFile?: string;
  /** Folder against which a base scenario path in a raw experiment object is resolved. */
  baseDir?: string;
  /** The experiment's file, recorded in the manifest. */
  experimentFile?: string;
  /** The command named in the output folder's lock (default "sweep"). */
  command?: string;
  /** Called with what opening `out` noted (a stale lock taken over, torn lines dropped). */
  onNote?: (note: string) => void;
}

/** One finished run, in memory. */
export interface ExperimentRun {
  runId: number;
  point: number;
  replicate: number;
  seed: number;
  /** Factor values by path. */
  factors: Record<string, unknown>;
  /** Summary columns by name (metric_yN, metric_last). */
  summary: Record<string, number>;
  output: RunOutput;
}

/** The CSV files of an experiment as text, byte for byte what the CLI writes. */
export interface ExperimentTables {
  runs: string;
  /** Null when the experiment keeps no per-year table. */
  years: string | null;
  failures: string;
}

/** What {@link runExperiment} returns. */
export interface ExperimentResult {
  manifest: SweepManifest;
  failures: RunFailure[];
  /** Finished runs in run_id order (only when no `out` folder is given). */
  runs?: ExperimentRun[];
  /** The output tables (only when no `out` folder is given). */
  tables?: ExperimentTables;
}

/** Raised when the experiment is aborted through its signal. */
export class ExperimentAbortedError extends Error {
  readonly manifest: SweepManifest;
  constructor(manifest: SweepManifest) {
    super(`experiment aborted after ${manifest.runs.done} of ${manifest.runs.planned} runs`);
    this.name = 'ExperimentAbortedError';
    this.manifest = manifest;
  }
}

/** Turns an experiment argument into a validated experiment (throws with the problems). */
export function toExperiment(experiment: Experiment | unknown, baseDir?: string): Experiment {
  if (isExperiment(experiment)) return experiment;
  const r = baseDir ? parseExperimentData(experiment, baseDir) : parseExperiment(experiment);
  if (!r.ok) throw new Error(`invalid experiment:\n${formatProblems(r.problems)}`);
  return r.value;
}

function isExperiment(x: unknown): x is Experiment {
  return typeof x === 'object' && x !== null && 'baseYears' in x && Array.isArray((x as Experiment).factors);
}

/**
 * Runs an experiment: every run of its design (or of one shard) on a pool of worker
 * threads, results streamed to an output folder (`out`, resumable) or collected in
 * memory. Gives the same bytes as `coopsim sweep` whatever the number of workers.
 */
export async function runExperiment(experiment: Experiment | unknown, options: RunExperimentOptions = {}): Promise<ExperimentResult> {
  const exp = toExperiment(experiment, options.baseDir);
  const plan = planExperiment(exp);
  const hash = experimentHash(exp);
  const shard = options.shard ?? null;
  const ownRunner = !options.runner;
  const workers = options.runner?.concurrency ?? options.workers ?? availableParallelism();

  if (options.out) {
    // Stops the runs when the folder cannot be written (a full disk), as an abort would.
    const stop = new AbortController();
    const outer = options.signal;
    const onAbort = () => stop.abort(outer?.reason);
    if (outer?.aborted) stop.abort(outer.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    const dir = openSweepDirectory(options.out, plan, {
      resume: options.resume ?? false,
      shard,
      hash,
      workers,
      experimentFile: options.experimentFile ?? null,
      command: options.command,
      onFatal: (err) => stop.abort(err),
    });
    for (const note of dir.notes) options.onNote?.(note);
    const todo = plan.runIds(shard).filter((id) => !dir.done.has(id));
    const failures: RunFailure[] = [];
    let aborted = false;
    let runner: Runner | undefined;
    try {
      if (todo.length > 0) {
        runner = options.runner ?? createNodeWorkerPool({ workers, workerFile: options.workerFile });
        aborted = await runAll(plan, todo, runner, {
          done: (id, out) => dir.record(id, out),
          failed: (id, error) => {
            const c = plan.coordinates(id);
            failures.push({ run_id: id, point: c.point, replicate: c.replicate, seed: c.seed, error });
            dir.fail(id, error);
          },
          signal: stop.signal,
          onProgress: options.onProgress,
          skipped: dir.done.size,
        });
      }
    } catch (err) {
      // A failure of the folder itself (a full disk): leave it as resumable as it is.
      try {
        dir.finish();
      } catch {
        // the original error says more
      }
      throw err;
    } finally {
      outer?.removeEventListener('abort', onAbort);
      if (ownRunner && runner) await runner.close();
    }
    const manifest = dir.finish();
    if (aborted) throw new ExperimentAbortedError(manifest);
    return { manifest, failures: failures.sort((a, b) => a.run_id - b.run_id) };
  }

  const results = new Map<number, RunOutput>();
  const errors = new Map<number, string>();
  const started = new Date();
  const runner = options.runner ?? createNodeWorkerPool({ workers, workerFile: options.workerFile });
  let aborted = false;
  try {
    aborted = await runAll(plan, plan.runIds(shard), runner, {
      done: (id, out) => results.set(id, out),
      failed: (id, error) => errors.set(id, error),
      signal: options.signal,
      onProgress: options.onProgress,
      skipped: 0,
    });
  } finally {
    if (ownRunner) await runner.close();
  }
  const manifest = newManifest(plan, hash, shard, options.experimentFile ?? null, started, workers);
  const ids = (m: Map<number, unknown>) => [...m.keys()].sort((a, b) => a - b);
  const failures = ids(errors).map((id) => {
    const c = plan.coordinates(id);
    return { run_id: id, point: c.point, replicate: c.replicate, seed: c.seed, error: errors.get(id) as string };
  });
  const finished = new Date().toISOString();
  manifest.runs.done = results.size;
  manifest.runs.failed = failures.length;
  manifest.failures = failures.slice(0, MANIFEST_FAILURE_LIMIT);
  manifest.status = aborted ? 'incomplete' : 'complete';
  manifest.finished = aborted ? null : finished;
  manifest.sessions[0].finished = finished;
  manifest.sessions[0].ran = results.size + failures.length;
  if (aborted) throw new ExperimentAbortedError(manifest);
  const columns = summaryColumns(exp);
  const runs = ids(results).map((id) => toRun(plan, id, results.get(id) as RunOutput, columns));
  const tables: ExperimentTables = {
    runs: csvLine(runsHeader(exp)) + ids(results).map((id) => runsLine(plan, id, results.get(id) as RunOutput, columns)).join(''),
    years: exp.outputs.years ? csvLine(yearsHeader(exp)) + ids(results).map((id) => yearsLines(plan, id, results.get(id) as RunOutput)).join('') : null,
    failures: csvLine(failuresHeader(exp)) + ids(errors).map((id) => failureLine(plan, id, errors.get(id) as string)).join(''),
  };
  return { manifest, failures, runs, tables };
}

function toRun(plan: ExperimentPlan, id: number, output: RunOutput, columns: ReturnType<typeof summaryColumns>): ExperimentRun {
  const c = plan.coordinates(id);
  const factors: Record<string, unknown> = {};
  plan.experiment.factors.forEach((f, i) => (factors[f.path] = plan.design.points[c.point][i]));
  const summary: Record<string, number> = {};
  for (const col of columns) summary[col.name] = summaryValue(output, col);
  return { runId: id, point: c.point, replicate: c.replicate, seed: c.seed, factors, summary, output };
}
