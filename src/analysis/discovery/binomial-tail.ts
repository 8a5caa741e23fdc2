/**
 * P(X ≥ k) for X ~ Binomial(n, p): the one-sided binomial test of k successes in n
 * trials against the rate p. Summed exactly term by term in log space (n is a count
 * of runs, so the O(n) sum is cheap and needs no incomplete beta function).
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) throw new RangeError(`binomialUpperTail: k and n must be whole numbers with n ≥ 0, got k=${k}, n=${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomialUpperTail: p must be in 0–1, got ${p}`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  // log C(n, j) built up from log C(n, k) so no factorial of n is ever formed.
  let logC = 0;
  for (let j = 1; j <= k; j++) logC += Math.log((n - k + j) / j);
  const terms: number[] = [];
  for (let j = k; j <= n; j++) {
    terms.push(logC + j * lp + (n - j) * lq);
    logC += Math.log((n - j) / (j + 1));
  }
  const top = Math.max(...terms);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - top);
  return Math.min(1, Math.exp(top) * sum);
}
