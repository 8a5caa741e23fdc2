import type { WorkerFactory } from './pool-worker.ts';

/** What aborting a call that a worker already has does (a queued call is just dropped). */
export type AbortMode = 'terminate' | 'finish';

/** Options of `createWorkerPool`. */
export interface WorkerPoolOptions {
  /** Number of workers (the pool's concurrency). */
  size: number;
  /** Starts a worker; called lazily, at most `size` workers live at once. */
  createWorker: WorkerFactory;
  /**
   * Calls sent to a worker ahead of time (default 2): the next call waits in the worker's
   * own queue, so a worker never idles while the calling thread is busy. With 1, a worker
   * has one call at a time and the queue's priorities apply to every call.
   */
  pipeline?: number;
  /** How often a call is retried on a fresh worker after its worker died (default 1). */
  retries?: number;
  /**
   * `'terminate'` (default): an aborted call ends its worker, which is replaced, and the
   * other calls sent to it go back to the queue — right for long runs on threads that start
   * fast. `'finish'`: the call rejects at once but its worker finishes it and the result is
   * dropped, so the worker stays warm (a fresh web worker runs its first models several
   * times slower).
   */
  onAbort?: AbortMode;
}
