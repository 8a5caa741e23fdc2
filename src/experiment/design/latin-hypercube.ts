import type { Rng } from '../../model/rng.ts';

/**
 * A Latin hypercube sample: `n` points in [0, 1)^dims such that each dimension has
 * exactly one point in each of its n equal strata. Deterministic for a given stream.
 */
export function latinHypercube(n: number, dims: number, rng: Rng): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(dims).fill(0));
  const perm = new Array<number>(n);
  for (let d = 0; d < dims; d++) {
    for (let i = 0; i < n; i++) perm[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    for (let i = 0; i < n; i++) points[i][d] = (perm[i] + rng.next()) / n;
  }
  return points;
}
