/**
 * Direction numbers of S. Joe and F. Y. Kuo (2008, file new-joe-kuo-6.21201) for
 * dimensions 2–32, one row each as `s a m_1 … m_s`. Dimension 1 is van der Corput.
 */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1],
  [2, 1, 1, 3],
  [3, 1, 1, 3, 1],
  [3, 2, 1, 1, 1],
  [4, 1, 1, 1, 3, 3],
  [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17],
  [5, 4, 1, 1, 5, 5, 5],
  [5, 7, 1, 1, 7, 11, 19],
  [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11],
  [5, 14, 1, 3, 5, 5, 31],
  [6, 1, 1, 3, 3, 9, 7, 49],
  [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49],
  [6, 19, 1, 1, 1, 15, 7, 5],
  [6, 22, 1, 3, 1, 15, 13, 25],
  [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103],
  [7, 4, 1, 3, 7, 13, 13, 15, 69],
  [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53],
  [7, 14, 1, 3, 1, 13, 9, 35, 107],
  [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61],
  [7, 28, 1, 3, 5, 3, 3, 13, 69],
  [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59],
  [7, 37, 1, 1, 3, 9, 25, 29, 41],
  [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
];

/** Most dimensions {@link sobolSequence} supports. */
export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;

const BITS = 32;

function directionNumbers(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1); // v[k], k = 1..32, scaled by 2^(32-k)
  if (dim === 0) {
    for (let k = 1; k <= BITS; k++) v[k] = 2 ** (BITS - k);
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dim - 1];
  for (let k = 1; k <= Math.min(s, BITS); k++) v[k] = (m[k - 1] * 2 ** (BITS - k)) >>> 0;
  for (let k = s + 1; k <= BITS; k++) {
    let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x = (x ^ v[k - i]) >>> 0;
    v[k] = x;
  }
  return v;
}

/**
 * The first `count` points (after skipping `skip`) of the `dims`-dimensional Sobol
 * sequence in Gray-code order, each a list of coordinates in [0, 1). Unscrambled, so the
 * points are fixed; point 0 is the origin, which Saltelli designs skip.
 */
export function sobolSequence(dims: number, count: number, skip = 0): number[][] {
  if (!Number.isInteger(dims) || dims < 1 || dims > SOBOL_MAX_DIMENSIONS)
    throw new RangeError(`Sobol sequence: ${dims} dimensions; supported 1–${SOBOL_MAX_DIMENSIONS}`);
  if (skip + count > 2 ** BITS) throw new RangeError(`Sobol sequence: at most 2^${BITS} points`);
  const v = Array.from({ length: dims }, (_, d) => directionNumbers(d));
  const x = new Uint32Array(dims);
  const out: number[][] = [];
  for (let i = 0; i < skip + count; i++) {
    if (i > 0) {
      // Gray code: flip the direction number of the lowest zero bit of i − 1.
      let c = 1;
      let n = i - 1;
      while (n & 1) {
        n = Math.floor(n / 2);
        c++;
      }
      for (let d = 0; d < dims; d++) x[d] = (x[d] ^ v[d][c]) >>> 0;
    }
    if (i >= skip) out.push(Array.from(x, (xi) => xi / 2 ** BITS));
  }
  return out;
}
