import { describe, it, expect } from 'vitest';
import { morrisIndices } from '../../src/experiment/sensitivity/morris-indices.ts';
import { sobolIndices } from '../../src/experiment/sensitivity/sobol-indices.ts';
import { morrisDesign } from '../../src/experiment/design/morris-design.ts';
import { saltelliBlocks, saltelliDesign } from '../../src/experiment/design/saltelli-design.ts';
import { createRng } from '../../src/model/rng.ts';

const ishigami = (x: number[]) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);

function sobolOf(f: (x: number[]) => number, k: number, N: number, toX: (u: number) => number) {
  const y = saltelliDesign(N, k).map((u) => f(u.map(toX)));
  const { fA, fB, fAB } = saltelliBlocks(y, N, k);
  const rng = createRng(1, 'test');
  return sobolIndices(fA, fB, fAB, { resamples: 300, confidence: 0.95, uniform: () => rng.next() });
}

describe('Sobol indices (Saltelli first order, Jansen total)', () => {
  it('recovers the Ishigami function\'s known indices', () => {
    const r = sobolOf(ishigami, 3, 2 ** 13, (u) => -Math.PI + 2 * Math.PI * u);
    const S1 = r.factors.map((f) => f.first);
    const ST = r.factors.map((f) => f.total);
    const trueS1 = [0.3139, 0.4424, 0];
    const trueST = [0.5576, 0.4424, 0.2437];
    S1.forEach((s, i) => expect(s).toBeCloseTo(trueS1[i], 1));
    ST.forEach((s, i) => expect(s).toBeCloseTo(trueST[i], 1));
    S1.forEach((s, i) => expect(Math.abs(s - trueS1[i])).toBeLessThan(0.02));
    ST.forEach((s, i) => expect(Math.abs(s - trueST[i])).toBeLessThan(0.02));
    // The bootstrap intervals cover the true values and are narrow.
    r.factors.forEach((f, i) => {
      expect(f.firstInterval.low).toBeLessThan(trueS1[i] + 0.01);
      expect(f.firstInterval.high).toBeGreaterThan(trueS1[i] - 0.01);
      expect(f.totalInterval.low).toBeLessThan(trueST[i] + 0.01);
      expect(f.totalInterval.high).toBeGreaterThan(trueST[i] - 0.01);
      expect(f.totalInterval.high - f.totalInterval.low).toBeLessThan(0.1);
    });
    expect(r.variance).toBeCloseTo(13.84, 0);
  });

  it('gives S1 = ST = the variance share for an additive function', () => {
    // y = x1 + 2 x2 on uniforms: variances 1/12 and 4/12 → shares 0.2 and 0.8, no interaction.
    const r = sobolOf((x) => x[0] + 2 * x[1] + 0 * x[2], 3, 2 ** 12, (u) => u);
    expect(r.factors[0].first).toBeCloseTo(0.2, 2);
    expect(r.factors[1].first).toBeCloseTo(0.8, 2);
    expect(r.factors[0].total).toBeCloseTo(0.2, 2);
    expect(r.factors[1].total).toBeCloseTo(0.8, 2);
    expect(r.factors[2].total).toBe(0);
  });

  it('leaves out base rows with failed runs', () => {
    const fA = [1, 2, NaN, 4];
    const fB = [2, 3, 4, 1];
    const r = sobolIndices(fA, fB, [[1, 2, 3, 4]], { resamples: 0, confidence: 0.95, uniform: Math.random });
    expect(r.rows).toBe(3);
  });
});

describe('Morris elementary effects', () => {
  const rng = () => createRng(5, 'morris-test');

  it('builds trajectories that move each factor once by ±Δ on the p-level grid', () => {
    const k = 5;
    const d = morrisDesign(12, k, 4, rng());
    expect(d.delta).toBeCloseTo(2 / 3);
    expect(d.unit).toHaveLength(12 * (k + 1));
    d.steps.forEach((steps, t) => {
      expect(steps.map((s) => s.factor).sort()).toEqual([0, 1, 2, 3, 4]);
      steps.forEach((s, j) => {
        const a = d.unit[t * (k + 1) + j];
        const b = d.unit[t * (k + 1) + j + 1];
        for (let i = 0; i < k; i++) expect(b[i] - a[i]).toBeCloseTo(i === s.factor ? s.delta : 0, 12);
      });
      for (const u of d.unit.slice(t * (k + 1), (t + 1) * (k + 1)))
        for (const x of u) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          expect(Math.abs(x * 3 - Math.round(x * 3))).toBeLessThan(1e-12);
        }
    });
  });

  it('gives μ = coefficient, μ* = |coefficient|, σ = 0 for a linear function', () => {
    const k = 4;
    const c = [2, -3, 0, 0.5];
    const d = morrisDesign(20, k, 6, rng());
    const y = d.unit.map((u) => u.reduce((s, x, i) => s + c[i] * x, 1));
    const m = morrisIndices(k, d.steps.map((steps, t) => ({ steps, y: y.slice(t * (k + 1), (t + 1) * (k + 1)) })), {
      resamples: 100,
      confidence: 0.95,
      uniform: Math.random,
    });
    m.forEach((f, i) => {
      expect(f.mu).toBeCloseTo(c[i], 10);
      expect(f.muStar).toBeCloseTo(Math.abs(c[i]), 10);
      expect(f.sigma).toBeCloseTo(0, 10);
      expect(f.effects).toBe(20);
    });
  });

  it('ranks a separable non-linear function and shows its curvature in σ', () => {
    // y = 5 x1² + x2 + 0·x3: x1 matters most and non-linearly, x3 not at all.
    const k = 3;
    const d = morrisDesign(30, k, 4, rng());
    const y = d.unit.map((u) => 5 * u[0] ** 2 + u[1]);
    const r = createRng(2, 'boot');
    const m = morrisIndices(k, d.steps.map((steps, t) => ({ steps, y: y.slice(t * (k + 1), (t + 1) * (k + 1)) })), {
      resamples: 200,
      confidence: 0.95,
      uniform: () => r.next(),
    });
    expect(m[0].muStar).toBeGreaterThan(m[1].muStar);
    expect(m[1].muStar).toBeCloseTo(1, 10);
    expect(m[2].muStar).toBe(0);
    expect(m[0].sigma).toBeGreaterThan(0.5);
    expect(m[1].sigma).toBeCloseTo(0, 10);
    // With levels {0, 1/3, 2/3, 1} and Δ = 2/3 the effects of x1 are 5·(1/3+… ) → 10/3 or 20/3.
    expect(m[0].muStar).toBeGreaterThan(10 / 3 - 1e-9);
    expect(m[0].muStar).toBeLessThan(20 / 3 + 1e-9);
    expect(m[0].muStarInterval.low).toBeLessThanOrEqual(m[0].muStar);
    expect(m[0].muStarInterval.high).toBeGreaterThanOrEqual(m[0].muStar);
  });
});
