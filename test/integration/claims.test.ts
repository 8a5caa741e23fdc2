import { describe, it, expect } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import type { MetricName } from '../../src/model/metrics.ts';
import { shipped } from '../helpers/scenario.ts';

/**
 * The seed's claims (MODEL.md §6), each a shipped scenario compared with the baseline
 * on the same seeds (paired), averaged over years 10–19.
 */
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const cache = new Map<string, Record<string, number>>();

function outcome(name: string): Record<string, number> {
  const hit = cache.get(name);
  if (hit) return hit;
  const scenario = shipped(name);
  const acc: Record<string, number> = {};
  for (const seed of SEEDS) {
    const r = simulate(scenario, { seed });
    for (const [metric, col] of Object.entries(r.metrics)) {
      let s = 0;
      for (let y = 10; y < 20; y++) s += col[y];
      acc[metric] = (acc[metric] ?? 0) + s / 10 / SEEDS.length;
    }
  }
  cache.set(name, acc);
  return acc;
}
const effect = (name: string, metric: MetricName) => outcome(name)[metric] - outcome('baseline')[metric];
const deepShare = (name: string) => outcome(name).depth_3_share + outcome(name).depth_4_share;

describe('the seed\'s claims (MODEL.md §6), paired seeds, years 10–19', () => {
  it('1. status quo: shallow, often one-time, friendship-based; firms cold, schools hot', () => {
    const b = outcome('baseline');
    expect(b.depth_1_share / b.firms_cooperating_share).toBeGreaterThan(0.6);
    expect(b.one_year_share).toBeGreaterThan(0.3);
    expect(b.friendship_share).toBeGreaterThan(0.5);
    expect(b.school_willingness).toBeGreaterThan(b.firm_willingness + 0.2);
  });

  it('2. better school conditions draw firms in and deepen cooperation', () => {
    expect(effect('school-conditions', 'firms_cooperating_share')).toBeGreaterThan(0.05);
    expect(effect('school-conditions', 'mean_depth')).toBeGreaterThan(0.2);
  });

  it('3. tax relief alone raises participation; depth follows more where school conditions allow', () => {
    expect(effect('tax-relief', 'firms_cooperating_share')).toBeGreaterThan(0.02);
    const weak = deepShare('tax-relief') - deepShare('baseline');
    const strong = deepShare('tax-relief-strong-schools') - deepShare('school-conditions');
    expect(strong).toBeGreaterThan(weak);
  });

  it('4. law raises retention and trust, but the pay floor raises training costs', () => {
    expect(effect('law', 'retention_rate')).toBeGreaterThan(0.1);
    expect(effect('law', 'mean_trust')).toBeGreaterThan(0.03);
    // Intern output per unit of gross training cost falls as interns must be paid 80% of the wage.
    expect(effect('law', 'intern_output_to_cost')).toBeLessThan(-0.1);
  });

  it('5. groups with regular evaluation cut one-time cooperation and raise depth', () => {
    expect(effect('groups-evaluation', 'one_year_share')).toBeLessThan(-0.03);
    expect(effect('groups-evaluation', 'mean_depth')).toBeGreaterThan(0.08);
  });

  it('6. cheap labour oversupply suppresses low-tech firms\' cooperation', () => {
    expect(effect('cheap-labour-scarce', 'participation_low_tech')).toBeGreaterThan(0.015);
    expect(Math.abs(effect('cheap-labour-scarce', 'participation_high_tech'))).toBeLessThan(
      effect('cheap-labour-scarce', 'participation_low_tech'),
    );
  });

  it('7. the full package has the largest effect, but not the most depth per yuan: the model says why', () => {
    const singles = ['tax-relief', 'law', 'groups-evaluation'];
    const full = effect('full-package', 'deep_partnerships');
    for (const s of singles) expect(full).toBeGreaterThan(effect(s, 'deep_partnerships'));
    expect(effect('full-package', 'firms_cooperating_share')).toBeGreaterThan(effect('tax-relief', 'firms_cooperating_share'));
    expect(effect('full-package', 'one_year_share')).toBeLessThan(effect('groups-evaluation', 'one_year_share'));
    // Per M¥ of fiscal cost the model disagrees with the claim: tax relief alone buys
    // about 12 extra deep partnerships per M¥, the full package about 6. Tax relief pays
    // only certified (depth ≥ 2 contract) partnerships, while the package also pays
    // subsidies for every contract intern and funds colleges, and its law raises intern
    // pay to the 80% floor, which holds depth back (the law alone lowers depth).
    const perYuan = (s: string) => effect(s, 'deep_partnerships') / outcome(s).fiscal_cost;
    expect(perYuan('tax-relief')).toBeGreaterThan(perYuan('full-package'));
    expect(effect('law', 'deep_partnerships')).toBeLessThan(0);
  });
});
