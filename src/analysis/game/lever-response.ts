import { simulate } from '../../model/simulate.ts';
import type { LeverName, Scenario } from '../../model/params/schema.ts';

/** The agent-based model's response to one lever: mean deep share per lever value over paired seeds. */
export interface LeverResponse {
  lever: LeverName;
  values: number[];
  seeds: number[];
  /** Mean over seeds of the share of firms whose deepest partnership is at depth 3 or more, in the last year. */
  deepShare: number[];
  /** Standard deviation over seeds of the same. */
  deepShareSd: number[];
  /** The lever value of the steepest rise: the midpoint of the step with the largest rise per unit of the lever. */
  steepest: number | null;
  /** The rise in deep share over that step. */
  steepestRise: number;
}

/**
 * Runs `scenario` with `lever` held at each of `values` (a constant from year 0), once per
 * seed; the same seeds at every value (paired), so the differences between values are not
 * seed noise. The response's turning point is the midpoint of the step between adjacent
 * values where the mean deep share rises most per unit of the lever (null when it never rises).
 */
export function leverResponse(scenario: Scenario, lever: LeverName, values: readonly number[], seeds: readonly number[]): LeverResponse {
  if (values.length < 2) throw new Error(`${lever}: give at least two lever values to find a rise`);
  for (let i = 1; i < values.length; i++)
    if (!(values[i] > values[i - 1])) throw new Error(`${lever}: lever values must increase (${values[i - 1]} then ${values[i]})`);
  if (seeds.length === 0) throw new Error('give at least one seed');
  const deepShare: number[] = [];
  const deepShareSd: number[] = [];
  for (const v of values) {
    const s: Scenario = { ...scenario, policy: { ...scenario.policy, [lever]: v } };
    const shares = seeds.map((seed) => {
      const m = simulate(s, { seed }).metrics;
      const last = m.depth_3_share.length - 1;
      return m.depth_3_share[last] + m.depth_4_share[last];
    });
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    deepShare.push(mean);
    deepShareSd.push(Math.sqrt(shares.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, shares.length - 1)));
  }
  let steepest: number | null = null;
  let best = 0;
  let steepestRise = 0;
  for (let i = 1; i < values.length; i++) {
    const rise = deepShare[i] - deepShare[i - 1];
    const slope = rise / (values[i] - values[i - 1]);
    if (slope > best) (best = slope), (steepest = (values[i] + values[i - 1]) / 2), (steepestRise = rise);
  }
  return { lever, values: [...values], seeds: [...seeds], deepShare, deepShareSd, steepest, steepestRise };
}
