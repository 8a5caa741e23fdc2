import { sobolSequence } from './sobol-sequence.ts';

/**
 * Saltelli's sampling scheme for first-order and total Sobol indices (Saltelli et al.
 * 2010): base matrices A and B (N × k) from the first and last k dimensions of a
 * 2k-dimensional Sobol sequence (its origin skipped), and for each factor i the matrix
 * AB_i = A with column i taken from B. Points come in blocks of k + 2 per base row j:
 * A_j, AB_1j … AB_kj, B_j (the layout SALib uses).
 */
export function saltelliDesign(samples: number, k: number): number[][] {
  const base = sobolSequence(2 * k, samples, 1);
  const out: number[][] = [];
  for (const row of base) {
    const a = row.slice(0, k);
    const b = row.slice(k);
    out.push(a);
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      out.push(ab);
    }
    out.push(b);
  }
  return out;
}

/** Index of a Saltelli design point: base row j, and its role (A, AB_i, or B). */
export function saltelliIndex(j: number, k: number, role: 'A' | 'B' | number): number {
  const block = j * (k + 2);
  return role === 'A' ? block : role === 'B' ? block + k + 1 : block + 1 + role;
}

/** Outputs of a Saltelli design split into its matrices: f(A), f(B) and f(AB_i) per factor. */
export function saltelliBlocks(y: ArrayLike<number>, N: number, k: number): { fA: Float64Array; fB: Float64Array; fAB: Float64Array[] } {
  const fA = new Float64Array(N);
  const fB = new Float64Array(N);
  const fAB = Array.from({ length: k }, () => new Float64Array(N));
  for (let j = 0; j < N; j++) {
    fA[j] = y[saltelliIndex(j, k, 'A')];
    fB[j] = y[saltelliIndex(j, k, 'B')];
    for (let i = 0; i < k; i++) fAB[i][j] = y[saltelliIndex(j, k, i)];
  }
  return { fA, fB, fAB };
}
