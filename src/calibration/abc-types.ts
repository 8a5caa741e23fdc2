import type { Prior } from './priors.ts';

/** What ABC-SMC needs of a problem: priors, a simulator and a distance to the data. */
export interface AbcProblem {
  /** One prior per parameter, in parameter order. */
  readonly priors: readonly Prior[];
  /** Summary statistics of one simulation of `theta` with these seeds (NaN = undefined). */
  simulate(theta: readonly number[], seeds: readonly number[], signal: AbortSignal): Promise<number[]>;
  /** Distance of summary statistics to the data (Infinity when they cannot be compared). */
  distance(stats: readonly number[]): number;
}

/** Settings of the sampler (the `method` of a calibration file). */
export interface AbcSettings {
  particles: number;
  /** Most generations (generation 0 samples the prior). */
  generations: number;
  /** Stop once the tolerance is at or below this; null: run every generation. */
  finalTolerance: number | null;
  seedsPerParticle: number;
  /** Master seed: every draw of generation g, candidate i comes from (seed, g, i). */
  seed: number;
  /** Next tolerance = this quantile of the current population's distances. */
  quantile: number;
  /** Stop when a generation's acceptance rate would fall below this. */
  minAcceptance: number;
}

/** One generation's weighted population. */
export interface Population {
  generation: number;
  /** Tolerance the particles met (Infinity for generation 0). */
  tolerance: number;
  /** Parameter vectors, one per particle. */
  theta: number[][];
  /** Normalised importance weights. */
  weights: number[];
  distances: number[];
  /** Each particle's summary statistics (posterior predictive draws). */
  stats: number[][];
  /** Candidates decided to reach the population (accepted + rejected). */
  proposed: number;
  /** Simulations run (candidates × seeds, including runs of candidates beyond the last needed). */
  simulations: number;
  acceptance: number;
  /** Effective sample size of the weights. */
  ess: number;
  elapsedMs: number;
}

/** Progress within a generation. */
export interface AbcProgress {
  generation: number;
  generations: number;
  tolerance: number;
  accepted: number;
  particles: number;
  proposed: number;
  /** Accepted over decided so far in this generation. */
  acceptance: number;
  /** Simulations started in this call. */
  simulations: number;
  elapsedMs: number;
  /** Rough time to go: this generation's projection, repeated for the generations left. */
  etaMs: number | null;
}

/** Why sampling ended. */
export type StopReason = 'generations' | 'tolerance' | 'acceptance' | 'paused';

/** Options of {@link abcSmc}. */
export interface AbcRunOptions {
  /** Candidates in flight at once (the runner's concurrency and some). */
  concurrency: number;
  /** Finished generations to continue from (resume); they are kept as they are. */
  done?: readonly Population[];
  onProgress?: (p: AbcProgress) => void;
  /** Called with every finished generation (to save it before the next starts). */
  onGeneration?: (p: Population) => void | Promise<void>;
  signal?: AbortSignal;
  /** Finish at most this many new generations, then stop with 'paused' (one step of a job chain). */
  maxNewGenerations?: number;
  /** Statistics of candidates of a generation already simulated elsewhere (shards), by candidate number. */
  precomputed?: (generation: number) => ReadonlyMap<number, { theta: readonly number[]; stats: number[] }>;
}

/** What {@link abcSmc} returns. */
export interface AbcResult {
  populations: Population[];
  stopped: StopReason;
}

/** Raised when sampling is aborted through its signal; finished generations are kept. */
export class CalibrationAbortedError extends Error {
  readonly populations: Population[];
  constructor(populations: Population[]) {
    super(`calibration aborted after ${populations.length} finished generation${populations.length === 1 ? '' : 's'}`);
    this.name = 'CalibrationAbortedError';
    this.populations = populations;
  }
}
