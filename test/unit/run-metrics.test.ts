import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/model/metrics.ts';
import { simulate } from '../../src/model/simulate.ts';
import { packRunOutput } from '../../src/runner/pack-run-output.ts';
import { metricAt, metricColumn, metricOf, metricScope } from '../../src/runner/run-metrics.ts';
import { small } from '../helpers/scenario.ts';

describe('run-output accessors', () => {
  const res = simulate(small({ years: 5 }), { seed: 3 });
  const out = packRunOutput(res);

  it('read back, bit for bit, the columns the model produced', () => {
    METRIC_NAMES.forEach((name, m) => {
      expect(Array.from(metricColumn(out, m))).toEqual(Array.from(res.metrics[name]));
      for (let y = 0; y < out.years; y++) {
        expect(Object.is(metricAt(out, y, m), res.metrics[name][y])).toBe(true);
        expect(Object.is(metricOf(out, name, y), res.metrics[name][y])).toBe(true);
      }
    });
  });

  it('give a year as the named variables of an expression', () => {
    const scope = metricScope(out, 2, {});
    expect(Object.keys(scope)).toEqual([...METRIC_NAMES]);
    for (const name of METRIC_NAMES) expect(Object.is(scope[name], res.metrics[name][2])).toBe(true);
  });

  it('tell the years apart (a reader that mixed up year and metric would fail here)', () => {
    const varying = METRIC_NAMES.findIndex((name) => new Set(res.metrics[name]).size > 1);
    expect(varying).toBeGreaterThanOrEqual(0);
    expect(metricAt(out, 0, varying)).not.toBe(metricAt(out, out.years - 1, varying));
  });
});
