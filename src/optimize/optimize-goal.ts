import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../experiment/sweep/experiment-hash.ts';
import { createNodeWorkerPool } from '../runner/node-pool.ts';
import type { RunOutput } from '../runner/run-request.ts';
import type { Runner } from '../runner/runner.ts';
import { hypervolume } from './hypervolume.ts';
import { generationRng, makeOffspring, randomPopulation, selectSurvivors, type Individual, type RankedIndividual } from './nsga2.ts';
import { loadState, saveState, type EvaluationRecord, type OptimizationState } from './optimization-state.ts';
import { writeOptimizationFiles, writeProgressFiles } from './optimization-files.ts';
import type { Goal } from './parse-goal.ts';
import { candidateFitness, candidateScenario, goalMeasures, measureValue } from './score-candidate.ts';
import type { Bounds } from './variation.ts';
import type { Shard } from '../experiment/plan/experiment-plan.ts';
import { exchangeBatch, SHARD_FOLDER } from './shard-exchange.ts';
import { goalRuns, goalSeeds, runScenario } from './goal-runs.ts';

/** Progress of a search, reported after every finished generation. */
export interface OptimizeProgress {
  generation: number;
  generations: number;
  /** Candidates evaluated so far (all sessions). */
  evaluations: number;
  /** Feasible members of the first front. */
  feasibleOnFront: number;
  /** Hypervolume of the feasible first front in the scaled objective space (reference 1.1 on each axis). */
  hypervolume: number;
  elapsedMs: number;
}

/** Options of {@link optimizeGoal}. */
export interface OptimizeOptions {
  /** Output folder (new or empty, or the folder to resume). */
  out: string;
  /** Continue the search in `out` from its last finished generation. */
  resume?: boolean;
  /** Worker threads (default: 2). Ignored when `runner` is given. */
  workers?: number;
  /** Run on this runner instead of a new Node worker pool (it is not closed). */
  runner?: Runner;
  /** Worker entry file for the Node pool (tests). */
  workerFile?: string;
  signal?: AbortSignal;
  onGeneration?: (p: OptimizeProgress) => void;
  /** The goal's file, recorded in the manifest. */
  goalFile?: string;
  /**
   * Evaluate only every count-th candidate, from index on, and exchange the rest with the
   * other shards through `out` (a folder they share). Shard 0 writes the output files.
   */
  shard?: Shard | null;
  /** Called once per batch when this shard waits for the others. */
  onShardWait?: (batch: string) => void;
}

/** Raised when the output folder cannot be used (not empty, another goal's, …). */
export class OptimizeDirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptimizeDirectoryError';
  }
}

/** Raised when a search is stopped through its signal; the folder can be resumed. */
export class OptimizeAbortedError extends Error {
  readonly generation: number;
  constructor(generation: number) {
    super(`stopped after generation ${generation}`);
    this.name = 'OptimizeAbortedError';
    this.generation = generation;
  }
}

/**
 * SHA-256 of what determines a goal's results, except its name and description and the
 * number of generations: a finished search can be resumed with more generations, and ends
 * as a search that had asked for them from the start.
 */
export function goalHash(goal: Goal): string {
  const { name: _n, description: _d, $schema: _s, base: _b, search, ...file } = goal.file;
  const { name: _bn, description: _bd, sources: _bs, ...base } = goal.base as Record<string, unknown>;
  // The parameter sets themselves, so a changed posterior file is another goal.
  const draws = goal.draws ? { draws: goal.draws } : {};
  return createHash('sha256').update(canonicalJson({ file, population: search.population, base, ...draws })).digest('hex');
}

export { goalSeeds } from './goal-runs.ts';

/** The decision variables' bounds of a goal, lever by lever. */
export function goalBounds(goal: Goal): Bounds {
  return { lower: goal.levers.flatMap((l) => l.lower), upper: goal.levers.flatMap((l) => l.upper) };
}

/**
 * Searches a goal's levers with NSGA-II on a worker pool. Every candidate runs with the
 * same seeds (common random numbers); every random draw of the search comes from the
 * master seed, one stream per generation, and results are placed by position, never by
 * completion order, so the files are the same for any number of workers. The state is
 * saved after every generation: an interrupted search resumes where it stopped and ends
 * with the same files.
 */
