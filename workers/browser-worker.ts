import { expose } from 'comlink';
import { workerApi } from './worker-api.ts';
import { inspectApi } from './inspect-api.ts';

/** What the browser worker exposes: the shared run API plus inspection for the app. */
export const browserWorkerApi = { ...workerApi, ...inspectApi };
export type BrowserWorkerApi = typeof browserWorkerApi;

expose(browserWorkerApi);
