import { describe, expect, it } from 'vitest';
import { differingLevers, leverWedges } from '../../src/optimize/lever-wedges.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';
import { small } from '../helpers/scenario.ts';
import { METRIC_COUNT } from '../../src/model/metrics.ts';
import type { Scenario } from '../../src/model/params/schema.ts';
import type { Runner } from '../../src/runner/runner.ts';

const runner = createInThreadRunner();
const baseline = small({ years: 6 });
const opts = { runner, seeds: 4, seed: 3, metrics: ['deep_partnerships', 'fiscal_cost'] as const };

describe('lever wedges', () => {
  it('finds the levers a package changes', () => {
    expect(differingLevers(small({ years: 6, policy: { groups: 0.8, taxRelief: 0.5 } }), baseline)).toEqual(['taxRelief', 'groups']);
    expect(differingLevers(baseline, baseline)).toEqual([]);
  });

  it('with one lever, leaving it out and adding it alone are the whole effect, and nothing remains', async () => {
    const r = await leverWedges(small({ years: 6, policy: { taxRelief: 0.6 } }), baseline, { ...opts, metrics: ['fiscal_cost'] });
    const [total, out, only, rest] = r.wedges;
    expect([total.kind, out.kind, only.kind, rest.kind]).toEqual(['total', 'leave_out', 'add_in', 'remainder']);
    expect(total.effect.difference).toBeGreaterThan(0); // tax relief costs money
    expect(out.effect).toEqual(total.effect);
    expect(only.effect).toEqual(total.effect);
    expect(rest.effect.meanDifference).toBe(0);
  });

  it('the single-lever effects and the remainder add up to the total (in means, which add)', async () => {
    const r = await leverWedges(small({ years: 6, policy: { groups: 0.8, taxRelief: 0.5, dataPlatform: 1 } }), baseline, opts);
    expect(r.levers).toEqual(['taxRelief', 'groups', 'dataPlatform']);
    for (const metric of opts.metrics) {
      const w = r.wedges.filter((x) => x.metric === metric);
      const total = w.find((x) => x.kind === 'total')!.effect.meanDifference;
      const parts = w.filter((x) => x.kind === 'add_in' || x.kind === 'remainder').reduce((s, x) => s + x.effect.meanDifference, 0);
      expect(parts).toBeCloseTo(total, 9);
      expect(w.filter((x) => x.kind === 'leave_out')).toHaveLength(3);
    }
  });
});

/**
 * A stand-in model whose every output in every year is a known function of two levers and
 * one calibrated parameter: v = 2·taxRelief + 3·groups + 5·taxRelief·groups·choiceNoise.
 * Its decomposition is known in closed form, so the draws' part in it can be checked.
 */
function standInRunner(): Runner & { seen: { seed: number; noise: number }[] } {
  const seen: { seed: number; noise: number }[] = [];
  return {
    concurrency: 1,
    seen,
    async run(req) {
      const s = req.scenario as Scenario;
      const [a, b, c] = [s.policy.taxRelief, s.policy.groups, s.behaviour.choiceNoise] as number[];
      seen.push({ seed: req.seed, noise: c });
      const years = req.years ?? s.years;
      const v = 2 * a + 3 * b + 5 * a * b * c;
      return { seed: req.seed, years, values: new Float64Array(years * METRIC_COUNT).fill(v), initial: new Float64Array(METRIC_COUNT) };
    },
    close: async () => {},
  };
}

describe('lever wedges with parameter sets drawn per pair', () => {
  const pkg = small({ years: 3, policy: { taxRelief: 0.5, groups: 0.8 } });
  const base = small({ years: 3, policy: { groups: 0 } });
  const draws = [0.5, 1, 2, 4].map((noise) => ({ 'behaviour.choiceNoise': noise }));

  it('pair i runs every sub-scenario with parameter set i, and the parts follow the closed form', async () => {
    const runner = standInRunner();
    const r = await leverWedges(pkg, base, { runner, seeds: 4, seed: 7, metrics: ['mean_depth'], draws });
    // 6 sub-scenarios × 4 pairs, each pair's runs with its own parameter value.
    expect(runner.seen).toHaveLength(24);
    r.seeds.forEach((seed, i) => expect(new Set(runner.seen.filter((x) => x.seed === seed).map((x) => x.noise))).toEqual(new Set([draws[i]['behaviour.choiceNoise']])));
    const get = (kind: string, lever: string | null) => r.wedges.find((w) => w.kind === kind && w.lever === lever)!.effect;
    // Interaction 5·a·b·c = 2·c per pair: remainder and the lever's extra given the other both carry it.
    expect(get('remainder', null).meanDifference).toBeCloseTo(2 * 1.875, 12);
    expect([get('remainder', null).lo, get('remainder', null).hi]).toEqual([expect.closeTo(2 * (0.5 + 0.15 * 0.5), 12), expect.closeTo(2 * (2 + 0.85 * 2), 12)]);
    expect(get('add_in', 'taxRelief').meanDifference).toBeCloseTo(1, 12);
    expect(get('add_in', 'taxRelief').hi - get('add_in', 'taxRelief').lo).toBeCloseTo(0, 12);
    expect(get('leave_out', 'taxRelief').meanDifference).toBeCloseTo(1 + 2 * 1.875, 12);
    expect(get('total', null).meanDifference).toBeCloseTo(1 + 2.4 + 2 * 1.875, 12);
  });

  it('without draws every pair keeps the default parameter, so the intervals have no width', async () => {
    const runner = standInRunner();
    const r = await leverWedges(pkg, base, { runner, seeds: 4, seed: 7, metrics: ['mean_depth'] });
    const rest = r.wedges.find((w) => w.kind === 'remainder')!.effect;
    expect(rest.meanDifference).toBeCloseTo(2 * base.behaviour.choiceNoise, 12);
    expect(rest.hi - rest.lo).toBeCloseTo(0, 12);
  });

  it('asks for one parameter set per seed', async () => {
    await expect(leverWedges(pkg, base, { runner: standInRunner(), seeds: 3, seed: 7, metrics: ['mean_depth'], draws })).rejects.toThrow(/4 parameter sets for 3 seeds/);
  });
});
