import seedrandom from 'seedrandom';
import { ln } from './portable-math.ts';

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
 * Alea (Johannes Baagøe's generator, as in seedrandom), seeded by seedrandom and then
 * stepped here with exactly its arithmetic, so the draws are the same numbers. The state
 * lives in a Float64Array, not in number fields: V8 boxes a double stored into an object
 * field in a fresh heap number, which made every draw an allocation.
 */
class AleaStream implements Rng {
  /** s0, s1, s2, c of Alea, then the spare normal. */
  private readonly st = new Float64Array(5);
  private hasSpare = false;

  constructor(state: seedrandom.State.Alea) {
    this.st[0] = state.s0;
    this.st[1] = state.s1;
    this.st[2] = state.s2;
    this.st[3] = state.c;
  }

  next(): number {
    const st = this.st;
    const t = 2091639 * st[0] + st[3] * 2.3283064365386963e-10; // 2^-32
    st[0] = st[1];
    st[1] = st[2];
    // Alea's t | 0, as a floor: the same number, since 0 ≤ t < 2091640. The carry c is on
    // the chain from one draw to the next, and flooring keeps it a double, where t | 0
    // went to an integer register and back (about a third of a draw's time).
    const c = Math.floor(t);
    st[3] = c;
    return (st[2] = t - c);
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.st[4];
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * this.next() - 1;
      v = 2 * this.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * ln(s)) / s);
    this.st[4] = v * m;
    this.hasSpare = true;
    return u * m;
  }
}

/**
 * Creates the random stream `name` of a run seeded with `seed`.
 *
 * Each phase draws from its own named stream, so adding draws to one phase never
 * shifts the draws of another, and a run depends only on (scenario, seed).
 */
export function createRng(seed: number | string, name: string): Rng {
  return new AleaStream(seedrandom.alea(`coopsim:${seed}:${name}`, { state: true }).state());
}

/** Derives the seed of replicate `index` from a master seed, independent of run order. */
export function deriveSeed(master: number, index: number): number {
  const gen = seedrandom.alea(`coopsim-seed:${master}:${index}`);
  return gen.int32() >>> 0;
}
