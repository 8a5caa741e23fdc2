import { bootstrapInterval, type Interval } from './bootstrap.ts';

/** One Morris trajectory: the factor moved at each step (and by how much on the unit scale), and the output at each point. */
export interface MorrisTrajectory {
  readonly steps: readonly { readonly factor: number; readonly delta: number }[];
  /** Output at the k + 1 points of the trajectory (NaN where a run failed). */
  readonly y: ArrayLike<number>;
}

/** Morris measures of one factor. */
export interface MorrisFactorIndices {
  /** Mean elementary effect. */
  mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007): the importance ranking. */
  muStar: number;
  /** Standard deviation of the elementary effects (n − 1): non-linearity or interactions. */
  sigma: number;
  /** Bootstrap interval of μ*. */
  muStarInterval: Interval;
  /** Elementary effects used (trajectories with both points). */
  effects: number;
}

/** Options of {@link morrisIndices}. */
export interface MorrisOptions {
  /** Bootstrap resamples for the μ* interval (0: none). */
  resamples: number;
  confidence: number;
  uniform: () => number;
}

/**
 * Morris elementary-effects measures (Morris 1991; μ* of Campolongo et al. 2007). The
 * elementary effect of factor i in a trajectory is (y after − y before) / Δ, with Δ the
 * signed step on the unit scale: the output change per full range of the factor.
 */
export function morrisIndices(k: number, trajectories: readonly MorrisTrajectory[], options: MorrisOptions): MorrisFactorIndices[] {
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (const t of trajectories) {
    t.steps.forEach((s, j) => {
      const ee = (t.y[j + 1] - t.y[j]) / s.delta;
      if (Number.isFinite(ee)) effects[s.factor].push(ee);
    });
  }
  return effects.map((ee) => {
    const n = ee.length;
    const mu = mean(ee);
    const muStar = mean(ee.map(Math.abs));
    let ss = 0;
    for (const e of ee) ss += (e - mu) * (e - mu);
    const sigma = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
    const abs = ee.map(Math.abs);
    const muStarInterval = bootstrapInterval(
      n,
      (idx) => {
        let s = 0;
        for (let i = 0; i < idx.length; i++) s += abs[idx[i]];
        return s / idx.length;
      },
      options,
    );
    return { mu, muStar, sigma, muStarInterval, effects: n };
  });
}

function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
