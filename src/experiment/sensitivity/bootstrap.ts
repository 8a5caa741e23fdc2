/** A percentile bootstrap interval. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile interval of `statistic` over `resamples` bootstrap resamples of n items
 * (indices drawn with replacement by `uniform`, a function returning numbers in [0, 1)).
 * Resamples whose statistic is not finite are left out.
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: Int32Array) => number,
  options: { resamples: number; confidence: number; uniform: () => number },
): Interval {
  if (n === 0 || options.resamples <= 0) return { low: NaN, high: NaN };
  const values: number[] = [];
  const idx = new Int32Array(n);
  for (let b = 0; b < options.resamples; b++) {
    for (let i = 0; i < n; i++) idx[i] = Math.floor(options.uniform() * n);
    const v = statistic(idx);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length === 0) return { low: NaN, high: NaN };
  values.sort((a, b) => a - b);
  const alpha = (1 - options.confidence) / 2;
  return { low: quantileSorted(values, alpha), high: quantileSorted(values, 1 - alpha) };
}

/** Linear-interpolation quantile of sorted values (type 7, as R and numpy default). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
