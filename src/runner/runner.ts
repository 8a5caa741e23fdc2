import type { RunOutput, RunRequest } from './run-request.ts';

/**
 * One interface for every way of running the model: in the calling thread (tests,
 * small jobs), on a pool of Node worker threads (CLI sweeps) or of web workers (the app).
 */
export interface Runner {
  /** How many runs can proceed at once. */
  readonly concurrency: number;
  /** Runs one request; rejects with the run's error, or with an AbortError if `signal` fires first. */
  run(req: RunRequest, signal?: AbortSignal): Promise<RunOutput>;
  /** Stops all workers; pending runs reject. */
  close(): Promise<void>;
}
