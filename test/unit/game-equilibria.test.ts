import { describe, it, expect } from 'vitest';
import { findEquilibria, type Equilibrium } from '../../src/analysis/game/equilibria.ts';
import { classifyEigenvalues } from '../../src/analysis/game/classify-eigenvalues.ts';
import { characteristicRoots, eigenvalues, imagPart, realPart } from '../../src/analysis/game/eigenvalues.ts';
import { twoPopulationGame } from '../../src/analysis/game/two-population-game.ts';
import { threePopulationGame } from '../../src/analysis/game/three-population-game.ts';
import { replicatorJacobian, replicatorVelocity } from '../../src/analysis/game/replicator-game.ts';
import type { GameParams } from '../../src/analysis/game/game-params.ts';
import { createRng } from '../../src/model/rng.ts';

const bistable: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };
const dominant: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 3.5, ge: 5.5, q: 0.8 };
const keenCold: GameParams = { V: 10, alpha: 0.6, Cs: 2, Ce: 5, gs: 2.5, ge: 1, q: 0.5 };

const at = (eqs: Equilibrium[], x: number, y: number) => {
  const e = eqs.find((q) => Math.abs(q.point[0] - x) < 1e-12 && Math.abs(q.point[1] - y) < 1e-12);
  if (!e) throw new Error(`no equilibrium at (${x}, ${y})`);
  return e;
};

/** Stability of the corners derived by hand from the payoffs (docs/ODD.md, Mean-field companion). */
function handStable(p: GameParams) {
  const a = p.alpha * p.V;
  const b = p.Cs - p.gs;
  const c = p.q * (1 - p.alpha) * p.V;
  const d = p.Ce - p.ge;
  return {
    '0,0': b > 0 && d > 0,
    '1,0': b < 0 && c < d,
    '0,1': a < b && d < 0,
    '1,1': a > b && c > d,
  } as Record<string, boolean>;
}

