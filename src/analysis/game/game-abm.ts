import { deriveSeed } from '../../model/rng.ts';
import { simulateGameAbm, type GameAbmOptions } from './game-abm-kernel.ts';
import type { ReplicatorGame } from './replicator-game.ts';
import { reportTimes } from './report-times.ts';

export type { GameAbmOptions } from './game-abm-kernel.ts';

/** One agent-based run: the shares of deep players at each report time. */
export interface GameAbmRun {
  times: number[];
  /** `shares[i][k]`: share of population i playing deep at `times[k]`. */
  shares: Float64Array[];
}

/**
 * One run of the well-mixed two-strategy agent-based game.
 *
 * Each population holds `agents` agents, each deep (1) or shallow (0), in a typed array. In
 * one synchronous sweep every agent draws a uniformly random peer of its own population
 * (itself included, which changes nothing; this keeps the drift exact) and, when the peer's
 * strategy pays more, copies it with probability max(Δpayoff, 0)/M, where the payoffs use the
 * current shares of the other populations. All agents decide on the strategies at the start
 * of the sweep. The expected change of a share per sweep is then exactly p(1−p)·gain(p)/M,
 * so M sweeps per time unit make the ensemble mean follow ṗ = p(1−p)·gain(p): the mean of
 * the sweep map is the Euler step of the ODE with step 1/M. Probabilities above 1 (when
 * |gain| > M) are clipped to 1; see {@link maxImitationProbability}. Imitation cannot bring
 * back a strategy nobody plays: where the ODE passes within about 1/agents of 0 or 1 before
 * turning back, runs can be absorbed there.
 *
 * Pure and deterministic: population i draws from xoshiro128** stream i of `seed`
 * (xoshiro128.ts).
 */
export function runGameAbm(game: ReplicatorGame, options: GameAbmOptions, seed: number): GameAbmRun {
  const times = reportTimes(options.tmax);
  const out = new Float64Array(game.dim * times.length);
  simulateGameAbm(game, options, seed, out);
  const shares = Array.from({ length: game.dim }, (_, i) => out.slice(i * times.length, (i + 1) * times.length));
  return { times, shares };
}

/** Ensemble statistics of agent-based runs over seeds. */
export interface GameAbmEnsemble {
  times: number[];
  /** `mean[i][k]`: mean share of population i playing deep at `times[k]`. */
  mean: Float64Array[];
  /** `sd[i][k]`: standard deviation across runs (n − 1 denominator; 0 for a single run). */
  sd: Float64Array[];
  /** `final[i][r]`: share of population i playing deep at `tmax` in run r. */
  final: Float64Array[];
  /** Share of runs that end with schools and firms (the first two populations) each at least 90% deep. */
  endedDeep: number;
}

/** The seed of run r of an ensemble with master seed `seed`: `deriveSeed(seed, r)`. */
export function gameAbmSeeds(seed: number, reps: number): Uint32Array {
  return Uint32Array.from({ length: reps }, (_, r) => deriveSeed(seed, r));
}

/**
 * `reps` runs of {@link runGameAbm}; run r uses the seed `deriveSeed(seed, r)`, so each run
 * depends only on (options, seed, r).
 */
export function gameAbmEnsemble(game: ReplicatorGame, options: GameAbmOptions, reps: number, seed: number): GameAbmEnsemble {
  const T = reportTimes(options.tmax).length;
  const seeds = gameAbmSeeds(seed, reps);
  const runs = new Float64Array(reps * game.dim * T);
  for (let r = 0; r < reps; r++) simulateGameAbm(game, options, seeds[r], runs, r * game.dim * T);
  return summariseGameAbm(game.dim, options.tmax, reps, runs);
}

/**
 * Ensemble statistics of `reps` runs stored one after another in `runs` as
 * {@link simulateGameAbm} writes them (run r at offset r·dim·times). Sums go over runs in
 * order, so the result does not depend on which thread ran which run.
 */
export function summariseGameAbm(dim: number, tmax: number, reps: number, runs: Float64Array): GameAbmEnsemble {
  const times = reportTimes(tmax);
  const T = times.length;
  const sum = Array.from({ length: dim }, () => new Float64Array(T));
  const sum2 = Array.from({ length: dim }, () => new Float64Array(T));
  const final = Array.from({ length: dim }, () => new Float64Array(reps));
  let deepRuns = 0;
  for (let r = 0; r < reps; r++) {
    let allDeep = true;
    for (let i = 0; i < dim; i++) {
      const base = (r * dim + i) * T;
      for (let k = 0; k < T; k++) {
        const v = runs[base + k];
        sum[i][k] += v;
        sum2[i][k] += v * v;
      }
      final[i][r] = runs[base + T - 1];
      if (i < 2 && runs[base + T - 1] < 0.9) allDeep = false;
    }
    if (allDeep) deepRuns++;
  }
  const mean = sum.map((s) => s.map((v) => v / reps));
  const sd = sum.map((s, i) =>
    s.map((v, k) => (reps < 2 ? 0 : Math.sqrt(Math.max(0, (sum2[i][k] - (v * v) / reps) / (reps - 1))))),
  );
  return { times, mean, sd, final, endedDeep: reps > 0 ? deepRuns / reps : 0 };
}

/**
 * The largest imitation probability |gain|/M over the unit cube (gains are multilinear, so
 * the largest |gain| is at a corner). Above 1 the ABM clips probabilities and stops tracking
 * the ODE; raise M then.
 */
export function maxImitationProbability(game: ReplicatorGame, M: number): number {
  const g = new Float64Array(game.dim);
  let max = 0;
  for (let k = 0; k < 1 << game.dim; k++) {
    const corner = Array.from({ length: game.dim }, (_, i) => (k >> i) & 1);
    game.gains(corner, g);
    for (let i = 0; i < game.dim; i++) max = Math.max(max, Math.abs(g[i]));
  }
  return max / M;
}
