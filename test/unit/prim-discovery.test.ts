import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { binomialUpperTail } from '../../src/analysis/discovery/binomial-tail.ts';
import { DiscoveryInputError, discoveryData } from '../../src/experiment/discovery/discovery-data.ts';
import { boxesCsv, discoveryTable, trajectoryCsv } from '../../src/experiment/discovery/format-discovery.ts';
import { prim, PRIM_DEFAULTS } from '../../src/analysis/discovery/prim.ts';
import { primQuantile } from '../../src/analysis/discovery/prim-quantile.ts';
import type { FactorLimit, PrimBox, PrimFactor } from '../../src/analysis/discovery/prim-types.ts';

describe('binomial upper tail (the quasi-p test)', () => {
  it('matches hand-computed values', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo((45 + 10 + 1) / 1024, 14);
    expect(binomialUpperTail(1, 5, 0.2)).toBeCloseTo(1 - 0.8 ** 5, 14);
    expect(binomialUpperTail(0, 7, 0.3)).toBe(1);
    expect(binomialUpperTail(8, 7, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(1 / 8, 14);
  });
  it('differences of the tail are the probability mass, also for large n', () => {
    // pmf(50; 100, 0.5) = C(100, 50) / 2^100 ≈ 0.0795892373871787 (from the exact binomial coefficient).
    expect(binomialUpperTail(50, 100, 0.5) - binomialUpperTail(51, 100, 0.5)).toBeCloseTo(0.0795892373871787, 12);
    expect(binomialUpperTail(3000, 5000, 0.5)).toBeLessThan(1e-40);
  });
});

describe('PRIM quantile', () => {
  it('falls midway between distinct neighbours, skipping ties', () => {
    expect(primQuantile([5, 1, 4, 2, 3], 0.05)).toBe(1.5);
    expect(primQuantile([1, 2, 3, 4, 5], 0.95)).toBe(4.5);
    expect(primQuantile([1, 1, 1, 2], 0.05)).toBe(1.5);
    expect(primQuantile([3, 3], 0.05)).toBe(3);
  });
});

/** Uniform factors on [0, 1] and a three-level category, from a fixed seed. */
function synthetic(n: number, seed: string) {
  const rng = seedrandom(seed);
  const x1 = Array.from({ length: n }, () => rng());
  const x2 = Array.from({ length: n }, () => rng());
  const x3 = Array.from({ length: n }, () => rng());
  const law = Array.from({ length: n }, () => ['none', 'weak', 'strict'][Math.floor(rng() * 3)]);
  const noise = Array.from({ length: n }, () => rng());
  const factors: PrimFactor[] = [
    { name: 'x1', kind: 'numeric', values: x1 },
    { name: 'x2', kind: 'numeric', values: x2 },
    { name: 'x3', kind: 'numeric', values: x3 },
    { name: 'law', kind: 'categorical', values: law },
  ];
  return { x1, x2, x3, law, noise, factors };
}

const limitOf = (b: PrimBox, j: number) => b.limits[j] as Extract<FactorLimit, { kind: 'numeric' }>;

describe('PRIM on synthetic data with a known box', () => {
  it('finds 0.2 ≤ x1 ≤ 0.6, x2 ≥ 0.5 (5% of labels flipped) within 0.05, leaving x3 and law free', () => {
    const d = synthetic(3000, 'box');
    const interesting = d.x1.map((v, i) => (v >= 0.2 && v <= 0.6 && d.x2[i] >= 0.5) !== d.noise[i] < 0.05);
    const r = prim({ factors: d.factors, interesting }, { maxBoxes: 1 });
    expect(r.boxes).toHaveLength(1);
    const [b] = r.boxes;
    expect(limitOf(b, 0).lower).toBeCloseTo(0.2, 1);
    expect(Math.abs(limitOf(b, 0).lower - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(limitOf(b, 0).upper - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(limitOf(b, 1).lower - 0.5)).toBeLessThan(0.05);
    expect(b.restricted).toEqual(['x1', 'x2']);
    expect(b.density).toBeGreaterThan(0.85);
    expect(b.coverage).toBeGreaterThan(0.8);
    // The three real limits matter: far below 5%.
    for (const s of b.significance) for (const p of [s.lower, s.upper].filter(Number.isFinite)) expect(p).toBeLessThan(1e-6);
    expect(b.significance.map((s) => [s.factor, Number.isNaN(s.lower), Number.isNaN(s.upper)])).toEqual([
      ['x1', false, false],
      ['x2', false, true],
    ]);
    // The trajectory starts with every run and never gets sparser in density while peeling.
    expect(b.trajectory[0]).toMatchObject({ phase: 'start', n: 3000, coverage: 1, mass: 1 });
    const peeled = b.trajectory.filter((s) => s.phase !== 'paste');
    for (let i = 1; i < peeled.length; i++) expect(peeled[i].density).toBeGreaterThan(peeled[i - 1].density);
    expect(b.trajectory.at(-1)!.mass).toBeGreaterThanOrEqual(PRIM_DEFAULTS.massMin);
  });

  it('restricts a category: law = strict and x1 ≥ 0.5', () => {
    const d = synthetic(3000, 'category');
    const interesting = d.law.map((l, i) => l === 'strict' && d.x1[i] >= 0.5);
    const [b] = prim({ factors: d.factors, interesting }, { maxBoxes: 1 }).boxes;
    expect(b.limits[3]).toEqual({ kind: 'categorical', categories: ['strict'] });
    expect(Math.abs(limitOf(b, 0).lower - 0.5)).toBeLessThan(0.05);
    expect(b.restricted).toEqual(['x1', 'law']);
    expect(b.density).toBe(1);
  });

  it('covers two separate boxes one after the other: x1 ≥ 0.6 and x2 ≥ 0.6, then x1 ≤ 0.25 and x3 ≤ 0.25', () => {
    const d = synthetic(4000, 'covering');
    const interesting = d.x1.map((v, i) => (v > 0.6 && d.x2[i] > 0.6) || (v < 0.25 && d.x3[i] < 0.25));
    const r = prim({ factors: d.factors, interesting });
    expect(r.boxes).toHaveLength(2);
    const [a, b] = r.boxes;
    expect(a.restricted).toEqual(['x1', 'x2']);
    expect(Math.abs(limitOf(a, 0).lower - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(limitOf(a, 1).lower - 0.6)).toBeLessThan(0.05);
    expect(b.restricted).toEqual(['x1', 'x3']);
    expect(Math.abs(limitOf(b, 0).upper - 0.25)).toBeLessThan(0.05);
    expect(Math.abs(limitOf(b, 2).upper - 0.25)).toBeLessThan(0.05);
    for (const box of r.boxes) expect(box.density).toBeGreaterThan(0.9);
    // The second box is sought among the runs outside the first: together they cover almost every hit.
    expect(a.coverage + b.coverage).toBeGreaterThan(0.95);
    expect(r.stopped).toBe('no run outside the boxes meets the condition');
  });

  it('with a density floor picks the step covering most hits at that density', () => {
    const d = synthetic(3000, 'box');
    const interesting = d.x1.map((v, i) => (v >= 0.2 && v <= 0.6 && d.x2[i] >= 0.5) !== d.noise[i] < 0.05);
    const [free] = prim({ factors: d.factors, interesting }, { maxBoxes: 1 }).boxes;
    const [floor] = prim({ factors: d.factors, interesting }, { maxBoxes: 1, minDensity: 0.6 }).boxes;
    const peels = floor.trajectory.filter((s) => s.phase !== 'paste');
    const first = peels.findIndex((s) => s.density >= 0.6);
    expect(floor.picked).toBe(first);
    expect(floor.picked).toBeLessThan(free.picked);
    expect(floor.coverage).toBeGreaterThan(free.coverage);
  });

  it('is deterministic and says why it stopped when nothing meets the condition', () => {
    const d = synthetic(500, 'none');
    const r = prim({ factors: d.factors, interesting: d.x1.map(() => false) });
    expect(r.boxes).toHaveLength(0);
    expect(r.stopped).toBe('no run meets the condition');
    const y = d.x1.map((v) => v > 0.8);
    expect(prim({ factors: d.factors, interesting: y })).toEqual(prim({ factors: d.factors, interesting: y }));
  });

  it('refuses bad settings', () => {
    const d = synthetic(10, 's');
    expect(() => prim({ factors: d.factors, interesting: d.x1.map(() => true) }, { peelAlpha: 0.6 })).toThrow(/peel alpha must be above 0 and below 0.5/);
    expect(() => prim({ factors: d.factors, interesting: [true] })).toThrow(/factor x1 has 10 values for 1 runs/);
  });
});

describe('runs.csv for discovery', () => {
  const csv = [
    'run_id,point,replicate,policy.taxRelief,policy.law,seed,deep_share_y9,fiscal_cost_cum_y9',
    '0,0,0,0.1,none,11,0.05,10',
    '1,1,0,0.3,strict,12,0.2,50',
    '2,2,0,0.5,strict,13,,80',
    '3,3,0,0.5,weak,14,0.15,300',
  ].join('\n');

  it('evaluates the condition per run, leaves out runs with empty cells and types the factors', () => {
    const d = discoveryData(csv, 'deep_share_y9 >= 0.1 and fiscal_cost_cum_y9 <= 200', 'runs.csv');
    expect(d.interesting).toEqual([false, true, false]);
    expect(d.leftOut).toBe(1);
    expect(d.factors.map((f) => [f.name, f.kind])).toEqual([
      ['policy.taxRelief', 'numeric'],
      ['policy.law', 'categorical'],
    ]);
    expect(d.reads).toEqual(['deep_share_y9', 'fiscal_cost_cum_y9']);
  });

  it.each([
    ['deep_shar_y9 > 0.1', /"deep_shar_y9" is not an output column of runs\.csv; its output columns are deep_share_y9, fiscal_cost_cum_y9/],
    ['deep_share_y9 * 2', /--where must be a condition \(true or false\).*gives 0\.1 for run 0/],
    ['evaluate("1")', /function "evaluate" is not allowed/],
  ])('refuses %s with a clear message', (where, message) => {
    expect(() => discoveryData(csv, where, 'runs.csv')).toThrow(DiscoveryInputError);
    expect(() => discoveryData(csv, where, 'runs.csv')).toThrow(message);
  });

  it('refuses a sweep without factors', () => {
    expect(() => discoveryData('run_id,point,replicate,seed,a_y1\n0,0,0,1,2\n', 'a_y1 > 1', 'r.csv')).toThrow(/no factor columns/);
  });

  it('formats boxes, trajectory and table from one result', () => {
    const d = synthetic(1000, 'format');
    const interesting = d.x1.map((v) => v > 0.6);
    const r = prim({ factors: d.factors, interesting }, { maxBoxes: 1 });
    const data = { ...{ factors: d.factors, interesting }, where: 'x1 > 0.6', reads: [], constant: [], leftOut: 0 };
    const boxes = boxesCsv(r, data).trim().split('\n');
    expect(boxes[0]).toBe('box,runs,hits,mass,coverage,density,factor,lower,upper,categories,qp_lower,qp_upper');
    expect(boxes.slice(1).map((l) => l.split(',')[6])).toEqual(['x1']);
    expect(trajectoryCsv(r, data).trim().split('\n')).toHaveLength(1 + r.boxes[0].trajectory.length);
    const table = discoveryTable(r, data, 'runs.csv', PRIM_DEFAULTS);
    expect(table).toContain(`Box 1: ${r.boxes[0].n} runs`);
    const x1 = limitOf(r.boxes[0], 0);
    expect(x1.lower).toBeGreaterThan(0.55);
    expect(table).toMatch(new RegExp(`x1 +${Number(x1.lower.toPrecision(3))} … ${Number(x1.upper.toPrecision(3))} `));
    expect(table).toContain(`* ${String(r.boxes[0].picked).padStart(4)}  peel`);
  });
});
