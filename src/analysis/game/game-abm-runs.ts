import { runGameAbm } from './game-abm.ts';
import type { GameParams } from './game-params.ts';
import { twoPopulationGame } from './two-population-game.ts';
import { deriveSeed } from '../../model/rng.ts';

/** What to run: agent-based runs of the two-population game from some start points. Plain data. */
export interface GameAbmRequest {
  /** The two-population parameters (a government population, if any, is ignored). */
  params: GameParams;
  /** Start shares (x, y) of deep colleges and firms. */
  starts: readonly (readonly [number, number])[];
  /**
   * Index of `starts[0]` in the full list of start points (default 0). Run r from the
   * start with index s uses the seed `deriveSeed(seed, s·runs + r)`, so a list split into
   * parts (one per worker) gives the same runs as the whole list.
   */
  firstStart?: number;
  /** Agents per population. */
  agents: number;
  /** Runs from each start. */
  runs: number;
  /** Sweeps per unit of time (default 10). */
  M?: number;
  /** Master seed. */
  seed: number;
  /** Time span (default 10, as the ODE trajectories). */
  tmax?: number;
}

/** Agent-based runs and their mean per start, as typed arrays (cheap to copy between threads). */
export interface GameAbmOutput {
  /** Report times, shared by every series. */
  times: Float64Array;
  /** One entry per run: the index of its start, its seed and its shares over time. */
  runs: { start: number; seed: number; x: Float64Array; y: Float64Array }[];
  /** The ensemble mean of the runs from each start. */
  means: { start: number; x: Float64Array; y: Float64Array }[];
}

/**
 * Runs the well-mixed imitation game ({@link runGameAbm}) `runs` times from each start
 * and averages the runs of each start. Pure and deterministic: the output depends only
 * on the request.
 */
export function gameAbmRuns(req: GameAbmRequest): GameAbmOutput {
  const { government: _ignored, ...two } = req.params;
  const game = twoPopulationGame(two);
  const tmax = req.tmax ?? 10;
  const first = req.firstStart ?? 0;
  const runs: GameAbmOutput['runs'] = [];
  const means: GameAbmOutput['means'] = [];
  let times = new Float64Array(0);
  req.starts.forEach((s, k) => {
    const start = first + k;
    let mx: Float64Array | null = null;
    let my: Float64Array | null = null;
    for (let r = 0; r < req.runs; r++) {
      const seed = deriveSeed(req.seed, start * req.runs + r);
      const run = runGameAbm(game, { agents: req.agents, sweepsPerUnit: req.M ?? 10, tmax, start: s }, seed);
      if (times.length !== run.times.length) times = Float64Array.from(run.times);
      const [x, y] = run.shares;
      runs.push({ start, seed, x, y });
      mx ??= new Float64Array(x.length);
      my ??= new Float64Array(y.length);
      for (let i = 0; i < x.length; i++) {
        mx[i] += x[i] / req.runs;
        my[i] += y[i] / req.runs;
      }
    }
    if (mx && my) means.push({ start, x: mx, y: my });
  });
  return { times, runs, means };
}
