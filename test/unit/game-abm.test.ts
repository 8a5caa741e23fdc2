import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { gameAbmEnsemble, maxImitationProbability, runGameAbm } from '../../src/analysis/game/game-abm.ts';
import { gameFromParams } from '../../src/analysis/game/game-from-params.ts';
import { tippingThreshold } from '../../src/analysis/game/tipping-threshold.ts';
import { trajectory } from '../../src/analysis/game/trajectory.ts';
import type { GameParams } from '../../src/analysis/game/game-params.ts';

const bistable: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 3.5, q: 1 };
const dominant: GameParams = { V: 10, alpha: 0.4, Cs: 3, Ce: 5, gs: 3.5, ge: 5.5, q: 0.8 };
const keenCold: GameParams = { V: 10, alpha: 0.6, Cs: 2, Ce: 5, gs: 2.5, ge: 1, q: 0.5 };
const tripartite: GameParams = { ...bistable, ge: 2, government: { Cg: 1, Gs: 1, Se: 1, Fs: 1, Fe: 1, L: 4 } };

/** Largest |ABM ensemble mean − ODE| over the report times `at` and all populations. */
function gapToOde(params: GameParams, start: number[], at: number[], agents: number, reps: number, M = 10, seed = 1): number {
  const game = gameFromParams(params);
  const tmax = Math.max(...at);
  const ode = trajectory(game, start, tmax);
  const ens = gameAbmEnsemble(game, { agents, tmax, start, sweepsPerUnit: M }, reps, seed);
  let max = 0;
  for (const t of at) {
    const k = ens.times.indexOf(t);
    expect(k).toBeGreaterThan(0);
    for (let i = 0; i < game.dim; i++) max = Math.max(max, Math.abs(ens.mean[i][k] - ode.points[k][i]));
  }
  return max;
}

describe('agent-based game', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const game = gameFromParams(bistable);
    const opts = { agents: 300, tmax: 3, start: [0.5, 0.5] };
    const a = runGameAbm(game, opts, 42);
    const b = runGameAbm(game, opts, 42);
    const c = runGameAbm(game, opts, 43);
    expect(a.shares.map((s) => Array.from(s))).toEqual(b.shares.map((s) => Array.from(s)));
    expect(a.shares.map((s) => Array.from(s))).not.toEqual(c.shares.map((s) => Array.from(s)));
    expect(a.times).toHaveLength(31);
    expect(a.shares[0][0]).toBe(0.5);
  });

  it.each([
    ['bistable from the example start', bistable, [0.5, 0.5], 10],
    ['bistable, into the shallow trap', bistable, [0.2, 0.3], 10],
    // Fast take-off: at M = 10 the Euler lag of the sweeps alone is 0.057 at t = 2.
    ['dominant', dominant, [0.1, 0.1], 20],
    ['schools keen, firms cold', keenCold, [0.5, 0.5], 10],
    // Governments leave fast here (gain up to 5); at M = 10 the Euler lag of the sweeps is 0.064 at t = 2.
    ['tripartite', tripartite, [0.5, 0.5, 0.5], 20],
  ] as const)('ensemble mean within 0.06 of the ODE at t = 1, 2, 3, 6: %s', (_, params, start, M) => {
    expect(gapToOde(params, [...start], [1, 2, 3, 6], 1000, 20, M)).toBeLessThan(0.06);
  });

  it('the mean follows the Euler step 1/M of the ODE, so the gap shrinks as M grows', () => {
    const at = [0.5, 1, 1.5, 2, 2.5, 3];
    // The Euler maps alone (no sampling) lag the ODE by 0.069 at M = 10 and 0.019 at M = 40 on
    // these times; 16 runs of 20,000 agents add about 0.003 of noise to the mean.
    const gap10 = gapToOde(dominant, [0.1, 0.1], at, 20000, 16, 10);
    const gap40 = gapToOde(dominant, [0.1, 0.1], at, 20000, 16, 40);
    expect(gap40).toBeLessThan(gap10 / 2.5);
    expect(gap40).toBeLessThan(0.025);
    // The expected sweep map: p ← p + p(1−p)·gain(p)/M, for all populations at once.
    const game = gameFromParams(dominant);
    const ens = gameAbmEnsemble(game, { agents: 20000, tmax: 3, start: [0.1, 0.1] }, 4, 1);
    let p = [0.1, 0.1];
    const g = [0, 0];
    for (let s = 1; s <= 30; s++) {
      game.gains(p, g);
      p = p.map((v, i) => v + (v * (1 - v) * g[i]) / 10);
      for (let i = 0; i < 2; i++) expect(Math.abs(ens.mean[i][s] - p[i])).toBeLessThan(0.01);
    }
  });

  it('the share of runs reaching (1,1) crosses one half near the ODE threshold', () => {
    const start = [0.5, 0.5];
    const ode = tippingThreshold(bistable, 'ge', 0, 5, start)!;
    const ges = Array.from({ length: 13 }, (_, i) => 3 + 0.05 * i);
    const share = ges.map((ge) => gameAbmEnsemble(gameFromParams({ ...bistable, ge }), { agents: 500, tmax: 15, start }, 40, 7).endedDeep);
    expect(share[0]).toBeLessThan(0.5);
    expect(share[share.length - 1]).toBeGreaterThan(0.5);
    const k = share.findIndex((s) => s >= 0.5);
    const crossing = ges[k - 1] + ((0.5 - share[k - 1]) / (share[k] - share[k - 1])) * (ges[k] - ges[k - 1]);
    expect(Math.abs(crossing - ode)).toBeLessThan(0.05);
  });

  it('reports the largest imitation probability and stays within shares 0–1 when it is clipped', () => {
    const game = gameFromParams(dominant);
    // Largest |gain| at a corner: q(1−α)V − (Ce − ge) = 4.8 + 0.5.
    expect(maxImitationProbability(game, 10)).toBeCloseTo(0.53, 12);
    expect(maxImitationProbability(game, 1)).toBeGreaterThan(1);
    const run = runGameAbm(game, { agents: 200, tmax: 5, start: [0.1, 0.1], sweepsPerUnit: 1 }, 3);
    for (const s of run.shares) for (const v of s) expect(v >= 0 && v <= 1).toBe(true);
    expect(run.times).toHaveLength(51);
  });

  it('is pure: no Node APIs, clock or Math.random', () => {
    for (const file of ['game-abm.ts', 'game-abm-kernel.ts', 'xoshiro128.ts']) {
      const src = readFileSync(new URL(`../../src/analysis/game/${file}`, import.meta.url), 'utf8');
      expect(src).not.toMatch(/from 'node:|Math\.random|Date\.now|performance\.|process\./);
    }
  });
});
