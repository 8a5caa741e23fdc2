import { describe, expect, it } from 'vitest';
import { hypervolume } from '../../src/optimize/hypervolume.ts';
import { nsga2, type RankedIndividual } from '../../src/optimize/nsga2.ts';
import { crowdingDistance, nondominatedSort, type Fitness } from '../../src/optimize/pareto-rank.ts';
import type { Bounds } from '../../src/optimize/variation.ts';

const fit = (objectives: number[], violation = 0): Fitness => ({ objectives, violation });

describe('hypervolume (exact, against hand-computed values)', () => {
  it('one point in 2-D is the rectangle to the reference', () => {
    expect(hypervolume([[0.2, 0.5]], [1, 1])).toBeCloseTo(0.8 * 0.5, 12);
  });
  it('a staircase of three points in 2-D', () => {
    // Union of [0,4]×[3,4], [1,4]×[1,4], [3,4]×[0,4] under reference (4,4): 4 + 6 + 1 = 11.
    expect(hypervolume([[0, 3], [1, 1], [3, 0]], [4, 4])).toBeCloseTo(11, 12);
  });
  it('dominated points and points beyond the reference add nothing', () => {
    const base = hypervolume([[0, 3], [1, 1], [3, 0]], [4, 4]);
    expect(hypervolume([[0, 3], [1, 1], [3, 0], [2, 2], [5, 0], [0, 4]], [4, 4])).toBeCloseTo(base, 12);
  });
  it('3-D: two boxes overlapping', () => {
    // [0,2]^3 → 8 and [1,3]×[1,3]×[0,1]... reference (3,3,3): point a=(1,1,1) → 8; b=(0,2,2) → 3·1·1 = 3,
    // overlap of b's box [0,3]×[2,3]×[2,3] with a's [1,3]×[1,3]×[1,3] = 2·1·1 = 2 → 8 + 3 − 2 = 9.
    expect(hypervolume([[1, 1, 1], [0, 2, 2]], [3, 3, 3])).toBeCloseTo(9, 12);
  });
  it('3-D: a point dominated in all objectives adds nothing', () => {
    expect(hypervolume([[1, 1, 1], [2, 2, 2]], [3, 3, 3])).toBeCloseTo(8, 12);
  });
});

describe('non-dominated sorting and crowding', () => {
  it('sorts into fronts, feasible before infeasible', () => {
    const pop = [fit([1, 1]), fit([0, 2]), fit([2, 2]), fit([0, 0], 0.5), fit([3, 3]), fit([0, 0], 0.1)];
    expect(nondominatedSort(pop)).toEqual([[0, 1], [2], [4], [5], [3]]);
  });
  it('gives the extremes an infinite distance and the middle the normalised neighbour gap', () => {
    const pop = [fit([0, 2]), fit([1, 1]), fit([2, 0])];
    const d = crowdingDistance(pop, [0, 1, 2]);
    expect(d[0]).toBe(Infinity);
    expect(d[2]).toBe(Infinity);
    expect(d[1]).toBeCloseTo(2, 12); // (2−0)/2 per objective, two objectives
  });
});

const zdtBounds: Bounds = { lower: Array(30).fill(0), upper: Array(30).fill(1) };
const zdtG = (x: readonly number[]) => 1 + (9 * x.slice(1).reduce((s, v) => s + v, 0)) / (x.length - 1);
const zdt1 = (x: readonly number[]) => {
  const g = zdtG(x);
  return fit([x[0], g * (1 - Math.sqrt(x[0] / g))]);
};
const zdt2 = (x: readonly number[]) => {
  const g = zdtG(x);
  return fit([x[0], g * (1 - (x[0] / g) ** 2)]);
};

/** Mean distance from each found point to a dense sample of the true front. */
function generationalDistance(points: readonly (readonly number[])[], front: (f1: number) => number): number {
  const sample = Array.from({ length: 2001 }, (_, i) => [i / 2000, front(i / 2000)]);
  let sum = 0;
  for (const p of points) sum += Math.min(...sample.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])));
  return sum / points.length;
}

async function solve(f: (x: readonly number[]) => Fitness, bounds: Bounds, generations: number, seed = 7): Promise<RankedIndividual[]> {
  return nsga2(bounds, (xs) => xs.map(f), { population: 100, generations, seed });
}

