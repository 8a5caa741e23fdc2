/**
 * Quantile `p` (0–1) of values with weights: the smallest value whose cumulative
 * normalised weight reaches p (the inverse of the weighted empirical CDF). NaN values
 * are skipped; an empty sample gives NaN.
 */
export function weightedQuantile(values: readonly number[], weights: readonly number[], p: number): number {
  const idx = values.map((_, i) => i).filter((i) => !Number.isNaN(values[i]) && weights[i] > 0);
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (const i of idx) total += weights[i];
  let acc = 0;
  for (const i of idx) {
    acc += weights[i] / total;
    if (acc >= p - 1e-12) return values[i];
  }
  return values[idx[idx.length - 1]];
}