export async function optimizeGoal(goal: Goal, options: OptimizeOptions): Promise<OptimizationState> {
  const t0 = performance.now();
  const hash = goalHash(goal);
  const dir = options.out;
  const shard = options.shard && options.shard.count > 1 ? options.shard : null;
  // Shards replay the finished batches from their exchange files rather than from a state.
  let state = shard ? openShardDirectory(dir, hash) : openDirectory(dir, hash, options.resume ?? false);
  const writes = !shard || shard.index === 0;
  const workers = options.runner?.concurrency ?? options.workers ?? 2;
  const seeds = goalSeeds(goal);
  const bounds = goalBounds(goal);
  const session = { started: new Date().toISOString(), finished: null as string | null, workers, generations: 0 };
  const runner = options.runner ?? createNodeWorkerPool({ workers, workerFile: options.workerFile });
  const batch = (name: string, scenarios: Record<string, unknown>[]) =>
    shard
      ? exchangeBatch(dir, hash, name, shard, scenarios.length, (pos) => runBatch(goal, pos.map((p) => scenarios[p]), runner, options.signal), options.signal, () => options.onShardWait?.(name))
      : runBatch(goal, scenarios, runner, options.signal);
  const save = (s: OptimizationState) => {
    if (writes) checkpoint(dir, goal, s, session, options, t0);
    else {
      if (!s.sessions.includes(session)) s.sessions.push(session);
      options.onGeneration?.(progressOf(goal, s, t0));
    }
  };
  try {
    if (!state) {
      const base = (await batch('base', [goal.base]))[0];
      const xs = randomPopulation(bounds, goal.population, generationRng(goal.seed, 0));
      const records = score(goal, xs, await batch('generation-0', xs.map((x) => candidateScenario(goal, x))), 0, 0);
      const survivors = selectSurvivors(records.map(toIndividual), goal.population);
      const scale = objectiveScale(records);
      state = {
        version: 1,
        hash,
        generation: 0,
        evaluations: records,
        population: [],
        base,
        scale,
        hypervolume: [],
        started: session.started,
        sessions: [],
      };
      setPopulation(state, survivors);
      session.generations++;
      save(state);
    } else {
      if (state.generation > goal.generations)
        throw new OptimizeDirectoryError(`${dir} holds a search of ${state.generation} generations, more than the goal's ${goal.generations}; give a new folder or more generations`);
      state.sessions.push(session);
    }
    for (let g = state.generation + 1; g <= goal.generations; g++) {
      if (options.signal?.aborted) throw new OptimizeAbortedError(state.generation);
      const parents = population(state);
      const xs = makeOffspring(parents, bounds, generationRng(goal.seed, g));
      const outs = await batch(`generation-${g}`, xs.map((x) => candidateScenario(goal, x)));
      const records = score(goal, xs, outs, g, state.evaluations.length);
      state.evaluations.push(...records);
      setPopulation(state, selectSurvivors([...parents, ...records.map(toIndividual)], goal.population));
      state.generation = g;
      session.generations++;
      save(state);
    }
  } catch (err) {
    if (options.signal?.aborted) throw new OptimizeAbortedError(state?.generation ?? -1);
    throw err;
  } finally {
    if (!options.runner) await runner.close();
  }
  session.finished = new Date().toISOString();
  if (writes) {
    saveState(dir, state);
    writeOptimizationFiles(dir, goal, state, { hash, seeds, goalFile: options.goalFile ?? null, complete: true });
  }
  return state;
}

/** A folder shared by shards: new, or one of the same goal (each exchange file checks the hash too). */
function openShardDirectory(dir: string, hash: string): null {
  const state = existsSync(dir) ? loadState(dir) : null;
  if (state && state.hash !== hash) throw new OptimizeDirectoryError(`${dir} holds a search of another goal (hash ${state.hash.slice(0, 12)}…); give a new folder`);
  if (existsSync(dir) && !state && readdirSync(dir).some((f) => f !== SHARD_FOLDER))
    throw new OptimizeDirectoryError(`${dir} holds files that are not a search's; give a new or empty folder`);
  mkdirSync(join(dir, SHARD_FOLDER), { recursive: true });
  return null;
}

function openDirectory(dir: string, hash: string, resume: boolean): OptimizationState | null {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return null;
  }
  const entries = readdirSync(dir);
  const state = loadState(dir);
  if (!resume) {
    if (entries.length > 0)
      throw new OptimizeDirectoryError(`${dir} is not empty; give a new or empty folder, or --resume to continue the search in it`);
    return null;
  }
  if (!state) {
    if (entries.length > 0) throw new OptimizeDirectoryError(`${dir} holds no search to resume (no state.json); give a new or empty folder`);
    return null;
  }
  if (state.hash !== hash)
    throw new OptimizeDirectoryError(`${dir} holds a search of another goal (hash ${state.hash.slice(0, 12)}…, this goal ${hash.slice(0, 12)}…); give a new folder`);
  return state;
}

