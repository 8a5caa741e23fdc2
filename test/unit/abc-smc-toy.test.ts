import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { abcSmc } from '../../src/calibration/abc-smc.ts';
import { CalibrationAbortedError, type AbcProblem, type AbcSettings, type Population } from '../../src/calibration/abc-types.ts';
import { makePrior } from '../../src/calibration/priors.ts';

/**
 * Normal mean with known variance and a normal prior: the exact posterior is known.
 * Data: n = 10 draws of N(μ, 1) with mean 0.8; prior μ ~ N(0, 1). Posterior:
 * precision 1 + 10 = 11, mean 10 · 0.8 / 11, sd 1 / √11.
 */
const n = 10;
const observedMean = 0.8;
const analyticMean = (n * observedMean) / (1 + n);
const analyticSd = 1 / Math.sqrt(1 + n);

function toyProblem(delay = false): AbcProblem {
  return {
    priors: [makePrior({ normal: [0, 1] }, -Infinity, Infinity)],
    async simulate(theta, seeds) {
      const rng = seedrandom(String(seeds[0]));
      if (delay) await new Promise((r) => setTimeout(r, Math.floor(rng() * 3)));
      let s = 0;
      for (let i = 0; i < n; i++) s += theta[0] + normalQuantile(rng() * 0.999998 + 0.000001, 0, 1);
      return [s / n];
    },
    // In units of the sampling sd of the mean, so the tolerance reads as a share of it.
    distance: (stats) => Math.abs(stats[0] - observedMean) * Math.sqrt(n),
  };
}

const settings: AbcSettings = {
  particles: 1000,
  generations: 12,
  finalTolerance: 0.05,
  seedsPerParticle: 1,
  seed: 11,
  quantile: 0.5,
  minAcceptance: 0.005,
};

function moments(p: Population) {
  let m = 0;
  p.theta.forEach((t, i) => (m += p.weights[i] * t[0]));
  let v = 0;
  p.theta.forEach((t, i) => (v += p.weights[i] * (t[0] - m) ** 2));
  return { mean: m, sd: Math.sqrt(v) };
}

describe('ABC-SMC on a normal mean with a known posterior', () => {
  it('recovers the analytic posterior mean and sd within Monte Carlo error', async () => {
    const r = await abcSmc(toyProblem(), settings, { concurrency: 4 });
    const last = r.populations[r.populations.length - 1];
    const { mean, sd } = moments(last);
    // Monte Carlo error of a weighted mean: sd / √ESS; allow 4 of them.
    const mcError = analyticSd / Math.sqrt(last.ess);
    console.log(
      `toy: analytic mean ${analyticMean.toFixed(4)} sd ${analyticSd.toFixed(4)}; ABC mean ${mean.toFixed(4)} sd ${sd.toFixed(4)} ` +
        `(ESS ${last.ess.toFixed(0)}, tolerance ${last.tolerance.toFixed(3)}, ${r.populations.length} generations, stop: ${r.stopped})`,
    );
    expect(last.tolerance).toBeLessThanOrEqual(0.2);
    expect(Math.abs(mean - analyticMean)).toBeLessThan(4 * mcError);
    // The sd of a sample sd is about sd / √(2 ESS); the tolerance widens it by at most ε²/3 of the likelihood variance.
    expect(Math.abs(sd / analyticSd - 1)).toBeLessThan(4 / Math.sqrt(2 * last.ess) + 0.02);
  });

  it('gives the same population whatever the concurrency and order of completion', async () => {
    const small = { ...settings, particles: 100, generations: 3, finalTolerance: null };
    const a = await abcSmc(toyProblem(true), small, { concurrency: 1 });
    const b = await abcSmc(toyProblem(true), small, { concurrency: 9 });
    expect(b.populations.map((p) => p.theta)).toEqual(a.populations.map((p) => p.theta));
    expect(b.populations.map((p) => p.weights)).toEqual(a.populations.map((p) => p.weights));
  });

  it('continues from finished generations to the same result (resume)', async () => {
    const small = { ...settings, particles: 200, generations: 4, finalTolerance: null };
    const full = await abcSmc(toyProblem(), small, { concurrency: 3 });
    const resumed = await abcSmc(toyProblem(), small, { concurrency: 2, done: full.populations.slice(0, 2) });
    expect(resumed.populations.map((p) => p.theta)).toEqual(full.populations.map((p) => p.theta));
  });
});

describe('ABC-SMC abort', () => {
  it('rejects with CalibrationAbortedError holding the finished generations', async () => {
    const controller = new AbortController();
    const small = { ...settings, particles: 100, generations: 6, finalTolerance: null };
    let generations = 0;
    const run = abcSmc(toyProblem(), small, {
      concurrency: 2,
      signal: controller.signal,
      onGeneration: () => {
        if (++generations === 2) controller.abort(new Error('stop'));
      },
    });
    const err = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CalibrationAbortedError);
    expect((err as CalibrationAbortedError).populations).toHaveLength(2);
  });
});
