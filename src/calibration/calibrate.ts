import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { createNodeWorkerPool } from '../runner/node-pool.ts';
import type { Runner } from '../runner/runner.ts';
import { formatProblems } from '../scenario/parse.ts';
import { VERSION } from '../version.ts';
import { abcSmc } from './abc-smc.ts';
import type { AbcProgress, AbcSettings, Population, StopReason } from './abc-types.ts';
import { simulateShard } from './simulate-shard.ts';
import { CalibrationDirectoryError, openCalibrationDirectory, readGenerations, readShards, saveGeneration, saveShard, writeAtomic, type CalibrationManifest } from './calibration-directory.ts';
import {
  calibratedScenario,
  generationsCsv,
  posteriorCsv,
  summarize,
  summaryMarkdown,
  type CalibrationSummary,
} from './calibration-report.ts';
import { modelProblem } from './model-problem.ts';
import { pairsPlotSvg } from './pairs-plot.ts';
import { posteriorDocument, posteriorJson } from './read-posterior.ts';
import { parseCalibration, readCalibrationFile, type Calibration } from './parse-calibration.ts';

/** Options of {@link calibrate}. */
export interface CalibrateOptions {
  /** Worker threads (default: the available cores). Ignored when `runner` is given. */
  workers?: number;
  /** Called as candidates are decided. */
  onProgress?: (p: AbcProgress) => void;
  /** Stops the calibration; with `out`, finished generations are kept for `resume`. */
  signal?: AbortSignal;
  /** Write the outputs (and every finished generation) to this folder. */
  out?: string;
  /** Continue the calibration in `out`: finished generations are kept, the one in progress is redone. */
  resume?: boolean;
  /** Run on this runner instead of a new pool of Node worker threads (it is not closed). */
  runner?: Runner;
  /** Worker entry file for the Node pool (tests). */
  workerFile?: string;
  /** Folder against which a base scenario path in a calibration object is resolved. */
  baseDir?: string;
  /** Finish one generation and stop (stopped: 'paused'): the merge step after a generation's shards. */
  step?: boolean;
}

/** What {@link calibrate} returns (the same as the files it writes). */
export interface CalibrationResult {
  populations: Population[];
  stopped: StopReason;
  summary: CalibrationSummary;
  /** The base scenario at the posterior medians. */
  calibrated: Record<string, unknown>;
  tables: { posterior: string; posteriorJson: string; generations: string; summary: string; pairsSvg: string };
  manifest: CalibrationManifest;
}

/** Reads a calibration from a file path or validates an object (throws with the problems). */
export function loadCalibration(file: string | unknown, baseDir?: string): Calibration {
  const r = typeof file === 'string' ? readCalibrationFile(file) : parseCalibration(file, baseDir ?? process.cwd());
  if (!r.ok) {
    const where = typeof file === 'string' ? `${file}: ` : '';
    throw new Error(`invalid calibration:\n${formatProblems(r.problems).split('\n').map((l) => where + l).join('\n')}`);
  }
  return r.value;
}

/**
 * Calibrates a scenario's uncertain parameters to observed targets by ABC-SMC on a pool
 * of worker threads. The posterior depends on the calibration alone: the same file gives
 * the same particles, weights and distances on any number of workers, and after a resume.
 */
