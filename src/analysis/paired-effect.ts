import { mean, quantiles } from './quantiles.ts';

/**
 * The effect of a scenario against a baseline run with the same seeds: `baseline[i]` and
 * `current[i]` come from seed i. The effect of each seed is the paired difference, which
 * cancels most of the noise the two runs share.
 */
export interface PairedEffect {
  /** Number of seed pairs. */
  n: number;
  /** Median across seeds of the baseline and of the current value. */
  baseline: number;
  current: number;
  /** Median of the paired differences (current − baseline). */
  difference: number;
  /** Mean of the paired differences. */
  meanDifference: number;
  /** Lower and upper quantile of the paired differences (NaN with fewer than 2 pairs). */
  lo: number;
  hi: number;
  /** The interval's coverage, e.g. 0.9 for the 5%–95% quantiles. */
  level: number;
}

/**
 * Paired comparison of two samples drawn with the same seeds. The interval holds the
 * central `level` share of the per-seed differences (default 90%: 5%–95% quantiles).
 * Pairs with a NaN on either side are skipped. Pure.
 */
export function pairedEffect(baseline: ArrayLike<number>, current: ArrayLike<number>, level = 0.9): PairedEffect {
  if (baseline.length !== current.length)
    throw new RangeError(`paired samples differ in length: ${baseline.length} baseline vs ${current.length} current`);
  const b: number[] = [];
  const c: number[] = [];
  const d: number[] = [];
  for (let i = 0; i < baseline.length; i++) {
    if (Number.isNaN(baseline[i]) || Number.isNaN(current[i])) continue;
    b.push(baseline[i]);
    c.push(current[i]);
    d.push(current[i] - baseline[i]);
  }
  const tail = (1 - level) / 2;
  const [dLo, dMid, dHi] = quantiles(d, [tail, 0.5, 1 - tail]);
  return {
    n: d.length,
    baseline: quantiles(b, [0.5])[0],
    current: quantiles(c, [0.5])[0],
    difference: dMid,
    meanDifference: mean(d),
    lo: d.length >= 2 ? dLo : NaN,
    hi: d.length >= 2 ? dHi : NaN,
    level,
  };
}

/**
 * Cost-effectiveness of a scenario against its baseline with paired seeds: the extra
 * cost summed over seeds divided by the extra outcome summed over seeds (a ratio of
 * means, stable where single seeds have tiny gains). Pairs with an undefined (NaN) value
 * are skipped. NaN when the mean extra outcome is not positive: there is nothing to pay for.
 */
export function costPerExtra(extraCost: ArrayLike<number>, extraOutcome: ArrayLike<number>): number {
  let cost = 0;
  let gain = 0;
  for (let i = 0; i < extraCost.length; i++) {
    if (Number.isNaN(extraCost[i]) || Number.isNaN(extraOutcome[i])) continue;
    cost += extraCost[i];
    gain += extraOutcome[i];
  }
  return gain > 0 ? cost / gain : NaN;
}
