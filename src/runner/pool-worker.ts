import type { Endpoint } from 'comlink';

/** A worker as the pool sees it: a comlink endpoint that can be ended and that may die. */
export interface PoolWorker {
  /** The endpoint the worker exposes its API on. */
  readonly endpoint: Endpoint;
  /** Ends the worker (no death is reported for it afterwards). */
  terminate(): void;
  /** Registers the callback for the worker dying on its own (crash, exit), with a reason. */
  onDeath(listener: (reason: string) => void): void;
}

/** Starts one worker: a Node worker thread, a web worker, or a test double. */
export type WorkerFactory = () => PoolWorker;

/**
 * A {@link PoolWorker} over `endpoint`, plus `died(reason)` for the factory to call when
 * the worker dies: the death is reported once, and never after `terminate()`.
 */
export function createPoolWorker(endpoint: Endpoint, stop: () => void): PoolWorker & { died(reason: string): void } {
  let listener: ((reason: string) => void) | undefined;
  let ended = false;
  return {
    endpoint,
    terminate() {
      ended = true;
      stop();
    },
    onDeath(l) {
      listener = l;
    },
    died(reason) {
      if (ended) return;
      ended = true;
      listener?.(reason);
    },
  };
}
