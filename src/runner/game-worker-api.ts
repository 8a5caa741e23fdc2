import { workOnGameAbmJob, type GameAbmJob } from '../analysis/game/game-abm-job.ts';

export type { GameAbmJob } from '../analysis/game/game-abm-job.ts';

/**
 * What a game worker thread (workers/game-worker.ts) does: it runs runs of the shared
 * agent-based job until none is left ({@link workOnGameAbmJob}) and returns how many it ran.
 * Started by gameAbmEnsembleThreads, with the job as its workerData.
 */
export const gameWorkerApi = {
  work(job: GameAbmJob): number {
    return workOnGameAbmJob(job);
  },
};