describe('two-population equilibria', () => {
  it('bistable: (0,0) and (1,1) stable, an interior saddle at x* = (Ce−ge)/(q(1−α)V), y* = (Cs−gs)/(αV)', () => {
    const eqs = findEquilibria(twoPopulationGame(bistable));
    expect(eqs).toHaveLength(5);
    expect(eqs.filter((e) => e.stable).map((e) => e.label).sort()).toEqual(['(0,0)', '(1,1)']);
    const xs = (5 - 3.5) / (1 * 0.6 * 10);
    const ys = (3 - 0) / (0.4 * 10);
    const interior = eqs.find((e) => !e.pure)!;
    expect(interior.point[0]).toBeCloseTo(xs, 14);
    expect(interior.point[1]).toBeCloseTo(ys, 14);
    expect(interior.kind).toBe('saddle');
    // Eigenvalues ±sqrt(x*(1−x*)αV · y*(1−y*)q(1−α)V).
    const lam = Math.sqrt(xs * (1 - xs) * 4 * ys * (1 - ys) * 6);
    expect(interior.eigenvalues).toHaveLength(2);
    expect(interior.eigenvalues[0] as number).toBeCloseTo(-lam, 12);
    expect(interior.eigenvalues[1] as number).toBeCloseTo(lam, 12);
    // Corner eigenvalues are the diagonal entries (1 − 2p)·gain.
    expect(at(eqs, 1, 1).eigenvalues).toEqual([-(6 - 1.5), -(4 - 3)]);
    expect(at(eqs, 0, 0).eigenvalues).toEqual([-3, -1.5]);
    expect(at(eqs, 1, 1).condition).toBe('(1,1) is stable when αV > Cs − gs and q(1−α)V > Ce − ge');
    expect(at(eqs, 1, 1).kind).toBe('stable node');
    expect(at(eqs, 0, 1).kind).toBe('unstable node');
  });

  it('dominant: (1,1) is the only stable point and there is no interior point', () => {
    const eqs = findEquilibria(twoPopulationGame(dominant));
    expect(eqs.every((e) => e.pure)).toBe(true);
    expect(eqs.filter((e) => e.stable).map((e) => e.label)).toEqual(['(1,1)']);
    expect(at(eqs, 0, 0).kind).toBe('unstable node');
    expect(at(eqs, 1, 0).kind).toBe('saddle');
  });

  it('schools keen, firms cold: (1,0) is the only stable point', () => {
    const eqs = findEquilibria(twoPopulationGame(keenCold));
    expect(eqs.filter((e) => e.stable).map((e) => e.label)).toEqual(['(1,0)']);
    const e = at(eqs, 1, 0);
    expect(e.checks.map((c) => c.text)).toEqual(['Cs − gs < 0', 'q(1−α)V < Ce − ge']);
    expect(e.checks.map((c) => [c.lhs, c.rhs])).toEqual([
      [-0.5, 0],
      [2, 4],
    ]);
    expect(at(eqs, 1, 1).checks.map((c) => c.holds)).toEqual([true, false]);
  });

  it('corner stability agrees with the hand-derived conditions for random parameters', () => {
    const rng = createRng(11, 'test-equilibria');
    for (let k = 0; k < 300; k++) {
      const p: GameParams = {
        V: 20 * rng.next(),
        alpha: rng.next(),
        Cs: 8 * rng.next(),
        Ce: 8 * rng.next(),
        gs: 8 * rng.next(),
        ge: 8 * rng.next(),
        q: rng.next(),
      };
      const eqs = findEquilibria(twoPopulationGame(p));
      const hand = handStable(p);
      for (const e of eqs.filter((q) => q.pure)) {
        expect(e.stable).toBe(hand[e.point.join(',')]);
        expect(e.checks.every((c) => c.holds)).toBe(e.stable);
      }
      // Every reported point is a rest point.
      for (const e of eqs) {
        const v = [0, 0];
        replicatorVelocity(twoPopulationGame(p), e.point, v);
        expect(Math.hypot(v[0], v[1])).toBeLessThan(1e-12);
      }
      const a = p.alpha * p.V;
      const c = p.q * (1 - p.alpha) * p.V;
      const hasInterior = (p.Cs - p.gs) / a > 0 && (p.Cs - p.gs) / a < 1 && (p.Ce - p.ge) / c > 0 && (p.Ce - p.ge) / c < 1;
      expect(eqs.length).toBe(hasInterior ? 5 : 4);
    }
  });

  it('general coefficients with a > 0 > c give a centre', () => {
    const eqs = findEquilibria(twoPopulationGame({ a: 2, b: 1, c: -3, d: -1.5 }));
    const interior = eqs.find((e) => !e.pure)!;
    expect(interior.point).toEqual([0.5, 0.5]);
    expect(interior.kind).toBe('centre');
    expect(interior.stable).toBe(false);
    const ev = interior.eigenvalues[1];
    expect(typeof ev).toBe('object');
    // ±i·sqrt(|x*(1−x*)a · y*(1−y*)c|) = ±i·sqrt(0.25·2·0.25·3)
    expect((ev as { im: number }).im).toBeCloseTo(Math.sqrt(0.25 * 2 * 0.25 * 3), 12);
  });
});

describe('eigenvalue classification', () => {
  it.each([
    [[[-1, 0], [0, -2]], 'stable node', true],
    [[[1, 0], [0, 2]], 'unstable node', false],
    [[[1, 0], [0, -2]], 'saddle', false],
    [[[-1, 2], [-2, -1]], 'stable focus', true],
    [[[1, 2], [-2, 1]], 'unstable focus', false],
    [[[0, 1], [-1, 0]], 'centre', false],
    [[[0, 0], [0, -1]], 'degenerate', false],
  ] as const)('%j is a %s', (m, kind, stable) => {
    const r = classifyEigenvalues(eigenvalues(m.map((row) => [...row])));
    expect(r).toEqual({ kind, stable });
  });
});

describe('eigenvalues', () => {
  it('the characteristic-polynomial roots agree with mathjs eigs on random 3 × 3 matrices', () => {
    const rng = createRng(3, 'test-eigs');
    for (let k = 0; k < 100; k++) {
      const m = [0, 1, 2].map(() => [0, 1, 2].map(() => 4 * rng.next() - 2));
      const a = eigenvalues(m);
      const b = characteristicRoots(m).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
      a.forEach((e, i) => {
        expect(realPart(e)).toBeCloseTo(b[i][0], 6);
        expect(Math.abs(imagPart(e))).toBeCloseTo(Math.abs(b[i][1]), 6);
      });
    }
  });

  it('a real eigenvalue next to a purely imaginary pair (where mathjs eigs does not converge)', () => {
    // Jacobian of a mixed face point of the three-population game.
    const m = [
      [-1.1801536065526905, 0, 0],
      [0.003003765077321272, 0, 0.7380267351904743],
      [-0.7371076381857992, -1.2106883568460367, 0],
    ];
    const e = eigenvalues(m);
    expect(e[0]).toBeCloseTo(-1.1801536065526905, 12);
    const w = Math.sqrt(0.7380267351904743 * 1.2106883568460367);
    expect(Math.abs(realPart(e[1]))).toBeLessThan(1e-12);
    expect(Math.abs(imagPart(e[1]))).toBeCloseTo(w, 12);
    expect(classifyEigenvalues(e).kind).toBe('degenerate');
  });
});

