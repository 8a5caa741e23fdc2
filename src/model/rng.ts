import seedrandom from 'seedrandom';
import { ln } from './det-math.ts';

/** A seeded uniform random stream with the draws the model needs. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Marsaglia polar method; deterministic math only). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

/**
 * Creates the random stream `name` of a run seeded with `seed`.
 *
 * Each phase draws from its own named stream, so adding draws to one phase never
 * shifts the draws of another, and a run depends only on (scenario, seed).
 */
export function createRng(seed: number | string, name: string): Rng {
  const gen = seedrandom.alea(`coopsim:${seed}:${name}`);
  let spare = NaN;
  const next = (): number => gen();
  return {
    next,
    int: (n: number) => Math.floor(gen() * n),
    chance: (p: number) => gen() < p,
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      let u = 0;
      let v = 0;
      let s = 0;
      do {
        u = 2 * gen() - 1;
        v = 2 * gen() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * ln(s)) / s);
      spare = v * m;
      return u * m;
    },
  };
}

/** Derives the seed of replicate `index` from a master seed, independent of run order. */
export function deriveSeed(master: number, index: number): number {
  const gen = seedrandom.alea(`coopsim-seed:${master}:${index}`);
  return gen.int32() >>> 0;
}
