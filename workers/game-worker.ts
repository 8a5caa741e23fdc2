import { parentPort, workerData } from 'node:worker_threads';
import { workOnGameAbmJob, type GameAbmJob } from '../src/analysis/game/game-abm-job.ts';

// A worker of the agent-based game ensemble: it loads only the game ABM, takes runs from
// the shared job until none is left and says how many it ran.
if (!parentPort) throw new Error('game-worker must run in a worker thread');
parentPort.postMessage(workOnGameAbmJob(workerData as GameAbmJob));