describe('NSGA-II on problems with known fronts', () => {
  // True hypervolumes against (1.1, 1.1): ZDT1 ∫(1.1 − 1 + √x)dx + 0.1·1.1 = 0.1 + 2/3 + 0.11; ZDT2 0.1 + 1/3 + 0.11.
  const ZDT1_HV = 0.1 + 2 / 3 + 0.11;
  const ZDT2_HV = 0.1 + 1 / 3 + 0.11;

  it('ZDT1 (30 variables): hypervolume within 2% of the true front after 250 generations', async () => {
    const pop = await solve(zdt1, zdtBounds, 250);
    const front = pop.filter((p) => p.rank === 0).map((p) => p.objectives);
    const hv = hypervolume(front, [1.1, 1.1]);
    expect(hv / ZDT1_HV).toBeGreaterThan(0.98);
    expect(generationalDistance(front, (f1) => 1 - Math.sqrt(f1))).toBeLessThan(0.01);
  });

  it('ZDT2 (30 variables): hypervolume within 2% of the true front after 250 generations', async () => {
    const pop = await solve(zdt2, zdtBounds, 250);
    const front = pop.filter((p) => p.rank === 0).map((p) => p.objectives);
    const hv = hypervolume(front, [1.1, 1.1]);
    expect(hv / ZDT2_HV).toBeGreaterThan(0.98);
    expect(generationalDistance(front, (f1) => 1 - f1 * f1)).toBeLessThan(0.01);
  });

  it('a short run is far from the front: the tolerance above can fail', async () => {
    const pop = await solve(zdt1, zdtBounds, 5);
    const hv = hypervolume(pop.filter((p) => p.rank === 0).map((p) => p.objectives), [1.1, 1.1]);
    expect(hv / ZDT1_HV).toBeLessThan(0.9);
  });

  it('SRN (constrained; Srinivas & Deb 1994): every survivor feasible and near the bound f1 + f2 = (x1 + 2.5)² − 0.25 ≥ −0.25 the front touches', async () => {
    const bounds: Bounds = { lower: [-20, -20], upper: [20, 20] };
    const srn = (x: readonly number[]): Fitness => {
      const [a, b] = x;
      const g1 = a * a + b * b - 225; // ≤ 0
      const g2 = a - 3 * b + 10; // ≤ 0
      return fit([(a - 2) ** 2 + (b - 1) ** 2 + 2, 9 * a - (b - 1) ** 2], Math.max(0, g1) + Math.max(0, g2));
    };
    const pop = await solve(srn, bounds, 150);
    expect(pop.every((p) => p.violation === 0)).toBe(true);
    // Where the constraints let x1 = −2.5, the front is the line f1 + f2 = −0.25 (f1 spans about 250).
    const gaps = pop.filter((p) => p.objectives[0] > 25).map((p) => p.objectives[0] + p.objectives[1] + 0.25);
    expect(gaps.length).toBeGreaterThan(50);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
    expect(gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] / 250).toBeLessThan(0.01);
  });

  it('BNH (constrained; Binh & Korn 1997): the front found lies on the known one', async () => {
    const bounds: Bounds = { lower: [0, 0], upper: [5, 3] };
    const bnh = (x: readonly number[]): Fitness => {
      const [a, b] = x;
      const c1 = (a - 5) ** 2 + b * b - 25; // ≤ 0
      const c2 = 7.7 - ((a - 8) ** 2 + (b + 3) ** 2); // ≤ 0
      return fit([4 * a * a + 4 * b * b, (a - 5) ** 2 + (b - 5) ** 2], Math.max(0, c1) + Math.max(0, c2));
    };
    const pop = await solve(bnh, bounds, 150);
    expect(pop.every((p) => p.violation === 0)).toBe(true);
    // Known Pareto set: x1 = x2 = t ∈ [0, 3] (f = 8t², 2(t − 5)²), then x2 = 3 with x1 ∈ [3, 5] (f = 4x1² + 36, (x1 − 5)² + 4).
    const front: number[][] = [];
    for (let i = 0; i <= 3000; i++) front.push([8 * (i / 1000) ** 2, 2 * (i / 1000 - 5) ** 2]);
    for (let i = 0; i <= 2000; i++) front.push([4 * (3 + i / 1000) ** 2 + 36, (i / 1000 - 2) ** 2 + 4]);
    // Distances in units of the front's extent (f1 0–136, f2 0–50).
    const gap = (f: readonly number[]) => Math.min(...front.map((q) => Math.hypot((f[0] - q[0]) / 136, (f[1] - q[1]) / 50)));
    const gaps = pop.map((p) => gap(p.objectives)).sort((a, b) => a - b);
    expect(gaps[50]).toBeLessThan(0.005);
    expect(gaps[95]).toBeLessThan(0.02);
    const f1 = pop.map((p) => p.objectives[0]);
    expect(Math.min(...f1)).toBeLessThan(1);
    expect(Math.max(...f1)).toBeGreaterThan(130); // the far end of the front is f1 = 136
  });

  it('the same seed gives the same population, another seed another one', async () => {
    const a = await solve(zdt1, zdtBounds, 10, 3);
    const b = await solve(zdt1, zdtBounds, 10, 3);
    const c = await solve(zdt1, zdtBounds, 10, 4);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });
});
