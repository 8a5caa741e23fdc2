import type { BrowserWorkerApi } from '../../runner/browser-worker-api.ts';
import { createPoolWorker, type PoolWorker } from '../../runner/pool-worker.ts';
import { createWorkerPool, type WorkerPool } from '../../runner/worker-pool.ts';

/**
 * Starts one web worker on workers/browser-worker.ts. An `error` event (an uncaught error
 * in the worker, or a script that fails to load) counts as its death: the pool replaces it.
 */
export function startBrowserWorker(): PoolWorker {
  const worker = new Worker(new URL('../../../workers/browser-worker.ts', import.meta.url), { type: 'module', name: 'coopsim-model' });
  const handle = createPoolWorker(worker, () => worker.terminate());
  worker.addEventListener('error', (e: ErrorEvent) => handle.died(e.message || 'the worker failed to start or threw'));
  return handle;
}

/**
 * The app's pool of `size` web workers: one call at a time per worker, so the queue's
 * priorities decide what runs next (the one-seed preview before ensemble runs); an
 * aborted call is finished and its result dropped rather than its worker ended, so the
 * workers stay warm.
 */
export function createBrowserWorkerPool(size: number): WorkerPool<BrowserWorkerApi> {
  return createWorkerPool<BrowserWorkerApi>({ size, createWorker: startBrowserWorker, pipeline: 1, onAbort: 'finish' });
}
