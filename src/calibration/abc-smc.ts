import seedrandom from 'seedrandom';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { CalibrationAbortedError, type AbcProblem, type AbcSettings, type Population, type StopReason, type AbcRunOptions, type AbcResult } from './abc-types.ts';
import { logSumExp } from './log-sum-exp.ts';

/**
 * Approximate Bayesian computation by sequential Monte Carlo (population Monte Carlo,
 * Beaumont et al. 2009, with the adaptive tolerance of Del Moral et al. 2012: each
 * tolerance is a quantile of the previous population's distances). Candidates of a
 * generation are numbered; candidate i draws everything (ancestor, perturbation, model
 * seeds) from its own stream seeded by (seed, generation, i), and the population is the
 * first `particles` accepted candidates in number order. So the result depends on the
 * settings alone, never on how many run at once or in which order they finish.
 */
export async function abcSmc(problem: AbcProblem, settings: AbcSettings, options: AbcRunOptions): Promise<AbcResult> {
  const populations: Population[] = [...(options.done ?? [])];
  const t0 = performance.now();
  let simulations = 0;
  for (;;) {
    const prev = populations[populations.length - 1];
    const stop = prev ? stopReason(prev, settings) : null;
    if (stop) return { populations, stopped: stop };
    if (options.maxNewGenerations !== undefined && populations.length - (options.done?.length ?? 0) >= options.maxNewGenerations)
      return { populations, stopped: 'paused' };
    const g = prev ? prev.generation + 1 : 0;
    const tolerance = prev ? nextTolerance(prev, settings) : Infinity;
    const kernel = prev ? perturbationSd(prev) : null;
    const genStart = performance.now();
    const outcome = await runGeneration(problem, settings, options, g, tolerance, prev ?? null, kernel, (p) => {
      if (!options.onProgress) return;
      const elapsedGen = performance.now() - genStart;
      const perCandidate = p.decided > 0 ? elapsedGen / p.decided : null;
      const rate = p.decided > 0 ? p.accepted / p.decided : 0;
      const leftHere = perCandidate !== null && rate > 0 ? ((settings.particles - p.accepted) / rate) * perCandidate : null;
      const genTotal = perCandidate !== null && rate > 0 ? (settings.particles / rate) * perCandidate : null;
      const later = settings.generations - g - 1;
      options.onProgress({
        generation: g,
        generations: settings.generations,
        tolerance,
        accepted: p.accepted,
        particles: settings.particles,
        proposed: p.decided,
        acceptance: rate,
        simulations: simulations + p.simulations,
        elapsedMs: performance.now() - t0,
        etaMs: leftHere === null || genTotal === null ? null : leftHere + Math.max(0, later) * genTotal,
      });
    });
    simulations += outcome.simulations;
    if (outcome.aborted) throw new CalibrationAbortedError(populations);
    if (!outcome.population) return { populations, stopped: 'acceptance' };
    outcome.population.elapsedMs = performance.now() - genStart;
    populations.push(outcome.population);
    await options.onGeneration?.(outcome.population);
  }
}

function stopReason(p: Population, s: AbcSettings): StopReason | null {
  if (p.generation + 1 >= s.generations) return 'generations';
  if (s.finalTolerance !== null && p.tolerance <= s.finalTolerance) return 'tolerance';
  return null;
}

/** The next tolerance: a quantile of the current distances, not below the final tolerance. */
export function nextTolerance(p: Population, s: AbcSettings): number {
  const sorted = [...p.distances].sort((a, b) => a - b);
  const h = (sorted.length - 1) * s.quantile;
  const lo = Math.floor(h);
  const q = sorted[lo] + (h - lo) * ((sorted[Math.min(sorted.length - 1, lo + 1)] ?? sorted[lo]) - sorted[lo]);
  return s.finalTolerance === null ? q : Math.max(q, s.finalTolerance);
}

