import { describe, expect, it } from 'vitest';
import { METRIC_NAMES } from '../../src/model/metrics.ts';
import { simulate } from '../../src/model/simulate.ts';
import { packRunOutput } from '../../src/runner/pack-run-output.ts';
import { metricAt, metricColumn, metricOf, metricScope, metricSoFar, runValues } from '../../src/runner/run-metrics.ts';
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

  it('carry the model\'s own buffer, one metric\'s years after another: no transposing between the model and its readers', () => {
    expect(out.values).toBe(res.values);
    expect(out.values.length).toBe(METRIC_NAMES.length * out.years);
    METRIC_NAMES.forEach((name, m) => {
      expect(res.metrics[name].buffer).toBe(res.values.buffer);
      expect(Array.from(out.values.subarray(m * out.years, (m + 1) * out.years))).toEqual(Array.from(res.metrics[name]));
    });
  });

  it('refuse a year outside the run, which in this layout would read another metric; a run read while it grows gives NaN past its end', () => {
    expect(() => metricAt(out, out.years, 0)).toThrow(/year 5 is outside the run's 5 years \(0–4\)/);
    expect(() => metricOf(out, 'mean_depth', -1)).toThrow(RangeError);
    expect(() => metricScope(out, out.years, {})).toThrow(RangeError);
    expect(() => metricAt(out, 0, METRIC_NAMES.length)).toThrow(/metric index/);
    expect(Object.is(metricSoFar(out, 'partnerships', 4), res.metrics.partnerships[4])).toBe(true);
    expect(metricSoFar(out, 'partnerships', 5)).toBeNaN();
  });

  it('read back what runValues lays out for made-up runs', () => {
    const made = { years: 3, values: runValues(3, (m, y) => 100 * m + y) };
    for (let m = 0; m < METRIC_NAMES.length; m++) for (let y = 0; y < 3; y++) expect(metricAt(made, y, m)).toBe(100 * m + y);
  });
});
