import { gameFromParams } from './game-from-params.ts';
import { simulateGameAbm, type GameAbmOptions } from './game-abm-kernel.ts';
import type { GameParams } from './game-params.ts';
import { reportTimes } from './report-times.ts';

/**
 * The runs of an agent-based ensemble, shared by the threads that run them. Plain data and
 * typed arrays, so a worker thread can take it as its `workerData`.
 */
export interface GameAbmJob {
  params: GameParams;
  options: GameAbmOptions;
  /** Seed of each run. */
  seeds: Uint32Array;
  /** Run r's shares go to `runs[r·dim·times …]` (see simulateGameAbm); a SharedArrayBuffer across threads. */
  runs: Float64Array;
  /** `next[0]`: the index of the next run nobody has taken; shared, taken with Atomics.add. */
  next: Int32Array;
}

/** A job for `seeds.length` runs, with its shared memory. */
export function createGameAbmJob(params: GameParams, options: GameAbmOptions, seeds: Uint32Array): GameAbmJob {
  const dim = params.government ? 3 : 2;
  const size = seeds.length * dim * reportTimes(options.tmax).length;
  return {
    params,
    options,
    seeds,
    runs: new Float64Array(new SharedArrayBuffer(size * Float64Array.BYTES_PER_ELEMENT)),
    next: new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)),
  };
}

/**
 * Takes runs of `job` one at a time until none is left and runs them; returns how many this
 * thread ran. Every thread of the job calls it: which thread runs a run changes nothing in
 * its result, only who computes it.
 */
export function workOnGameAbmJob(job: GameAbmJob): number {
  const game = gameFromParams(job.params);
  const stride = game.dim * reportTimes(job.options.tmax).length;
  const reps = job.seeds.length;
  let done = 0;
  for (let r = Atomics.add(job.next, 0, 1); r < reps; r = Atomics.add(job.next, 0, 1)) {
    simulateGameAbm(game, job.options, job.seeds[r], job.runs, r * stride);
    done++;
  }
  return done;
}
