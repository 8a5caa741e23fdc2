import { describe, it, expect } from 'vitest';
import { firstIntegral } from '../../src/analysis/game/first-integral.ts';
import { reportTimes, trajectory, trajectoryAt } from '../../src/analysis/game/trajectory.ts';
import { twoPopulationCoefficients, twoPopulationGame } from '../../src/analysis/game/two-population-game.ts';
import { threePopulationGame } from '../../src/analysis/game/three-population-game.ts';
import { settle } from '../../src/analysis/game/settle.ts';
import type { GameParams } from '../../src/analysis/game/game-params.ts';

const bistable: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };

describe('report times', () => {
  it('every 0.1 up to tmax, with tmax added when off the grid', () => {
    const t = reportTimes(10);
    expect(t).toHaveLength(101);
    expect(t[3]).toBe(0.3);
    expect(t[100]).toBe(10);
    const u = reportTimes(1.25);
    expect(u.slice(-3)).toEqual([1.1, 1.2, 1.25]);
  });
});

describe('trajectories', () => {
  it('on the edge y = 1 the schools follow the logistic solution (error far below 1e-4)', () => {
    const game = twoPopulationGame(bistable);
    const r = 0.4 * 10 - 3; // αV − (Cs − gs)
    const x0 = 0.05;
    const path = trajectory(game, [x0, 1], 10);
    let max = 0;
    path.times.forEach((t, k) => {
      const exact = 1 / (1 + ((1 - x0) / x0) * Math.exp(-r * t));
      max = Math.max(max, Math.abs(path.points[k][0] - exact));
      expect(path.points[k][1]).toBe(1);
    });
    expect(max).toBeLessThan(1e-8);
  });

  it('agrees with a run at much tighter tolerances', () => {
    const game = twoPopulationGame(bistable);
    const times = reportTimes(20);
    const a = trajectoryAt(game, [0.31, 0.62], times);
    const b = trajectoryAt(game, [0.31, 0.62], times, { rtol: 1e-13, atol: 1e-15 });
    const diff = Math.max(...a.points.flatMap((p, k) => p.map((v, i) => Math.abs(v - b.points[k][i]))));
    expect(diff).toBeLessThan(1e-7);
  });

  it('conserves the first integral H around a centre (a > 0 > c)', () => {
    const k = { a: 2, b: 1, c: -3, d: -1.5 };
    const H = firstIntegral(k);
    const path = trajectory(twoPopulationGame(k), [0.2, 0.3], 50);
    const h0 = H(0.2, 0.3);
    const drift = Math.max(...path.points.map(([x, y]) => Math.abs(H(x, y) - h0)));
    expect(drift).toBeLessThan(1e-7);
    // The orbit is closed: it neither converges nor leaves a band around the centre (0.5, 0.5).
    const xs = path.points.map((p) => p[0]);
    expect(Math.min(...xs)).toBeLessThan(0.21);
    expect(Math.max(...xs)).toBeGreaterThan(0.79);
    // A wrong candidate (the signs of the y terms flipped) is not conserved: the check has teeth.
    const wrong = (x: number, y: number) => k.d * Math.log(x) + (k.c - k.d) * Math.log(1 - x) + k.b * Math.log(y) + (k.a - k.b) * Math.log(1 - y);
    const wrongDrift = Math.max(...path.points.map(([x, y]) => Math.abs(wrong(x, y) - wrong(0.2, 0.3))));
    expect(wrongDrift).toBeGreaterThan(0.1);
  });

  it('conserves H on the way to a corner in the bistable case too (it is a first integral for any a, b, c, d)', () => {
    const k = twoPopulationCoefficients(bistable);
    const H = firstIntegral(k);
    const path = trajectory(twoPopulationGame(bistable), [0.5, 0.5], 3);
    const drift = Math.max(...path.points.map(([x, y]) => Math.abs(H(x, y) - H(0.5, 0.5))));
    expect(drift).toBeLessThan(1e-6);
  });

  it('starts just either side of the separatrix end at different corners', () => {
    // Symmetric game: the diagonal is invariant and the saddle is (b/a, b/a).
    const p: GameParams = { V: 12, alpha: 0.5, Cs: 3, Ce: 5, gs: 0, ge: 2, q: 1 };
    const game = twoPopulationGame(p);
    expect(settle(game, [0.5 + 1e-3, 0.5 + 1e-3]).endsDeep).toBe(true);
    expect(settle(game, [0.5 - 1e-3, 0.5 - 1e-3]).endsDeep).toBe(false);
  });

  it('the three-population game with no active government (z0 = 0) reproduces the two-population path', () => {
    const gov = { Cg: 2, Gs: 1, Se: 1, Fs: 1, Fe: 1, L: 4 };
    const p3 = trajectory(threePopulationGame({ ...bistable, government: gov }), [0.3, 0.4, 0], 10);
    const p2 = trajectory(twoPopulationGame(bistable), [0.3, 0.4], 10);
    p3.points.forEach((p, k) => {
      expect(p[2]).toBe(0);
      expect(p[0]).toBeCloseTo(p2.points[k][0], 9);
      expect(p[1]).toBeCloseTo(p2.points[k][1], 9);
    });
  });

  it('an active government turns a shallow trap into full cooperation', () => {
    // Without government the start (0.2, 0.2) ends at (0,0); rewards plus penalties of 2 per side tip it.
    expect(settle(twoPopulationGame(bistable), [0.2, 0.2]).endsDeep).toBe(false);
    const gov = { Cg: 1, Gs: 1, Se: 1, Fs: 1, Fe: 1, L: 4 };
    const r = settle(threePopulationGame({ ...bistable, government: gov }), [0.2, 0.2, 0.9]);
    expect(r.point[0]).toBeGreaterThan(0.999);
    expect(r.point[1]).toBeGreaterThan(0.999);
  });
});
