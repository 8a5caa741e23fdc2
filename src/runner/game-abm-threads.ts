import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gameAbmSeeds, summariseGameAbm, type GameAbmEnsemble, type GameAbmOptions } from '../analysis/game/game-abm.ts';
import { createGameAbmJob, workOnGameAbmJob } from '../analysis/game/game-abm-job.ts';
import type { GameParams } from '../analysis/game/game-params.ts';
import { workerExecArgv } from './node-worker-argv.ts';

/**
 * The game worker entry that matches how this code runs: `dist-node/game-worker.mjs` from
 * the build, `workers/game-worker-dev.mjs` (which registers tsx) from the TypeScript source.
 */
export function gameWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const parts = here.split(sep);
  const dist = parts.lastIndexOf('dist-node');
  if (dist >= 0) return join(parts.slice(0, dist + 1).join(sep) || sep, 'game-worker.mjs');
  return join(dirname(here), '..', '..', 'workers', 'game-worker-dev.mjs');
}

/**
 * The agent-based ensemble of {@link gameAbmEnsemble} with its runs spread over `threads`
 * threads: this one and `threads − 1` worker threads, each taking the next run not yet
 * taken. Run r has the seed `deriveSeed(seed, r)` and its own slot in shared memory, and the
 * statistics sum over runs in order, so the result is the same for any number of threads.
 * With `mainThreadWorks` false this thread only waits and `threads` worker threads run
 * everything (when the worker entry is missing, this thread runs everything either way).
 */
export async function gameAbmEnsembleThreads(
  params: GameParams,
  options: GameAbmOptions,
  reps: number,
  seed: number,
  threads: number,
  mainThreadWorks = true,
): Promise<GameAbmEnsemble> {
  const job = createGameAbmJob(params, options, gameAbmSeeds(seed, reps));
  const file = gameWorkerFile();
  const found = existsSync(file);
  const extra = found ? Math.max(0, Math.min(threads, reps) - (mainThreadWorks ? 1 : 0)) : 0;
  const finished: Promise<void>[] = [];
  for (let w = 0; w < extra; w++) {
    const worker = new Worker(file, { workerData: job, execArgv: workerExecArgv(process.execArgv) });
    finished.push(
      new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`game worker stopped with exit code ${code}`))));
      }),
    );
  }
  if (mainThreadWorks || !found) workOnGameAbmJob(job);
  await Promise.all(finished);
  return summariseGameAbm(params.government ? 3 : 2, options.tmax, reps, job.runs);
}
