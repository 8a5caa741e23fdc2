import betaLogpdf from '@stdlib/stats-base-dists-beta-logpdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** A prior as written in a calibration file (exactly one distribution key). */
export type PriorSpec =
  | { uniform: [number, number] }
  | { loguniform: [number, number] }
  | { normal: [number, number] }
  | { beta: [number, number] };

/** A prior ready to use: draws by inverse CDF from a uniform number, and a log density. */
export interface Prior {
  /** How it was written, e.g. `uniform(0.1, 2)`. */
  readonly label: string;
  /** Support (a truncated normal's is the field's range). */
  readonly lower: number;
  readonly upper: number;
  /** The value at probability `u` (0 < u < 1). */
  quantile(u: number): number;
  /** Log density up to a constant; -Infinity outside the support. */
  logDensity(x: number): number;
}

/**
 * Builds a prior over a field whose range is [min, max]: a normal is truncated to it, a
 * beta lives on [0, 1] (the field's range must hold it). Throws with a readable reason
 * when the prior does not fit the field.
 */
export function makePrior(spec: PriorSpec, min: number, max: number): Prior {
  const inRange = (a: number, b: number, what: string) => {
    if (!(a < b)) throw new Error(`${what}: the lower bound ${a} must be below the upper bound ${b}`);
    if (a < min || b > max) throw new Error(`${what} reaches outside the field's range ${min}–${max}`);
  };
  if ('uniform' in spec) {
    const [a, b] = spec.uniform;
    inRange(a, b, `uniform(${a}, ${b})`);
    return {
      label: `uniform(${a}, ${b})`,
      lower: a,
      upper: b,
      quantile: (u) => a + u * (b - a),
      logDensity: (x) => (x >= a && x <= b ? -Math.log(b - a) : -Infinity),
    };
  }
  if ('loguniform' in spec) {
    const [a, b] = spec.loguniform;
    if (!(a > 0)) throw new Error(`loguniform(${a}, ${b}): the lower bound must be above 0`);
    inRange(a, b, `loguniform(${a}, ${b})`);
    const la = Math.log(a);
    const lb = Math.log(b);
    return {
      label: `loguniform(${a}, ${b})`,
      lower: a,
      upper: b,
      quantile: (u) => Math.min(b, Math.max(a, Math.exp(la + u * (lb - la)))),
      logDensity: (x) => (x >= a && x <= b ? -Math.log(x) : -Infinity),
    };
  }
  if ('normal' in spec) {
    const [m, sd] = spec.normal;
    if (!(sd > 0)) throw new Error(`normal(${m}, ${sd}): the standard deviation must be above 0`);
    if (m < min || m > max) throw new Error(`normal(${m}, ${sd}): the mean lies outside the field's range ${min}–${max}`);
    const lo = normalCdf(min, m, sd);
    const hi = normalCdf(max, m, sd);
    if (!(hi - lo > 1e-9)) throw new Error(`normal(${m}, ${sd}) puts no mass on the field's range ${min}–${max}`);
    const truncated = Number.isFinite(min) || Number.isFinite(max);
    return {
      label: `normal(${m}, ${sd})${truncated ? ` truncated to ${min}–${max}` : ''}`,
      lower: min,
      upper: max,
      quantile: (u) => Math.min(max, Math.max(min, normalQuantile(lo + u * (hi - lo), m, sd))),
      logDensity: (x) => (x >= min && x <= max ? -0.5 * ((x - m) / sd) ** 2 : -Infinity),
    };
  }
  const [a, b] = spec.beta;
  if (!(a > 0 && b > 0)) throw new Error(`beta(${a}, ${b}): both shapes must be above 0`);
  if (min > 0 || max < 1) throw new Error(`beta(${a}, ${b}) lives on 0–1, but the field's range is ${min}–${max}; use uniform, loguniform or normal`);
  return {
    label: `beta(${a}, ${b})`,
    lower: 0,
    upper: 1,
    quantile: (u) => betaQuantile(u, a, b),
    logDensity: (x) => (x >= 0 && x <= 1 ? betaLogpdf(x, a, b) : -Infinity),
  };
}
