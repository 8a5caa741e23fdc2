import { describe, expect, it } from 'vitest';
import { judgeClaims, signTest } from '../../src/studies/claims/check-claims.ts';
import type { ClaimDefinition } from '../../src/studies/claims/claim-definitions.ts';
import type { Ensemble } from '../../src/studies/claims/run-ensemble.ts';
import { METRIC_INDEX } from '../../src/model/metrics.ts';
import { runValues } from '../../src/runner/run-metrics.ts';
import { assumedParameters, scaledValue } from '../../src/studies/robustness/assumed-parameters.ts';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';

/** An ensemble whose mean_depth in `scenario` is `f(seed)` in every year. */
function ensemble(values: Record<string, (seed: number) => number>, seeds = 20, years = 20): Ensemble {
  const out: Record<string, Float64Array[]> = {};
  const ys: Record<string, number> = {};
  for (const [name, f] of Object.entries(values)) {
    ys[name] = years;
    out[name] = Array.from({ length: seeds }, (_, i) => runValues(years, (m) => (m === METRIC_INDEX.mean_depth ? f(i + 1) : 0)));
  }
  return { seeds: Array.from({ length: seeds }, (_, i) => i + 1), years: ys, values: out };
}

const claim: ClaimDefinition = {
  id: 9,
  claim: 'b is deeper than a',
  criteria: [{ test: 'mean_depth: b − a > 0', scenarios: ['a', 'b'], metrics: ['mean_depth'], sign: 1, pair: (r) => [r('a', 'mean_depth'), r('b', 'mean_depth')] }],
};

describe('claims verdicts', () => {
  it('the sign test is the binomial upper tail: 15 of 20 gives p ≈ 0.0207, 14 of 20 p ≈ 0.0577', () => {
    expect(signTest(15, 20)).toBeCloseTo(0.020695, 5);
    expect(signTest(14, 20)).toBeCloseTo(0.057659, 5);
    expect(signTest(0, 5)).toBe(1);
  });

  it('a consistent effect holds; a reversed one fails; a coin-toss one fails though its median is positive', () => {
    expect(judgeClaims(ensemble({ a: () => 1, b: (s) => 1.1 + s / 100 }), [claim]).claims[0].verdict).toBe('holds');
    expect(judgeClaims(ensemble({ a: () => 1, b: () => 0.9 }), [claim]).claims[0].verdict).toBe('fails');
    // 11 of 20 seeds up, 9 down: median positive, sign test p ≈ 0.41.
    const r = judgeClaims(ensemble({ a: () => 1, b: (s) => (s <= 11 ? 1.01 : 0.99) }), [claim]).claims[0];
    expect(r.criteria[0].years[0].effect.difference).toBeGreaterThan(0);
    expect(r.verdict).toBe('fails');
  });

  it('undefined values (NaN) are left out, not read as zero', () => {
    const r = judgeClaims(ensemble({ a: () => 1, b: (s) => (s % 2 ? NaN : 1.2) }), [claim]).claims[0];
    expect(r.criteria[0].years[0].effect.n).toBe(10);
    expect(r.criteria[0].years[0].effect.difference).toBeCloseTo(0.2, 12);
  });

  it('is judged at years 5, 10 and the last year, and says "holds by construction" with the formula', () => {
    const fixed: ClaimDefinition = { ...claim, criteria: [{ ...claim.criteria[0], byConstruction: 'depth_b = depth_a + 0.1' }] };
    const r = judgeClaims(ensemble({ a: () => 1, b: () => 1.1 }, 20, 30), [fixed]);
    expect(r.years).toEqual([5, 10, 29]);
    expect(r.claims[0].verdict).toBe('holds by construction');
  });
});

describe('assumed parameters', () => {
  it('are every schema field documented as an assumption, except the horizon', () => {
    const described: string[] = [];
    JSON.stringify(scenarioJsonSchema(), (k, v) => {
      if (k === 'description' && typeof v === 'string' && v.startsWith('assumption:')) described.push(v);
      return v;
    });
    const params = assumedParameters();
    expect(params.length).toBe(described.length - 1);
    expect(params.map((p) => p.path)).toContain('behaviour.attitudeForgetting');
    expect(params.map((p) => p.path)).toContain('economics.interns');
    expect(params.map((p) => p.path)).not.toContain('years');
    for (const p of params) expect(p.description).toMatch(/^assumption:/);
  });

  it('are scaled within their range, integers rounded, and a value that does not move is skipped', () => {
    const byPath = Object.fromEntries(assumedParameters().map((p) => [p.path, p]));
    expect(scaledValue(byPath['schools.facilities'], 0.8, 1.5)).toBe(1);
    expect(scaledValue(byPath['world.regions'], 4, 1.5)).toBe(6);
    expect(scaledValue(byPath['labour.cheapLabourTrend'], 0, 1.5)).toBeUndefined();
    expect(scaledValue(byPath['economics.interns'], [2, 4, 6, 8], 0.5)).toEqual([1, 2, 3, 4]);
  });
});
