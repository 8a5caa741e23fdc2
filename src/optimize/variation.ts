/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** Bounds of the decision variables. */
export interface Bounds {
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

/**
 * Simulated binary crossover (Deb & Agrawal 1995), in the bounded form of Deb's NSGA-II
 * code: each variable is crossed with probability 0.5, with spread index `eta`. Returns
 * two children.
 */
export function sbxCrossover(a: readonly number[], b: readonly number[], bounds: Bounds, eta: number, rng: Uniform): [number[], number[]] {
  const c1 = a.slice();
  const c2 = b.slice();
  for (let i = 0; i < a.length; i++) {
    // Every variable draws the same number of values, so the stream never depends on the data.
    const u0 = rng();
    const u = rng();
    const swap = rng();
    if (u0 > 0.5) continue;
    const lo = bounds.lower[i];
    const hi = bounds.upper[i];
    if (Math.abs(a[i] - b[i]) <= 1e-14 || hi <= lo) continue;
    const y1 = Math.min(a[i], b[i]);
    const y2 = Math.max(a[i], b[i]);
    const spread = (beta: number) => {
      const alpha = 2 - Math.pow(beta, -(eta + 1));
      return u <= 1 / alpha ? Math.pow(u * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    };
    const bq1 = spread(1 + (2 * (y1 - lo)) / (y2 - y1));
    const bq2 = spread(1 + (2 * (hi - y2)) / (y2 - y1));
    let x1 = clamp(0.5 * (y1 + y2 - bq1 * (y2 - y1)), lo, hi);
    let x2 = clamp(0.5 * (y1 + y2 + bq2 * (y2 - y1)), lo, hi);
    if (swap < 0.5) [x1, x2] = [x2, x1];
    c1[i] = x1;
    c2[i] = x2;
  }
  return [c1, c2];
}

/**
 * Polynomial mutation (Deb & Goyal 1996), bounded form: each variable mutates with
 * probability `rate`, with distribution index `eta`. Changes `x` in place.
 */
export function polynomialMutation(x: number[], bounds: Bounds, eta: number, rate: number, rng: Uniform): void {
  for (let i = 0; i < x.length; i++) {
    const hit = rng();
    const u = rng();
    if (hit >= rate) continue;
    const lo = bounds.lower[i];
    const hi = bounds.upper[i];
    if (hi <= lo) continue;
    const d1 = (x[i] - lo) / (hi - lo);
    const d2 = (hi - x[i]) / (hi - lo);
    const power = 1 / (eta + 1);
    let dq: number;
    if (u < 0.5) {
      const v = 2 * u + (1 - 2 * u) * Math.pow(1 - d1, eta + 1);
      dq = Math.pow(v, power) - 1;
    } else {
      const v = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - d2, eta + 1);
      dq = 1 - Math.pow(v, power);
    }
    x[i] = clamp(x[i] + dq * (hi - lo), lo, hi);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
