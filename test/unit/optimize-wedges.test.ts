import { describe, expect, it } from 'vitest';
import { differingLevers, leverWedges } from '../../src/optimize/lever-wedges.ts';
import { createInThreadRunner } from '../../src/runner/in-thread-runner.ts';
import { small } from '../helpers/scenario.ts';

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