/** Beaumont et al. (2009): a Gaussian kernel with twice the weighted variance of each parameter. */
export function perturbationSd(p: Population): number[] {
  const d = p.theta[0].length;
  const sd: number[] = [];
  for (let k = 0; k < d; k++) {
    let m = 0;
    for (let i = 0; i < p.theta.length; i++) m += p.weights[i] * p.theta[i][k];
    let v = 0;
    for (let i = 0; i < p.theta.length; i++) v += p.weights[i] * (p.theta[i][k] - m) ** 2;
    // A collapsed parameter still needs to move a little.
    sd.push(Math.sqrt(2 * v) || 1e-9 * (Math.abs(m) + 1));
  }
  return sd;
}

interface Candidate {
  theta: number[] | null;
  seeds: number[];
}

/** Draws candidate i of generation g: from the prior (g = 0) or a perturbed weighted ancestor. */
export function drawCandidate(problem: AbcProblem, s: AbcSettings, g: number, i: number, prev: Population | null, kernel: number[] | null): Candidate {
  const rng = seedrandom(`coopsim-abc:${s.seed}:${g}:${i}`);
  const u = () => {
    let x = rng();
    while (x === 0) x = rng();
    return x;
  };
  const seeds = Array.from({ length: s.seedsPerParticle }, () => Math.floor(rng() * 4294967296));
  if (!prev || !kernel) return { theta: problem.priors.map((p) => p.quantile(u())), seeds };
  const cum: number[] = [];
  let acc = 0;
  for (const w of prev.weights) cum.push((acc += w));
  // Redraw until the perturbed particle lies where the prior has mass (Beaumont et al. 2009).
  for (let attempt = 0; attempt < 1000; attempt++) {
    const r = u() * acc;
    let j = 0;
    while (j < cum.length - 1 && cum[j] < r) j++;
    const theta = prev.theta[j].map((x, k) => x + kernel[k] * normalQuantile(u(), 0, 1));
    if (problem.priors.every((p, k) => p.logDensity(theta[k]) > -Infinity)) return { theta, seeds };
  }
  return { theta: null, seeds };
}

interface GenerationProgress {
  accepted: number;
  decided: number;
  simulations: number;
}

interface GenerationOutcome {
  population: Population | null;
  simulations: number;
  aborted: boolean;
}

type Slot = { state: 'pending' } | { state: 'rejected' } | { state: 'accepted'; theta: number[]; stats: number[]; distance: number };

function runGeneration(
  problem: AbcProblem,
  s: AbcSettings,
  options: AbcRunOptions,
  g: number,
  tolerance: number,
  prev: Population | null,
  kernel: number[] | null,
  progress: (p: GenerationProgress) => void,
): Promise<GenerationOutcome> {
  const cap = candidateCap(s);
  const slots: Slot[] = [];
  const known = options.precomputed?.(g) ?? new Map<number, { theta: readonly number[]; stats: number[] }>();
  const inner = new AbortController();
  const onOuter = () => inner.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuter, { once: true });
  if (options.signal?.aborted) inner.abort(options.signal.reason);
  let next = 0;
  let active = 0;
  let scanned = 0;
  let accepted = 0;
  let simulations = 0;
  let finished = false;
  let fatal: unknown = null;

  return new Promise<GenerationOutcome>((resolve, reject) => {
    let ended = false;
    const end = (population: Population | null) => {
      if (ended) return;
      ended = true;
      finished = true;
      // Runs still going past the last needed candidate are left to finish and dropped:
      // aborting them would end their workers (the pool's default) and restart them cold.
      if (!population) inner.abort(new Error('generation ended'));
      options.signal?.removeEventListener('abort', onOuter);
      if (fatal) reject(fatal);
      else resolve({ population, simulations, aborted: population === null && options.signal?.aborted === true });
    };
    // Advances over the decided prefix; the population is complete at the N-th acceptance.
    const scan = () => {
      while (scanned < slots.length && slots[scanned].state !== 'pending') {
        if (slots[scanned].state === 'accepted') accepted++;
        scanned++;
        if (accepted === s.particles) return end(buildPopulation(problem, s, g, tolerance, prev, kernel, slots.slice(0, scanned), simulations));
      }
      if (scanned >= cap) return end(null);
    };
    const launch = () => {
      if (finished) return;
      if (inner.signal.aborted) {
        if (active === 0) end(null);
        return;
      }
      while (active < options.concurrency && next < cap) {
        const i = next++;
        const c = drawCandidate(problem, s, g, i, prev, kernel);
        if (!c.theta) {
          slots[i] = { state: 'rejected' };
          continue;
        }
        const pre = known.get(i);
        if (pre && pre.theta.length === c.theta.length && pre.theta.every((x, k) => x === (c.theta as number[])[k])) {
          const distance = problem.distance(pre.stats);
          slots[i] = distance <= tolerance && Number.isFinite(distance) ? { state: 'accepted', theta: c.theta, stats: pre.stats, distance } : { state: 'rejected' };
          scan();
          if (finished) return;
          continue;
        }
        slots[i] = { state: 'pending' };
        active++;
        simulations += c.seeds.length;
        const theta = c.theta;
        problem.simulate(theta, c.seeds, inner.signal).then(
          (stats) => {
            active--;
            const distance = problem.distance(stats);
            slots[i] = distance <= tolerance && Number.isFinite(distance) ? { state: 'accepted', theta, stats, distance } : { state: 'rejected' };
            after();
          },
          (err: unknown) => {
            active--;
            if (!inner.signal.aborted && !fatal) {
              fatal = err;
              inner.abort(err);
            }
            if (active === 0) end(null);
          },
        );
      }
      scan();
      if (!finished && active === 0 && next >= cap) scan();
    };
    const after = () => {
      if (finished) return;
      scan();
      if (finished) return;
      progress({ accepted, decided: scanned, simulations });
      if (inner.signal.aborted) {
        if (active === 0) end(null);
        return;
      }
      queueMicrotask(launch);
    };
    progress({ accepted: 0, decided: 0, simulations: 0 });
    launch();
  });
}

