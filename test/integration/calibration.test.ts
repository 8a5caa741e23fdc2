import { describe, it, expect } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import type { MetricName } from '../../src/model/metrics.ts';
import { shipped } from '../helpers/scenario.ts';

/**
 * The status quo against the calibration targets of docs/ODD.md: a 10-seed ensemble of scenarios/baseline.json,
 * each metric averaged over years 0–3 and then over seeds.
 */
describe('baseline calibration (docs/ODD.md, Calibration targets; 10 seeds, years 0–3)', () => {
  const scenario = shipped('baseline');
  const runs = Array.from({ length: 10 }, (_, i) => simulate(scenario, { seed: i + 1 }));
  const mean = (f: (r: (typeof runs)[number], y: number) => number) => {
    let s = 0;
    for (const r of runs) for (let y = 0; y < 4; y++) s += f(r, y);
    return s / (runs.length * 4);
  };
  const m = (name: MetricName) => mean((r, y) => r.metrics[name][y]);

  it.each([
    ['coop_firms_loss_share', 0.3, 0.5, 'Ran & Shi 2020: >40% of cooperating firms lose money'],
    ['firms_cooperating_share', 0.1, 0.3, 'BIBB 2012/13: about 1 in 5 firms train'],
    ['intern_output_to_cost', 0.65, 0.8, 'BIBB 2007/2017: 0.76 / 0.69'],
    ['retention_rate', 0.45, 0.75, 'BIBB: 57–60% kept on'],
    ['employment_rate', 0.85, 0.95, 'MyCOS 2017: 92.1%'],
  ] as const)('%s lies in [%s, %s] (%s)', (name, lo, hi, _source) => {
    const v = m(name);
    expect(v).toBeGreaterThanOrEqual(lo);
    expect(v).toBeLessThanOrEqual(hi);
  });

  it('at least 60% of cooperating firms are at depth 1 (cooperation is mostly shallow)', () => {
    const share = mean((r, y) => r.metrics.depth_1_share[y] / r.metrics.firms_cooperating_share[y]);
    expect(share).toBeGreaterThanOrEqual(0.6);
  });

  it('low-tech firms participate less than high-tech firms', () => {
    expect(m('participation_low_tech')).toBeLessThan(m('participation_high_tech'));
  });
});
