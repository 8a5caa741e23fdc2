import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPoolWorker, type PoolWorker } from './pool-worker.ts';
import type { Runner } from './runner.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';
import { workerExecArgv } from './node-worker-argv.ts';

export { workerExecArgv } from './node-worker-argv.ts';

/**
 * The Node worker entry that matches how this code runs: `dist-node/node-worker.mjs`
 * when running from the build, `workers/node-worker-dev.mjs` (which registers tsx) when
 * running from the TypeScript source.
 */
export function defaultNodeWorkerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const parts = here.split(sep);
  const dist = parts.lastIndexOf('dist-node');
  if (dist >= 0) return join(parts.slice(0, dist + 1).join(sep) || sep, 'node-worker.mjs');
  const root = join(dirname(here), '..', '..');
  return join(root, 'workers', 'node-worker-dev.mjs');
}

/** Options of {@link createNodeWorkerPool}. */
export interface NodeWorkerPoolOptions {
  /** Number of worker threads; default: the available cores. */
  workers?: number;
  /** Worker entry file (default {@link defaultNodeWorkerFile}); it must expose the worker API. */
  workerFile?: string;
  /** Runs queued ahead in each worker (default 2). */
  pipeline?: number;
  /** Retries of a run whose worker died (default 1). */
  retries?: number;
}

/** Starts one Node worker thread for the pool. */
export function startNodeWorker(file: string): PoolWorker {
  const worker = new Worker(file, { execArgv: workerExecArgv(process.execArgv) });
  const handle = createPoolWorker(nodeEndpoint(worker), () => void worker.terminate());
  let lastError: string | undefined;
  worker.on('error', (err: Error) => {
    lastError = err?.message ?? String(err);
  });
  worker.on('exit', (code) => handle.died(lastError ? `${lastError}` : `exit code ${code}`));
  return handle;
}

/** A {@link WorkerPool} on Node worker threads (the {@link Runner} of the CLI sweeps). */
export function createNodeWorkerPool(options: NodeWorkerPoolOptions = {}): WorkerPool {
  const file = options.workerFile ?? defaultNodeWorkerFile();
  if (!existsSync(file)) throw new Error(`worker entry ${file} does not exist (run npm run build:node?)`);
  return createWorkerPool({
    size: options.workers ?? availableParallelism(),
    createWorker: () => startNodeWorker(file),
    pipeline: options.pipeline,
    retries: options.retries,
  });
}