function buildPopulation(
  problem: AbcProblem,
  s: AbcSettings,
  g: number,
  tolerance: number,
  prev: Population | null,
  kernel: number[] | null,
  decided: Slot[],
  simulations: number,
): Population {
  const kept = decided.filter((x): x is Extract<Slot, { state: 'accepted' }> => x.state === 'accepted');
  const theta = kept.map((k) => k.theta);
  let logW: number[];
  if (!prev || !kernel) logW = theta.map(() => 0);
  else {
    // w ∝ prior(θ) / Σ_j W_j K(θ | θ_j), in logs for stability.
    logW = theta.map((t) => {
      const lp = problem.priors.reduce((a, p, k) => a + p.logDensity(t[k]), 0);
      const terms = prev.theta.map((tj, j) => {
        let e = Math.log(prev.weights[j]);
        for (let k = 0; k < t.length; k++) e -= 0.5 * ((t[k] - tj[k]) / kernel[k]) ** 2;
        return e;
      });
      return lp - logSumExp(terms);
    });
  }
  const top = Math.max(...logW);
  const raw = logW.map((l) => Math.exp(l - top));
  const sum = raw.reduce((a, b) => a + b, 0);
  const weights = raw.map((w) => w / sum);
  const ess = 1 / weights.reduce((a, w) => a + w * w, 0);
  return {
    generation: g,
    tolerance,
    theta,
    weights,
    distances: kept.map((k) => k.distance),
    stats: kept.map((k) => k.stats),
    proposed: decided.length,
    simulations,
    acceptance: kept.length / decided.length,
    ess,
    elapsedMs: 0,
  };
}

/** Most candidates a generation may decide before it stops for low acceptance. */
export function candidateCap(s: AbcSettings): number {
  return Math.ceil(s.particles / s.minAcceptance);
}

/** The generation that follows `done` (0 when nothing is done), with its tolerance; null when sampling has stopped. */
export function nextGeneration(done: readonly Population[], s: AbcSettings): { generation: number; tolerance: number } | null {
  const prev = done[done.length - 1];
  if (prev && stopReason(prev, s)) return null;
  return { generation: prev ? prev.generation + 1 : 0, tolerance: prev ? nextTolerance(prev, s) : Infinity };
}
