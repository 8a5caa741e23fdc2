import { executeRun } from './execute-run.ts';
import type { RunOutput, RunRequest } from './run-request.ts';

/**
 * The API every worker exposes (browser and Node alike).
 *
 * Results are copied back, never transferred. Compiled code that reads typed arrays
 * relies on no ArrayBuffer of its thread ever having been detached; the first transfer
 * out of a worker discards all of it and the code compiled after that checks for
 * detached buffers on every access. Copying a run's few kilobytes costs microseconds;
 * transferring made every later run in the worker about 12% slower.
 */
export const workerApi = {
  run(req: RunRequest): RunOutput {
    return executeRun(req);
  },
};

/** Type of the worker API, for `wrap<WorkerApi>(endpoint)`. */
export type WorkerApi = typeof workerApi;