export async function calibrate(file: string | unknown, options: CalibrateOptions = {}): Promise<CalibrationResult> {
  const cal = loadCalibration(file, options.baseDir);
  const fileLabel = typeof file === 'string' ? file : 'inline calibration';
  const workers = options.runner?.concurrency ?? options.workers ?? availableParallelism();
  const started = new Date().toISOString();
  const out = options.out ? resolve(options.out) : null;
  const opened = out ? openCalibrationDirectory(out, cal.hash, options.resume ?? false) : { done: [], manifest: null };
  const manifest: CalibrationManifest = opened.manifest ?? {
    tool: 'coopsim calibrate',
    version: VERSION,
    calibration: typeof file === 'string' ? file : null,
    hash: cal.hash,
    status: 'running',
    started,
    finished: null,
    workers,
    generations: 0,
    stopped: null,
    simulations: 0,
    sessions: [],
  };
  const session = { started, finished: null as string | null, workers, generationsRun: 0 };
  manifest.sessions.push(session);
  manifest.status = 'running';
  manifest.generations = opened.done.length;
  const writeManifest = () => out && writeAtomic(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeManifest();

  const m = cal.file.method;
  const settings = settingsOf(cal);
  const ownRunner = !options.runner;
  const runner = options.runner ?? createNodeWorkerPool({ workers, workerFile: options.workerFile });
  let result;
  try {
    result = await abcSmc(modelProblem(cal, runner), settings, {
      concurrency: Math.max(runner.concurrency, Math.ceil((runner.concurrency * 2 + 2) / m.seedsPerParticle)),
      done: opened.done,
      maxNewGenerations: options.step ? 1 : undefined,
      precomputed: (g) => (out ? readShards(out, cal.hash, g) : new Map()),
      onProgress: options.onProgress,
      signal: options.signal,
      onGeneration: (p) => {
        session.generationsRun++;
        manifest.generations = p.generation + 1;
        manifest.simulations += p.simulations;
        if (out) saveGeneration(out, p);
        writeManifest();
      },
    });
  } catch (err) {
    session.finished = new Date().toISOString();
    manifest.status = 'incomplete';
    writeManifest();
    throw err;
  } finally {
    if (ownRunner) await runner.close();
  }
  if (result.populations.length === 0)
    throw new Error(
      `generation 0 accepted fewer than ${m.particles} of ${Math.ceil(m.particles / m.minAcceptance)} prior draws: ` +
        'the targets are undefined (NaN) for most parameter values; check the targets\' metrics and years',
    );
  const summary = summarize(cal, result.populations, result.stopped);
  const last = result.populations[result.populations.length - 1];
  const tables = {
    posterior: posteriorCsv(cal, last),
    posteriorJson: posteriorJson(posteriorDocument(cal, last, fileLabel)),
    generations: generationsCsv(result.populations),
    summary: summaryMarkdown(summary, fileLabel),
    pairsSvg: pairsPlotSvg(cal.parameters, last),
  };
  const calibrated = calibratedScenario(cal, summary, fileLabel);
  const finished = new Date().toISOString();
  session.finished = finished;
  manifest.status = result.stopped === 'paused' ? 'incomplete' : 'complete';
  manifest.finished = result.stopped === 'paused' ? null : finished;
  manifest.stopped = result.stopped;
  if (out) {
    writeAtomic(join(out, 'posterior.csv'), tables.posterior);
    writeAtomic(join(out, 'posterior.json'), tables.posteriorJson);
    writeAtomic(join(out, 'generations.csv'), tables.generations);
    writeAtomic(join(out, 'summary.md'), tables.summary);
    writeAtomic(join(out, 'posterior-pairs.svg'), tables.pairsSvg);
    writeAtomic(join(out, 'calibrated.json'), `${JSON.stringify(calibrated, null, 2)}\n`);
    writeManifest();
  }
  return { populations: result.populations, stopped: result.stopped, summary, calibrated, tables, manifest };
}

function settingsOf(cal: Calibration): AbcSettings {
  const m = cal.file.method;
  return {
    particles: m.particles,
    generations: m.generations,
    finalTolerance: m.finalTolerance,
    seedsPerParticle: m.seedsPerParticle,
    seed: m.seed,
    quantile: m.quantile,
    minAcceptance: m.minAcceptance,
  };
}

/** What one shard did. */
export interface ShardOutcome {
  generation: number;
  /** Candidates simulated by this shard. */
  simulated: number;
  /** The shard's results file. */
  file: string;
}

/**
 * One shard of a generation, for a SLURM job array: simulates the candidates numbered
 * `index`, `index + count`, … of the generation after the finished ones in `out`, and
 * leaves them in `out/shards/`. A following `calibrate(file, { out, resume: true, step: true })`
 * merges them into the generation (simulating any candidate still needed), with the same
 * result as without shards. Returns null when the calibration has already stopped.
 */
export async function calibrateShard(
  file: string | unknown,
  options: { out: string; shard: { index: number; count: number }; workers?: number; runner?: Runner; workerFile?: string; baseDir?: string; signal?: AbortSignal },
): Promise<ShardOutcome | null> {
  const cal = loadCalibration(file, options.baseDir);
  const out = resolve(options.out);
  const manifestPath = join(out, 'manifest.json');
  if (existsSync(manifestPath) && (JSON.parse(readFileSync(manifestPath, 'utf8')) as CalibrationManifest).hash !== cal.hash)
    throw new CalibrationDirectoryError(`${options.out} holds a different calibration (its parameters, targets, method or base scenario differ); use a new folder`);
  const done = readGenerations(out);
  const workers = options.runner?.concurrency ?? options.workers ?? availableParallelism();
  const runner = options.runner ?? createNodeWorkerPool({ workers, workerFile: options.workerFile });
  try {
    const settings = settingsOf(cal);
    const r = await simulateShard(modelProblem(cal, runner), settings, done, options.shard, Math.max(runner.concurrency, Math.ceil((runner.concurrency * 2 + 2) / settings.seedsPerParticle)), options.signal);
    if (!r) return null;
    return { generation: r.generation, simulated: r.results.length, file: saveShard(out, cal.hash, options.shard, r) };
  } finally {
    if (!options.runner) await runner.close();
  }
}
