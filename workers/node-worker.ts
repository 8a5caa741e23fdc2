import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { parentPort } from 'node:worker_threads';
import { workerApi } from '../src/runner/worker-api.ts';

if (!parentPort) throw new Error('node-worker must run in a worker thread');
expose(workerApi, nodeEndpoint(parentPort));
