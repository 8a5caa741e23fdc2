import { executeRun } from './execute-run.ts';
import type { RunOutput, RunRequest } from './run-request.ts';
import type { Runner } from './runner.ts';

/** A runner that computes in the calling thread (for tests and tiny jobs). */
export function createInThreadRunner(): Runner {
  return {
    concurrency: 1,
    async run(req: RunRequest, signal?: AbortSignal): Promise<RunOutput> {
      signal?.throwIfAborted();
      return executeRun(req);
    },
    async close() {},
  };
}
