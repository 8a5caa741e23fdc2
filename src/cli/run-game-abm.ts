import { availableParallelism } from 'node:os';
import { paramsOfGameFile, startOfGameFile, type AnalyseGameOptions } from '../analysis/game/analyse-game.ts';
import type { GameAbmEnsemble } from '../analysis/game/game-abm.ts';
import type { GameFile } from '../analysis/game/game-schema.ts';
import { gameAbmEnsembleThreads } from '../runner/game-abm-threads.ts';
import { show } from '../model/params/fields.ts';
import { UserError } from './user-error.ts';

/** Most threads `--workers` accepts. */
const MAX_WORKERS = 256;

/**
 * The agent-based ensemble `coopsim game --agents` asks for, run on `--workers` threads
 * (default: the available cores). The numbers do not depend on the thread count.
 */
export async function runGameAbmThreads(
  file: GameFile,
  abm: NonNullable<AnalyseGameOptions['abm']>,
  workersText: string | undefined,
): Promise<GameAbmEnsemble> {
  const workers = workersText === undefined ? availableParallelism() : Number(workersText);
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS || workersText?.trim() === '')
    throw new UserError(`--workers: ${show(workersText)} is not valid; expected an integer in 1–${MAX_WORKERS}`);
  const options = { agents: abm.agents, sweepsPerUnit: abm.M, tmax: file.tmax, start: startOfGameFile(file) };
  return gameAbmEnsembleThreads(paramsOfGameFile(file), options, abm.reps, abm.seed, workers);
}
