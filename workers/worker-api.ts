import { transfer } from 'comlink';
import { executeRun, transferablesOf } from '../src/runner/execute-run.ts';
import type { RunOutput, RunRequest } from '../src/runner/run-request.ts';

/** The API every worker exposes (browser and Node alike). */
export const workerApi = {
  run(req: RunRequest): RunOutput {
    const out = executeRun(req);
    return transfer(out, transferablesOf(out));
  },
};

/** Type of the worker API, for `wrap<WorkerApi>(endpoint)`. */
export type WorkerApi = typeof workerApi;