/** Runs every scenario with every run of {@link goalRuns}; outputs by scenario, then measure, then run. */
async function runBatch(goal: Goal, scenarios: readonly Record<string, unknown>[], runner: Runner, signal?: AbortSignal): Promise<number[][][]> {
  const measures = goalMeasures(goal);
  const inner = new AbortController();
  // Every run of the batch listens to this one signal.
  setMaxListeners(0, inner.signal);
  const onAbort = () => inner.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) inner.abort(signal.reason);
  try {
    const runs = scenarios.map((scenario) =>
      goalRuns(goal).map((run) =>
        runner.run({ scenario: runScenario(goal, scenario, run), seed: run.seed, years: goal.years }, inner.signal).then(
          (out: RunOutput) => measures.map((m) => measureValue(m, out)),
          (err: unknown) => {
            inner.abort(err);
            throw err;
          },
        ),
      ),
    );
    const values = await Promise.all(runs.map((r) => Promise.all(r)));
    return values.map((perSeed) => measures.map((_, k) => perSeed.map((v) => v[k])));
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function score(goal: Goal, xs: readonly number[][], values: number[][][], generation: number, firstId: number): EvaluationRecord[] {
  return xs.map((x, i) => {
    const fit = candidateFitness(goal, values[i]);
    return { id: firstId + i, generation, x, perSeed: values[i], objectives: [...fit.objectives], violation: fit.violation };
  });
}

interface Member extends Individual {
  readonly id: number;
}

function toIndividual(r: EvaluationRecord): Member {
  return { id: r.id, x: r.x, objectives: r.objectives, violation: r.violation };
}

function population(state: OptimizationState): RankedIndividual[] {
  return state.population.map((p) => ({ ...toIndividual(state.evaluations[p.id]), rank: p.rank, crowding: p.crowding }));
}

function setPopulation(state: OptimizationState, survivors: readonly RankedIndividual[]): void {
  state.population = survivors.map((s) => ({ id: (s as RankedIndividual & Member).id, rank: s.rank, crowding: s.crowding }));
  state.hypervolume.push(frontHypervolume(state));
}

/** The scale of each objective: its range over the first generation (feasible candidates if any). */
function objectiveScale(records: readonly EvaluationRecord[]): { ideal: number[]; nadir: number[] } {
  const feasible = records.filter((r) => r.violation === 0);
  const pool = feasible.length > 0 ? feasible : records;
  const k = pool[0].objectives.length;
  const ideal = Array.from({ length: k }, (_, j) => Math.min(...pool.map((r) => r.objectives[j])));
  const nadir = Array.from({ length: k }, (_, j) => Math.max(...pool.map((r) => r.objectives[j])));
  return { ideal, nadir };
}

/** Hypervolume of the population's feasible first front, objectives scaled to the first generation's range. */
export function frontHypervolume(state: OptimizationState): number {
  const { ideal, nadir } = state.scale;
  const points = state.population
    .filter((p) => p.rank === 0 && state.evaluations[p.id].violation === 0)
    .map((p) => state.evaluations[p.id].objectives.map((v, j) => (v - ideal[j]) / (nadir[j] > ideal[j] ? nadir[j] - ideal[j] : 1)));
  return hypervolume(points, ideal.map(() => 1.1));
}

function checkpoint(dir: string, goal: Goal, state: OptimizationState, session: OptimizationState['sessions'][number], options: OptimizeOptions, t0: number): void {
  if (!state.sessions.includes(session)) state.sessions.push(session);
  saveState(dir, state);
  writeProgressFiles(dir, goal, state, { hash: state.hash, seeds: goalSeeds(goal), goalFile: options.goalFile ?? null, complete: false });
  options.onGeneration?.(progressOf(goal, state, t0));
}

function progressOf(goal: Goal, state: OptimizationState, t0: number): OptimizeProgress {
  return {
    generation: state.generation,
    generations: goal.generations,
    evaluations: state.evaluations.length,
    feasibleOnFront: state.population.filter((p) => p.rank === 0 && state.evaluations[p.id].violation === 0).length,
    hypervolume: state.hypervolume[state.hypervolume.length - 1],
    elapsedMs: performance.now() - t0,
  };
}
