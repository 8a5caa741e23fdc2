import { availableParallelism } from 'node:os';
import { createInThreadRunner } from '../../runner/in-thread-runner.ts';
import { createNodeWorkerPool } from '../../runner/node-pool.ts';
import type { Runner } from '../../runner/runner.ts';

/**
 * Runs `job` on a pool of `workers` Node worker threads (default: the available cores),
 * or in this thread when `workers` is 0 or 1, and closes the pool afterwards.
 */
export async function withRunner<T>(workers: number | undefined, job: (runner: Runner) => Promise<T>): Promise<T> {
  const n = workers ?? availableParallelism();
  const runner = n <= 1 ? createInThreadRunner() : createNodeWorkerPool({ workers: n });
  try {
    return await job(runner);
  } finally {
    await runner.close();
  }
}
