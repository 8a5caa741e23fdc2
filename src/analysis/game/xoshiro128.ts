/**
 * xoshiro128** (Blackman & Vigna 2018, https://prng.di.unimi.it/xoshiro128starstar.c): a
 * 32-bit generator with 128 bits of state, seeded through SplitMix64 as its authors
 * recommend. The game ABM inlines the same step in its sweep loop, with the state in local
 * variables; this module is the reference that loop is tested against.
 */

const MASK64 = (1n << 64n) - 1n;

/**
 * One SplitMix64 step (Steele, Lea & Flood 2014; https://prng.di.unimi.it/splitmix64.c):
 * the next state and the output.
 */
export function splitMix64(state: bigint): { state: bigint; value: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { state: next, value: z ^ (z >> 31n) };
}

/**
 * The xoshiro128** state of stream `stream` (0–255) of the run seeded with `seed` (an
 * unsigned 32-bit integer): two SplitMix64 outputs from `seed · 2^8 + stream`, low word
 * first. SplitMix64 never gives four zero words from one start, so the state is valid.
 */
export function xoshiro128State(seed: number, stream: number): Int32Array {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`seed ${seed} is not an unsigned 32-bit integer`);
  if (!Number.isInteger(stream) || stream < 0 || stream > 255) throw new RangeError(`stream ${stream} is not in 0–255`);
  let state = (BigInt(seed) << 8n) | BigInt(stream);
  const words = new Int32Array(4);
  for (let k = 0; k < 2; k++) {
    const out = splitMix64(state);
    state = out.state;
    words[2 * k] = Number(out.value & 0xffffffffn) | 0;
    words[2 * k + 1] = Number(out.value >> 32n) | 0;
  }
  return words;
}

/**
 * Advances the xoshiro128** state `s` (four 32-bit words) in place and returns the next
 * output as an unsigned 32-bit integer.
 */
export function xoshiro128Next(s: Int32Array): number {
  const m = Math.imul(s[1], 5);
  const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
  const t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = (s[3] << 11) | (s[3] >>> 21);
  return result;
}
