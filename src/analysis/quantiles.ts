/**
 * Quantile of a sample by linear interpolation between order statistics (type 7, the
 * default of R and NumPy). `p` in 0–1. NaN values are ignored; an empty sample gives NaN.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = sortedFinite(values);
  return quantileSorted(sorted, p);
}

/** {@link quantile} of an already sorted array without NaNs. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (n === 1) return sorted[0];
  const h = (n - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Several quantiles of one sample at once (sorts once). */
export function quantiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = sortedFinite(values);
  return ps.map((p) => quantileSorted(sorted, p));
}

/** Mean of the non-NaN values; NaN for an empty sample. */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  return n === 0 ? NaN : sum / n;
}

function sortedFinite(values: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** Per-year quantile bands of an ensemble: `runs[r][t]` is run r's value in year t. */
export interface Band {
  lo: Float64Array;
  mid: Float64Array;
  hi: Float64Array;
  mean: Float64Array;
}

/**
 * Median and `lo`/`hi` quantiles (default 10% and 90%) across runs for every year of
 * an ensemble of series of equal length.
 */
export function ensembleBand(runs: readonly ArrayLike<number>[], lo = 0.1, hi = 0.9): Band {
  const years = runs.length === 0 ? 0 : runs[0].length;
  const out: Band = {
    lo: new Float64Array(years),
    mid: new Float64Array(years),
    hi: new Float64Array(years),
    mean: new Float64Array(years),
  };
  const column = new Float64Array(runs.length);
  for (let t = 0; t < years; t++) {
    for (let r = 0; r < runs.length; r++) column[r] = runs[r][t];
    const [a, m, b] = quantiles(column, [lo, 0.5, hi]);
    out.lo[t] = a;
    out.mid[t] = m;
    out.hi[t] = b;
    out.mean[t] = mean(column);
  }
  return out;
}