describe('three-population equilibria', () => {
  const gov = { Cg: 2, Gs: 1, Se: 1, Fs: 1, Fe: 1, L: 4 };
  const params = { ...bistable, government: gov };

  it('corners: stable exactly when every population keeps its strategy (hand-derived gains)', () => {
    const game = threePopulationGame(params);
    const eqs = findEquilibria(game);
    const a = 4, b = 3, c = 6, d = 1.5;
    for (const e of eqs.filter((q) => q.pure)) {
      const [x, y, z] = e.point;
      const gs = a * y + (gov.Gs + gov.Fs) * z - b;
      const ge = c * x + (gov.Se + gov.Fe) * z - d;
      const gg = gov.L * (1 - x * y) + gov.Fs * (1 - x) + gov.Fe * (1 - y) - gov.Cg - gov.Gs * x - gov.Se * y;
      const keeps = (p: number, g: number) => (p === 1 ? g > 0 : g < 0);
      expect(e.stable).toBe(keeps(x, gs) && keeps(y, ge) && keeps(z, gg));
      expect(e.eigenvalues.map(realPart).sort((u, v) => u - v)).toEqual(
        [(1 - 2 * x) * gs, (1 - 2 * y) * ge, (1 - 2 * z) * gg].sort((u, v) => u - v),
      );
    }
    // With full cooperation an active government only pays: (1,1,1) is never stable here.
    expect(eqs.find((e) => e.label === '(1,1,1)')!.stable).toBe(false);
    expect(eqs.find((e) => e.label === '(1,1,0)')!.stable).toBe(true);
  });

  it('mixed rest points are rest points, lie in the cube and are never asymptotically stable', () => {
    const rng = createRng(5, 'test-three');
    let mixedSeen = 0;
    for (let k = 0; k < 200; k++) {
      const g = { Cg: 6 * rng.next(), Gs: 3 * rng.next(), Se: 3 * rng.next(), Fs: 3 * rng.next(), Fe: 3 * rng.next(), L: 8 * rng.next() };
      const p = { V: 15 * rng.next(), alpha: rng.next(), Cs: 6 * rng.next(), Ce: 6 * rng.next(), gs: 2 * rng.next(), ge: 2 * rng.next(), q: rng.next(), government: g };
      const game = threePopulationGame(p);
      for (const e of findEquilibria(game)) {
        const v = [0, 0, 0];
        replicatorVelocity(game, e.point, v);
        expect(Math.hypot(...v)).toBeLessThan(1e-10);
        expect(e.point.every((u) => u >= 0 && u <= 1)).toBe(true);
        if (!e.pure) {
          mixedSeen++;
          expect(e.stable).toBe(false);
        }
      }
    }
    expect(mixedSeen).toBeGreaterThan(20);
  });

  it('the analytic Jacobian matches finite differences', () => {
    const game = threePopulationGame(params);
    const p = [0.3, 0.6, 0.45];
    const J = replicatorJacobian(game, p);
    const h = 1e-6;
    for (let j = 0; j < 3; j++) {
      const up = [...p];
      const dn = [...p];
      up[j] += h;
      dn[j] -= h;
      const vu = [0, 0, 0];
      const vd = [0, 0, 0];
      replicatorVelocity(game, up, vu);
      replicatorVelocity(game, dn, vd);
      for (let i = 0; i < 3; i++) expect(J[i][j]).toBeCloseTo((vu[i] - vd[i]) / (2 * h), 7);
    }
  });

  it('with no government incentives and a never-active government the first two rows are the two-population game', () => {
    const none = { ...bistable, government: { Cg: 1, Gs: 0, Se: 0, Fs: 0, Fe: 0, L: 0 } };
    const eqs = findEquilibria(threePopulationGame(none));
    const face = eqs.find((e) => !e.pure && e.point[2] === 0)!;
    const two = findEquilibria(twoPopulationGame(bistable)).find((e) => !e.pure)!;
    expect(face.point.slice(0, 2)).toEqual(two.point);
  });
});
