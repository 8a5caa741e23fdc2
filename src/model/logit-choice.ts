import { exp } from './portable-math.ts';
import type { Rng } from './rng.ts';

/**
 * Draws one of the first `n` options with probability e^{u_i} / Σ_j e^{u_j} (a logit
 * choice) and returns its index; an option with utility −∞ is never drawn. On return `u`
 * holds the weights e^{u_i − max u}, so u[i] / Σ u is option i's probability. One uniform
 * draw from `rng`.
 *
 * The utilities go in as an array and the choice comes out as an integer, with a single
 * call of exp in a loop: V8 then inlines this whole, or calls it without boxing a double.
 */
export function logitChoice(u: Float64Array, n: number, rng: Rng): number {
  let top = u[0];
  for (let i = 1; i < n; i++) top = Math.max(top, u[i]);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const e = exp(u[i] - top);
    u[i] = e;
    total += e;
  }
  const x = rng.next() * total;
  let below = 0;
  for (let i = 0; i < n - 1; i++) {
    below += u[i];
    if (x < below) return i;
  }
  return n - 1;
}
