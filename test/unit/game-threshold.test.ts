import { describe, it, expect } from 'vitest';
import { tippingThreshold } from '../../src/analysis/game/tipping-threshold.ts';
import { basinOfDeep } from '../../src/analysis/game/basin.ts';
import { firstIntegral } from '../../src/analysis/game/first-integral.ts';
import { twoPopulationCoefficients, twoPopulationGame } from '../../src/analysis/game/two-population-game.ts';
import type { GameParams } from '../../src/analysis/game/game-params.ts';

const bistable: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };

describe('tipping threshold by bisection', () => {
  it('symmetric game: V* = 4(Cs − gs) from the start (0.5, 0.5)', () => {
    // α = 0.5, q = 1 and Cs − gs = Ce − ge = 3 make the game symmetric: the diagonal is
    // invariant, ẋ = x(1−x)(V/2·x − 3), and (0.5, 0.5) tips exactly when 0.5 > 6/V.
    const p: GameParams = { V: 10, alpha: 0.5, Cs: 3, Ce: 5, gs: 0, ge: 2, q: 1 };
    const v = tippingThreshold(p, 'V', 5, 20, [0.5, 0.5]);
    expect(v).not.toBeNull();
    expect(v!).toBeGreaterThan(12);
    expect(v! - 12).toBeLessThanOrEqual(1e-3);
  });

  it('asymmetric game: matches the value where the start lies on the stable manifold of the saddle (first integral)', () => {
    // The start (0.5, 0.5) is on the separatrix when H(0.5, 0.5) = H(x*, y*) with the saddle
    // to its upper left (x* < 0.5): solve that equation for ge by bisection, without the ODE.
    const gap = (ge: number) => {
      const k = twoPopulationCoefficients({ ...bistable, ge });
      const H = firstIntegral(k);
      return H(0.5, 0.5) - H(k.d / k.c, k.b / k.a);
    };
    let lo = 2.01; // x* = (5 − ge)/6 < 0.5 for ge > 2
    let hi = 4.9;
    expect(Math.sign(gap(lo))).not.toBe(Math.sign(gap(hi)));
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (Math.sign(gap(mid)) === Math.sign(gap(lo))) lo = mid;
      else hi = mid;
    }
    const analytic = (lo + hi) / 2;
    const numeric = tippingThreshold(bistable, 'ge', 0, 5, [0.5, 0.5]);
    expect(numeric).not.toBeNull();
    expect(Math.abs(numeric! - analytic)).toBeLessThanOrEqual(1e-3);
    expect(analytic).toBeGreaterThan(3);
    expect(analytic).toBeLessThan(3.5);
  });

  it('edge start (x0, 1): schools tip when gs > Cs − αV', () => {
    const gs = tippingThreshold(bistable, 'gs', 0, 3, [0.3, 1]);
    // With y = 1 fixed, ẋ = x(1−x)(αV − Cs + gs): tips for any gs above Cs − αV = −1, so at gs = 0.
    expect(gs).toBe(0);
    const p = { ...bistable, V: 5 }; // αV = 2: needs gs > 1
    const g2 = tippingThreshold(p, 'gs', 0, 3, [0.3, 1]);
    expect(g2! - 1).toBeGreaterThan(0);
    expect(g2! - 1).toBeLessThanOrEqual(1e-3);
  });

  it('null when no value in range tips', () => {
    expect(tippingThreshold(bistable, 'ge', 0, 3, [0.5, 0.5])).toBeNull();
  });

  it('works on government parameters of the three-population game', () => {
    const p: GameParams = { ...bistable, ge: 0, government: { Cg: 1, Gs: 1, Se: 0, Fs: 1, Fe: 0, L: 4 } };
    // A larger firm penalty Fe makes deep firms more attractive: some threshold exists in [0, 6].
    const v = tippingThreshold(p, 'Fe', 0, 6, [0.5, 0.5, 0.5]);
    expect(v).not.toBeNull();
    expect(v!).toBeGreaterThan(0);
    const below = tippingThreshold(p, 'Fe', 0, v! - 0.01, [0.5, 0.5, 0.5]);
    expect(below).toBeNull();
  });
});

describe('basin of (1,1)', () => {
  it('is everything when deep is dominant and nothing when firms stay cold', () => {
    expect(basinOfDeep(twoPopulationGame({ ...bistable, gs: 3.5, ge: 5.5 }), 8).share).toBe(1);
    expect(basinOfDeep(twoPopulationGame({ V: 10, alpha: 0.6, Cs: 2, Ce: 5, gs: 2.5, ge: 1, q: 0.5 }), 8).share).toBe(0);
  });

  it('grows with support to firms in the bistable game', () => {
    const shares = [2, 3, 4].map((ge) => basinOfDeep(twoPopulationGame({ ...bistable, ge }), 10).share);
    expect(shares[0]).toBeGreaterThan(0);
    expect(shares[2]).toBeLessThan(1);
    expect(shares[1]).toBeGreaterThan(shares[0]);
    expect(shares[2]).toBeGreaterThan(shares[1]);
  });

  it('on the diagonal of a symmetric game, (s, s) ends deep exactly when s > (Cs − gs)/(αV)', () => {
    const p: GameParams = { V: 14, alpha: 0.5, Cs: 3, Ce: 5, gs: 0, ge: 2, q: 1 };
    const b = basinOfDeep(twoPopulationGame(p), 14);
    for (let i = 0; i < 14; i++) expect(b.deep[i][i]).toBe(b.xs[i] > 3 / 7);
  });
});
