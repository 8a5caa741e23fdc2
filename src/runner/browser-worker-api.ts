import { gameApi } from './game-api.ts';
import { inspectApi } from './inspect-api.ts';
import { workerApi } from './worker-api.ts';

/** What the browser worker exposes: the shared run API plus inspection and the game panel's agent-based runs. */
export const browserWorkerApi = { ...workerApi, ...inspectApi, ...gameApi };

/** Type of the browser worker's API, for `wrap<BrowserWorkerApi>(worker)`. */
export type BrowserWorkerApi = typeof browserWorkerApi;
