import { gameAbmRuns, type GameAbmOutput, type GameAbmRequest } from '../analysis/game/game-abm-runs.ts';

/**
 * The game methods the browser worker exposes: agent-based runs of the well-mixed
 * imitation game for the game panel. Plain data in; typed arrays out, copied, not
 * transferred (see workerApi).
 */
export const gameApi = {
  gameAbm(req: GameAbmRequest): GameAbmOutput {
    return gameAbmRuns(req);
  },
};
