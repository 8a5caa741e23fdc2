import type { GameParams } from './game-params.ts';
import type { ReplicatorGame } from './replicator-game.ts';
import { twoPopulationGame } from './two-population-game.ts';
import { threePopulationGame } from './three-population-game.ts';

/** The replicator game for `params`: three populations when `params.government` is set, else two. */
export function gameFromParams(params: GameParams): ReplicatorGame {
  const { government } = params;
  return government ? threePopulationGame({ ...params, government }) : twoPopulationGame(params);
}
