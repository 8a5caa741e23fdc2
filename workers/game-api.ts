import { transfer } from 'comlink';
import { gameAbmRuns, type GameAbmOutput, type GameAbmRequest } from '../src/app/charts/game-abm-runs.ts';

/**
 * The game methods the browser worker exposes: agent-based runs of the well-mixed
 * imitation game for the game panel. Plain data in; typed arrays out, transferred.
 */
export const gameApi = {
  gameAbm(req: GameAbmRequest): GameAbmOutput {
    const out = gameAbmRuns(req);
    const buffers = new Set<ArrayBuffer>([out.times.buffer as ArrayBuffer]);
    for (const s of [...out.runs, ...out.means]) {
      buffers.add(s.x.buffer as ArrayBuffer);
      buffers.add(s.y.buffer as ArrayBuffer);
    }
    return transfer(out, [...buffers]);
  },
};
