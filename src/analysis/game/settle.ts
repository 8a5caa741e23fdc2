import { findEquilibria, type Equilibrium } from './equilibria.ts';
import { odeSolver } from './ode-solver.ts';
import { replicatorVelocity, type ReplicatorGame } from './replicator-game.ts';

/** Where a path ends up in the long run. */
export interface SettleResult {
  /** The shares when integration stopped. */
  point: number[];
  /** The time integration stopped. */
  t: number;
  /** The asymptotically stable rest point reached (within 1e-6), or null. */
  equilibrium: Equilibrium | null;
  /**
   * True when schools and firms (the first two shares) are within 1e-3 of 1 when integration
   * stops: the path ends at full deep cooperation, whatever the government does.
   */
  endsDeep: boolean;
}

/** Options of {@link settle}. */
export interface SettleOptions {
  /** Give up after this time (default 2,000). */
  tmax?: number;
  /** The game's equilibria, when already computed. */
  equilibria?: readonly Equilibrium[];
}

/**
 * Integrates from `start` until the path is within 1e-6 (max norm) of an asymptotically
 * stable rest point, checking at t = 5, 10, 20, 40, … , or until `tmax`. A path that stays
 * near a saddle for long (a start close to a separatrix) is followed until it leaves.
 */
export function settle(game: ReplicatorGame, start: readonly number[], options: SettleOptions = {}): SettleResult {
  const tmax = options.tmax ?? 2000;
  const stable = (options.equilibria ?? findEquilibria(game)).filter((e) => e.stable);
  const y = Float64Array.from(start);
  const solver = odeSolver((p, out) => replicatorVelocity(game, p, out), game.dim);
  let t = 0;
  let next = 5;
  let reached: Equilibrium | null = null;
  while (t < tmax) {
    const t1 = Math.min(next, tmax);
    solver.advance(y, t, t1);
    t = t1;
    next *= 2;
    reached = stable.find((e) => e.point.every((v, i) => Math.abs(v - y[i]) <= 1e-6)) ?? null;
    if (reached) break;
  }
  const point = Array.from(y);
  return { point, t, equilibrium: reached, endsDeep: point[0] >= 1 - 1e-3 && point[1] >= 1 - 1e-3 };
}
