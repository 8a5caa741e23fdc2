import { parentPort, workerData } from 'node:worker_threads';
import { gameWorkerApi, type GameAbmJob } from '../src/runner/game-worker-api.ts';

// A worker of the agent-based game ensemble: it loads only the game ABM, takes runs from
// the shared job until none is left and says how many it ran.
if (!parentPort) throw new Error('game-worker must run in a worker thread');
parentPort.postMessage(gameWorkerApi.work(workerData as GameAbmJob));
