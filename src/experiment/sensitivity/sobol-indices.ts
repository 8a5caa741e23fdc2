import { bootstrapInterval, type Interval } from './bootstrap.ts';

/** First-order and total Sobol indices of one factor, with bootstrap intervals. */
export interface SobolFactorIndices {
  /** First-order index S1 (Saltelli et al. 2010 estimator, centred). */
  first: number;
  firstInterval: Interval;
  /** Total index ST (Jansen 1999 estimator). */
  total: number;
  totalInterval: Interval;
}

/** Options of {@link sobolIndices}. */
export interface SobolOptions {
  /** Bootstrap resamples of the base rows (0: no intervals). */
  resamples: number;
  confidence: number;
  uniform: () => number;
}

/**
 * Sobol indices from a Saltelli design: fA[j] = f(A_j), fB[j] = f(B_j), fAB[i][j] =
 * f(AB_i,j) where AB_i is A with column i from B. With V the variance of all f(A) and
 * f(B) values:
 *   S1_i = mean((fB − m) · (fAB_i − fA)) / V      (Saltelli et al. 2010)
 *   ST_i = mean((fA − fAB_i)²) / (2V)              (Jansen 1999)
 * where m is the mean of all f(A) and f(B): centring fB leaves the estimator's
 * expectation unchanged and cuts its variance when the output's mean is large next to
 * its spread. Intervals: percentile bootstrap over the base rows j. Rows with a
 * non-finite value (a failed run) are left out.
 */
export function sobolIndices(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: readonly ArrayLike<number>[],
  options: SobolOptions,
): { factors: SobolFactorIndices[]; variance: number; rows: number } {
  const k = fAB.length;
  const rows: number[] = [];
  for (let j = 0; j < fA.length; j++) {
    let ok = Number.isFinite(fA[j]) && Number.isFinite(fB[j]);
    for (let i = 0; ok && i < k; i++) ok = Number.isFinite(fAB[i][j]);
    if (ok) rows.push(j);
  }
  const all = Int32Array.from(rows.keys());
  const mean = (idx: Int32Array) => {
    let s = 0;
    for (let t = 0; t < idx.length; t++) s += fA[rows[idx[t]]] + fB[rows[idx[t]]];
    return s / (2 * idx.length);
  };
  const variance = (idx: Int32Array) => {
    const m = mean(idx);
    let ss = 0;
    for (let t = 0; t < idx.length; t++) {
      const a = fA[rows[idx[t]]] - m;
      const b = fB[rows[idx[t]]] - m;
      ss += a * a + b * b;
    }
    return ss / (2 * idx.length);
  };
  const first = (i: number) => (idx: Int32Array) => {
    const m = mean(idx);
    let s = 0;
    for (let t = 0; t < idx.length; t++) {
      const j = rows[idx[t]];
      s += (fB[j] - m) * (fAB[i][j] - fA[j]);
    }
    return s / idx.length / variance(idx);
  };
  const total = (i: number) => (idx: Int32Array) => {
    let s = 0;
    for (let t = 0; t < idx.length; t++) {
      const j = rows[idx[t]];
      const d = fA[j] - fAB[i][j];
      s += d * d;
    }
    return s / idx.length / (2 * variance(idx));
  };
  const factors: SobolFactorIndices[] = [];
  for (let i = 0; i < k; i++) {
    factors.push({
      first: rows.length > 0 ? first(i)(all) : NaN,
      firstInterval: bootstrapInterval(rows.length, first(i), options),
      total: rows.length > 0 ? total(i)(all) : NaN,
      totalInterval: bootstrapInterval(rows.length, total(i), options),
    });
  }
  return { factors, variance: rows.length > 0 ? variance(all) : NaN, rows: rows.length };
}
