import { describe, it, expect } from 'vitest';
import { buildDesign, designSize } from '../../src/experiment/design/build-design.ts';
import { factorKind, factorQuantile, gridValues, type Factor } from '../../src/experiment/design/factor-values.ts';
import { latinHypercube } from '../../src/experiment/design/latin-hypercube.ts';
import { normalQuantile } from '../../src/experiment/design/normal-quantile.ts';
import { parseExperiment, type Experiment } from '../../src/experiment/parse/parse-experiment.ts';
import { planExperiment } from '../../src/experiment/plan/experiment-plan.ts';
import { createRng, deriveSeed } from '../../src/model/rng.ts';
import { scenarioOf } from '../helpers/scenario.ts';
import type { FactorSpec } from '../../src/experiment/schema/experiment-schema.ts';

const factor = (path: string, spec: FactorSpec): Factor => ({ path, spec, kind: factorKind(spec) });
const experiment = (input: unknown): Experiment => {
  const r = parseExperiment(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('designs', () => {
  it('enumerates a full grid in factor order, the last factor fastest', () => {
    const fs = [factor('a', { from: 0, to: 1, steps: 3 }), factor('b', ['x', 'y'])];
    const d = buildDesign({ type: 'grid' }, fs, 1);
    expect(d.points).toEqual([[0, 'x'], [0, 'y'], [0.5, 'x'], [0.5, 'y'], [1, 'x'], [1, 'y']]);
    expect(designSize({ type: 'grid' }, fs)).toBe(6);
    expect(gridValues(factor('t', { from: 0, to: 0.5, steps: 6 }))).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
  });

  it('stratifies a Latin hypercube: one point per stratum in every dimension', () => {
    const n = 50;
    const pts = latinHypercube(n, 4, createRng(9, 'lhs'));
    for (let d = 0; d < 4; d++) {
      const strata = new Set(pts.map((p) => Math.floor(p[d] * n)));
      expect(strata.size).toBe(n);
    }
  });

  it('maps unit coordinates through each distribution', () => {
    expect(factorQuantile(factor('a', { uniform: [2, 4] }), 0.25)).toBe(2.5);
    expect(factorQuantile(factor('a', { loguniform: [1, 100] }), 0.5)).toBeCloseTo(10, 12);
    expect(factorQuantile(factor('a', { integer: [1, 3] }), 0.999)).toBe(3);
    expect(factorQuantile(factor('a', { integer: [1, 3] }), 0)).toBe(1);
    expect(factorQuantile(factor('a', ['p', 'q', 'r']), 0.5)).toBe('q');
    expect(factorQuantile(factor('a', ['p', 'q', 'r']), 1)).toBe('r');
    expect(factorQuantile(factor('a', { triangular: [0, 0.5, 1] }), 0.5)).toBeCloseTo(0.5, 12);
    expect(factorQuantile(factor('a', { normal: [10, 2] }), 0.975)).toBeCloseTo(10 + 2 * 1.959964, 5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5);
  });

  it('is deterministic from the master seed, and changes with it', () => {
    const input = (seed: number) => ({
      design: { type: 'latin-hypercube', samples: 10 },
      factors: { 'policy.taxRelief': { uniform: [0, 0.5] }, 'policy.law': { uniform: [0, 1] } },
      replications: { count: 2, seed },
    });
    const a = planExperiment(experiment(input(4)));
    const b = planExperiment(experiment(input(4)));
    const c = planExperiment(experiment(input(5)));
    expect(a.design.points).toEqual(b.design.points);
    expect(a.design.points).not.toEqual(c.design.points);
    const m = (seed: number) =>
      planExperiment(experiment({ ...input(seed), design: { type: 'morris', trajectories: 3, levels: 4 } })).design.points;
    expect(m(4)).toEqual(m(4));
    expect(m(4)).not.toEqual(m(5));
  });

  it('numbers runs point by point, with the same seeds deriveSeed(master, r) at every point', () => {
    const plan = planExperiment(
      experiment({ base: { years: 3 }, factors: { 'policy.taxRelief': [0, 0.1, 0.2] }, replications: { count: 4, seed: 99 } }),
    );
    expect(plan.runCount).toBe(12);
    expect(plan.coordinates(6)).toEqual({ runId: 6, point: 1, replicate: 2, seed: deriveSeed(99, 2) });
    // The factor is set on the base with its defaults filled in.
    expect(plan.request(6)).toEqual({ scenario: scenarioOf({ years: 3, policy: { taxRelief: 0.1 } }), seed: deriveSeed(99, 2) });
    expect(plan.runIds({ index: 1, count: 5 })).toEqual([1, 6, 11]);
    expect(plan.runIds()).toHaveLength(12);
  });

  it('sizes Morris as r(k + 1) and Sobol as N(k + 2) points', () => {
    const fs = [factor('a', { uniform: [0, 1] }), factor('b', { uniform: [0, 1] }), factor('c', { uniform: [0, 1] })];
    expect(buildDesign({ type: 'morris', trajectories: 5, levels: 4 }, fs, 1).points).toHaveLength(20);
    expect(buildDesign({ type: 'sobol', samples: 16 }, fs, 1).points).toHaveLength(80);
    expect(designSize({ type: 'sobol', samples: 16 }, fs)).toBe(80);
  });
});
