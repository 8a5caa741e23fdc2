import type { GameAbmRequest } from '../../analysis/game/game-abm-runs.ts';
import { maxImitationProbability } from '../../analysis/game/game-abm.ts';
import { twoPopulationGame } from '../../analysis/game/two-population-game.ts';
import type { AppContext } from '../app-context.ts';
import type { GameState } from '../state/game-state.ts';

/** Time span of trajectories and agent-based runs. */
export const GAME_TMAX = 10;

/** The agent-based runs that belong to a game state. */
export function abmRequest(game: GameState): GameAbmRequest {
  const { agents, runs, M, seed } = game.abm;
  return { params: { ...game.params }, starts: game.starts, agents, runs, M, seed, tmax: GAME_TMAX };
}

/** A key that is equal for equal requests (to tell whether the runs drawn are the current ones). */
export const keyOf = (req: GameAbmRequest): string => JSON.stringify(req);

/** The status line once the runs of `game` are drawn, and a warning when the imitation probability was clipped. */
export function abmDoneText(ctx: AppContext, game: GameState): readonly [string, string] {
  const { t, fmt } = ctx;
  const { agents, runs: n, M, seed } = game.abm;
  const p = maxImitationProbability(twoPopulationGame(game.params), M);
  return [
    t('game.abm.done', { runs: n, starts: game.starts.length, agents: fmt.integer(agents), M, seed }),
    p > 1 ? t('game.abm.clipped', { p: fmt.number(p, 1) }) : '',
  ] as const;
}
