import { expose } from 'comlink';
import { browserWorkerApi } from '../src/runner/browser-worker-api.ts';

expose(browserWorkerApi);
