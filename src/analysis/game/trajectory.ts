import { odeSolver, type OdeTolerances } from './ode-solver.ts';
import { replicatorVelocity, type ReplicatorGame } from './replicator-game.ts';

/** Report times 0, dt, 2·dt, … up to `tmax`, with `tmax` itself added when it is off the grid. */
export function reportTimes(tmax: number, dt = 0.1): number[] {
  const per = Math.round(1 / dt);
  const exact = Math.abs(per * dt - 1) < 1e-12;
  const n = Math.floor(tmax / dt + 1e-9);
  const out: number[] = [];
  for (let k = 0; k <= n; k++) out.push(exact ? k / per : k * dt);
  if (tmax - out[out.length - 1] > 1e-9) out.push(tmax);
  return out;
}

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
