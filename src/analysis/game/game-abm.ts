import { createRng, deriveSeed, type Rng } from '../../model/rng.ts';
import type { ReplicatorGame } from './replicator-game.ts';
import { reportTimes } from './trajectory.ts';

/** Settings of the well-mixed agent-based version of a replicator game. */
export interface GameAbmOptions {
  /** Agents per population. */
  agents: number;
  /** Synchronous sweeps per unit of time, M (default 10): imitation probability is Δpayoff/M. */
  sweepsPerUnit?: number;
  /** Simulated time; shares are reported every 0.1 time units (and at `tmax`). */
  tmax: number;
  /** Start shares of deep players, one per population (round(share·agents) agents start deep). */
  start: readonly number[];
}

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
 * Pure and deterministic: draws come from `createRng(seed, 'game-imitation-<population>')`.
 */
export function runGameAbm(game: ReplicatorGame, options: GameAbmOptions, seed: number): GameAbmRun {
  const n = options.agents;
  const M = options.sweepsPerUnit ?? 10;
  const dim = game.dim;
  const times = reportTimes(options.tmax);
  const rngs: Rng[] = game.populations.map((name) => createRng(seed, `game-imitation-${name}`));
  let cur = new Uint8Array(dim * n);
  let nxt = new Uint8Array(dim * n);
  const deep = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    const k = Math.round(options.start[i] * n);
    cur.fill(1, i * n, i * n + k);
    deep[i] = k;
  }
  const shares = Array.from({ length: dim }, () => new Float64Array(times.length));
  const p = new Float64Array(dim);
  const gain = new Float64Array(dim);
  let sweep = 0;
  for (let k = 0; k < times.length; k++) {
    const target = Math.round(times[k] * M);
    for (; sweep < target; sweep++) {
      for (let i = 0; i < dim; i++) p[i] = deep[i] / n;
      game.gains(p, gain);
      for (let i = 0; i < dim; i++) {
        const rng = rngs[i];
        const off = i * n;
        // Probability that a shallow agent copies a deep peer, and the reverse.
        const toDeep = gain[i] > 0 ? Math.min(1, gain[i] / M) : 0;
        const toShallow = gain[i] < 0 ? Math.min(1, -gain[i] / M) : 0;
        let count = 0;
        for (let a = 0; a < n; a++) {
          const mine = cur[off + a];
          const peer = cur[off + rng.int(n)];
          let s = mine;
          if (peer !== mine) {
            const prob = peer === 1 ? toDeep : toShallow;
            if (prob > 0 && rng.next() < prob) s = peer;
          }
          nxt[off + a] = s;
          count += s;
        }
        deep[i] = count;
      }
      const t = cur;
      cur = nxt;
      nxt = t;
    }
    for (let i = 0; i < dim; i++) shares[i][k] = deep[i] / n;
  }
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

/**
 * `reps` runs of {@link runGameAbm}; run r uses the seed `deriveSeed(seed, r)`, so each run
 * depends only on (options, seed, r).
 */
export function gameAbmEnsemble(game: ReplicatorGame, options: GameAbmOptions, reps: number, seed: number): GameAbmEnsemble {
  const dim = game.dim;
  let times: number[] = [];
  let sum: Float64Array[] = [];
  let sum2: Float64Array[] = [];
  const final = Array.from({ length: dim }, () => new Float64Array(reps));
  let deepRuns = 0;
  for (let r = 0; r < reps; r++) {
    const run = runGameAbm(game, options, deriveSeed(seed, r));
    if (r === 0) {
      times = run.times;
      sum = run.shares.map((s) => new Float64Array(s.length));
      sum2 = run.shares.map((s) => new Float64Array(s.length));
    }
    let allDeep = true;
    for (let i = 0; i < dim; i++) {
      const s = run.shares[i];
      for (let k = 0; k < s.length; k++) {
        sum[i][k] += s[k];
        sum2[i][k] += s[k] * s[k];
      }
      final[i][r] = s[s.length - 1];
      if (i < 2 && s[s.length - 1] < 0.9) allDeep = false;
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
