import { odeSolver, type OdeTolerances } from './ode-solver.ts';
import { replicatorVelocity, type ReplicatorGame } from './replicator-game.ts';
import { reportTimes } from './report-times.ts';

export { reportTimes } from './report-times.ts';

/** A path of a replicator game: the shares at each report time. */
export interface Trajectory {
  times: number[];
  /** `points[k]` holds the shares at `times[k]`. */
  points: number[][];
}

/**
 * Integrates the replicator dynamics of `game` from `start` and reports the shares at
 * `times` (increasing, the first one being the start time) with the adaptive RK45 solver.
 */
export function trajectoryAt(game: ReplicatorGame, start: readonly number[], times: readonly number[], tol?: OdeTolerances): Trajectory {
  const y = Float64Array.from(start);
  const solver = odeSolver((p, out) => replicatorVelocity(game, p, out), game.dim, tol);
  const points: number[][] = [];
  for (let k = 0; k < times.length; k++) {
    if (k > 0) solver.advance(y, times[k - 1], times[k]);
    points.push(Array.from(y));
  }
  return { times: [...times], points };
}

/** The path from `start` reported every `dt` (default 0.1) time units up to `tmax`. */
export function trajectory(game: ReplicatorGame, start: readonly number[], tmax: number, dt = 0.1): Trajectory {
  return trajectoryAt(game, start, reportTimes(tmax, dt));
}
