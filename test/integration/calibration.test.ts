import { describe, it, expect } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import type { MetricName } from '../../src/model/metrics.ts';
import { shipped } from '../helpers/scenario.ts';

/**
 * The status quo against the calibration targets of docs/ODD.md: a 10-seed ensemble of scenarios/baseline.json. Each
 * target must hold in every year 0–19 (ensemble mean of that year), not on average: the
 * status quo is a steady state of the model (spin-up, forgetting, firm turnover), so a
 * target that holds early and drifts out later is a failure.
 */
const YEARS = 20;
describe('baseline calibration (the calibration targets of docs/ODD.md, 10 seeds, every year 0–19)', () => {
  const scenario = shipped('baseline');
  const runs = Array.from({ length: 10 }, (_, i) => simulate(scenario, { seed: i + 1, years: YEARS }));
  /** Ensemble mean of f in year y (NaN values, undefined averages, are skipped). */
  const meanIn = (y: number, f: (r: (typeof runs)[number], y: number) => number) => {
    let s = 0;
    let n = 0;
    for (const r of runs) {
      const v = f(r, y);
      if (Number.isNaN(v)) continue;
      s += v;
      n++;
    }
    return s / n;
  };
  const perYear = (f: (r: (typeof runs)[number], y: number) => number) => Array.from({ length: YEARS }, (_, y) => meanIn(y, f));
  const outside = (values: number[], lo: number, hi: number) =>
    values.flatMap((v, y) => (v >= lo && v <= hi ? [] : [`year ${y}: ${v.toFixed(4)}`]));

  it.each([
    ['coop_firms_loss_share', 0.3, 0.5, 'Ran & Shi 2020: >40% of cooperating firms lose money'],
    ['firms_cooperating_share', 0.1, 0.3, 'BIBB 2012/13: about 1 in 5 firms train'],
    ['intern_output_to_cost', 0.65, 0.8, 'BIBB 2007/2017: 0.76 / 0.69'],
    ['retention_rate', 0.45, 0.75, 'BIBB: 57–60% kept on'],
    ['employment_rate', 0.85, 0.95, 'MyCOS 2017: 92.1%'],
  ] as const)('%s lies in [%s, %s] in every year (%s)', (name: MetricName, lo, hi, _source) => {
    expect(outside(perYear((r, y) => r.metrics[name][y]), lo, hi)).toEqual([]);
  });

  it('at least 60% of cooperating firms are at depth 1 in every year (cooperation is mostly shallow)', () => {
    const share = perYear((r, y) => r.metrics.depth_1_share[y] / r.metrics.firms_cooperating_share[y]);
    expect(outside(share, 0.6, 1)).toEqual([]);
  });

  it('low-tech firms participate less than high-tech firms in every year', () => {
    const low = perYear((r, y) => r.metrics.participation_low_tech[y]);
    const high = perYear((r, y) => r.metrics.participation_high_tech[y]);
    expect(low.flatMap((v, y) => (v < high[y] ? [] : [`year ${y}: ${v.toFixed(3)} ≥ ${high[y].toFixed(3)}`]))).toEqual([]);
  });
});
