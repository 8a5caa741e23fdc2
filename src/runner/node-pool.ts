import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createPoolWorker, type PoolWorker } from './pool-worker.ts';
import type { Runner } from './runner.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

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

/**
 * Options a worker thread takes from its parent's: those that shape how modules load and
 * what is reported (`--import tsx`, `--conditions`, `--enable-source-maps`, …). Options
 * of the whole process — V8 flags, `--cpu-prof`, `--perf-basic-prof` — make Node refuse
 * to start the worker, and so does `--input-type`, which `node --input-type=module -e …`
 * scripts carry.
 */
const FOR_WORKERS = /^(--import|--require|-r|--loader|--experimental-loader|--conditions|-C|--experimental-[\w-]+|--no-experimental-[\w-]+|--enable-source-maps|--no-warnings|--no-deprecation|--trace-warnings|--trace-deprecation|--disable-warning|--env-file|--preserve-symlinks)$/;
/** Of those, the ones whose value may come as the next argument. */
const TAKES_VALUE = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C', '--disable-warning', '--env-file']);

/** The parent's Node options a worker thread accepts (see {@link FOR_WORKERS}). */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const eq = argv[i].indexOf('=');
    const name = eq > 0 ? argv[i].slice(0, eq) : argv[i];
    const joined = eq > 0 || !TAKES_VALUE.has(name) || i + 1 >= argv.length;
    if (FOR_WORKERS.test(name)) out.push(...(joined ? [argv[i]] : [argv[i], argv[i + 1]]));
    if (!joined) i++;
  }
  return out;
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
