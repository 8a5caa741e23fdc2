import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { explainDecision, ITEMS } from '../../src/index.ts';
import { simulate } from '../../src/model/simulate.ts';
import { shipped } from '../helpers/scenario.ts';

describe('library API', () => {
  it("scripts can `import { simulate, parseScenario } from 'coopsim'`", () => {
    const script = `
      import { simulate, parseScenario, METRIC_NAMES, VERSION } from 'coopsim';
      const s = parseScenario({ years: 3, world: { firms: 200, schools: 5 } });
      if (!s.ok) throw new Error('invalid');
      const r = simulate(s.value, { seed: 7 });
      console.log(JSON.stringify({ years: r.year.length, metrics: METRIC_NAMES.length, depth: r.metrics.mean_depth.length, firms: r.snapshot.firms.n, version: VERSION }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ years: 3, depth: 3, firms: 200 });
    expect(out.metrics).toBeGreaterThan(30);
  });

  it('explains any firm\'s last decision item by item', () => {
    const res = simulate(shipped('baseline'), { seed: 5, years: 5 });
    const reasons = res.snapshot.reasons;
    let checked = 0;
    for (let f = 0; f < res.snapshot.firms.n && checked < 50; f++) {
      if (reasons.year[f] < 0) continue;
      const e = explainDecision(res.snapshot, f);
      expect(Object.keys(e.items)).toEqual([...ITEMS]);
      expect(e.net).toBeCloseTo(Object.values(e.items).reduce((a, b) => a + b, 0), 9);
      if (e.choice === 'stay' || e.choice === 'up' || e.choice === 'down' || e.choice === 'leave') {
        expect(Object.keys(e.options)).toEqual(['leave', 'down', 'stay', 'up']);
        expect(e.fromDepth).toBeGreaterThan(0);
        expect(e.items.internOutput).toBeGreaterThan(0);
      }
      if (e.choice === 'enter') expect(e.toDepth).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBe(50);
    expect(() => explainDecision(res.snapshot, -1)).toThrow(/does not exist/);
  });
});
