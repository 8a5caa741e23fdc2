import type { ReplicatorGame } from './replicator-game.ts';
import { reportTimes } from './report-times.ts';
import { xoshiro128State } from './xoshiro128.ts';

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

/** 2^32, to turn an unsigned 32-bit draw into a share of [0, 1). */
const TWO_32 = 4294967296;

/**
 * Simulates one run of the imitation game (see {@link runGameAbm} for the rules) and writes
 * the share of deep players of population i at report time k to
 * `out[offset + i·times + k]`, where `times` is the number of report times
 * (`reportTimes(tmax)`). Population i draws from xoshiro128** stream i of `seed`.
 */
export function simulateGameAbm(game: ReplicatorGame, options: GameAbmOptions, seed: number, out: Float64Array, offset = 0): void {
  const n = options.agents;
  const M = options.sweepsPerUnit ?? 10;
  const dim = game.dim;
  const times = reportTimes(options.tmax);
  const T = times.length;
  const state = new Int32Array(4 * dim);
  for (let i = 0; i < dim; i++) state.set(xoshiro128State(seed, i), 4 * i);
  let cur = new Uint8Array(dim * n);
  let nxt = new Uint8Array(dim * n);
  const deep = new Float64Array(dim);
  for (let i = 0; i < dim; i++) {
    const k = Math.round(options.start[i] * n);
    cur.fill(1, i * n, i * n + k);
    deep[i] = k;
  }
  const p = new Float64Array(dim);
  const gain = new Float64Array(dim);
  let sweep = 0;
  for (let k = 0; k < T; k++) {
    const target = Math.round(times[k] * M);
    for (; sweep < target; sweep++) {
      for (let i = 0; i < dim; i++) p[i] = deep[i] / n;
      game.gains(p, gain);
      for (let i = 0; i < dim; i++) {
        // Draws below these copy the peer: probability max(±gain, 0)/M, clipped to 1.
        const toDeep = gain[i] > 0 ? Math.min(1, gain[i] / M) * TWO_32 : 0;
        const toShallow = gain[i] < 0 ? Math.min(1, -gain[i] / M) * TWO_32 : 0;
        deep[i] = sweepPopulation(cur, nxt, i * n, n, toDeep, toShallow, state, 4 * i);
      }
      const t = cur;
      cur = nxt;
      nxt = t;
    }
    for (let i = 0; i < dim; i++) out[offset + i * T + k] = deep[i] / n;
  }
}

/**
 * One synchronous sweep of the population in `cur[off … off+n)`, written to `nxt`; returns
 * the new number of deep agents. Every agent takes two draws, the peer `⌊draw·n/2^32⌋` (bias
 * below n/2^32) and the imitation draw, whether or not the peer differs: a branch on that
 * coin-flip cost more than the draw. The xoshiro128** step (xoshiro128.ts) is written out
 * here, twice, with its state in local variables: a call per draw, or state kept in the
 * array, costs more than the rest of the loop.
 */
function sweepPopulation(
  cur: Uint8Array,
  nxt: Uint8Array,
  off: number,
  n: number,
  toDeep: number,
  toShallow: number,
  state: Int32Array,
  so: number,
): number {
  let s0 = state[so];
  let s1 = state[so + 1];
  let s2 = state[so + 2];
  let s3 = state[so + 3];
  // Indexed by peer − mine + 1: copying shallow, nothing to copy, copying deep.
  const thr = THRESHOLDS;
  thr[0] = toShallow;
  thr[1] = 0;
  thr[2] = toDeep;
  let count = 0;
  for (let a = 0; a < n; a++) {
    let m = Math.imul(s1, 5);
    const r1 = Math.imul((m << 7) | (m >>> 25), 9);
    let t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    m = Math.imul(s1, 5);
    const r2 = Math.imul((m << 7) | (m >>> 25), 9);
    t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const peer = cur[off + ((((r1 >>> 0) * n) / TWO_32) | 0)];
    const mine = cur[off + a];
    const s = r2 >>> 0 < thr[peer - mine + 1] ? peer : mine;
    nxt[off + a] = s;
    count += s;
  }
  state[so] = s0;
  state[so + 1] = s1;
  state[so + 2] = s2;
  state[so + 3] = s3;
  return count;
}

const THRESHOLDS = new Float64Array(3);
