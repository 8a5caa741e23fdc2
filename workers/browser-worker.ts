import { expose } from 'comlink';
import { workerApi } from './worker-api.ts';
import { inspectApi } from './inspect-api.ts';
import { gameApi } from './game-api.ts';

/** What the browser worker exposes: the shared run API plus inspection and the game panel's agent-based runs. */
export const browserWorkerApi = { ...workerApi, ...inspectApi, ...gameApi };
export type BrowserWorkerApi = typeof browserWorkerApi;

expose(browserWorkerApi);
