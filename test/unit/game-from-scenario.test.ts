import { describe, expect, it } from 'vitest';
import { gameFromScenario, START_FLOOR } from '../../src/analysis/game/game-from-scenario.ts';
import { deepIsStable, leverThreshold } from '../../src/analysis/game/lever-thresholds.ts';
import { gameFromParams } from '../../src/analysis/game/game-from-params.ts';
import { settle } from '../../src/analysis/game/settle.ts';
import { withGameParam } from '../../src/analysis/game/game-params.ts';
import { ITEMS } from '../../src/model/firm-payoff.ts';
import { small } from '../helpers/scenario.ts';

const base = small();
const game = (overrides: Record<string, unknown> = {}, government = false) => gameFromScenario(small(overrides), { government });

describe('gameFromScenario: the reduced form of the model', () => {
  it('is pure: the same scenario gives the same game, twice', () => {
    expect(JSON.stringify(gameFromScenario(base))).toBe(JSON.stringify(gameFromScenario(base)));
  });

  it('derives finite terms for every firm–college pair of the region', () => {
    const g = gameFromScenario(base);
    // 300 firms, 8 colleges in 2 regions: each firm meets the 4 colleges of its region.
    expect(g.heterogeneity.pairs).toBe(300 * 4);
    for (const v of Object.values(g.params)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    expect(g.params.V).toBeGreaterThan(0);
    expect(g.params.alpha).toBeGreaterThan(0);
    expect(g.params.alpha).toBeLessThan(1);
    expect(g.params.q).toBeGreaterThan(0);
    expect(g.params.q).toBeLessThanOrEqual(1);
    expect(g.start.x0).toBeGreaterThanOrEqual(START_FLOOR);
  });

  it('names for every term the payoff items it came from, and only items the model has', () => {
    const g = game({ policy: { taxRelief: 0.3, law: 0.5 } }, true);
    for (const [name, term] of Object.entries(g.terms)) {
      expect(term.formula.length, name).toBeGreaterThan(0);
      for (const item of term.from.filter((f) => f.startsWith('firm.'))) expect(ITEMS as readonly string[]).toContain(item.slice(5));
    }
    expect(g.terms.ge.from).toContain('firm.internPay');
    expect(g.terms.Se.from).toContain('firm.taxRelief');
    expect(g.terms.Ce.from).toContain('firm.supervision');
  });

  it('formula check (restates the definition): Cs is the extra staff time of depth 3 over depth 1, αV + firm share = V', () => {
    const g = gameFromScenario(base);
    const c = base.schools.coordinationCost;
    expect(g.params.Cs).toBe(c[2] - c[0]);
    expect(g.params.alpha * g.params.V).toBeCloseTo(g.params.V - (1 - g.params.alpha) * g.params.V, 9);
  });

  it('tax relief and the subsidy raise the firm support ge and nothing else', () => {
    const g0 = gameFromScenario(base).params;
    for (const policy of [{ taxRelief: 0.3 }, { subsidyPerInternMonth: 2 }]) {
      const g1 = game({ policy }).params;
      expect(g1.ge, JSON.stringify(policy)).toBeGreaterThan(g0.ge + 1);
      expect(g1.Ce).toBe(g0.Ce);
      expect(g1.V).toBe(g0.V);
      expect(g1.q).toBe(g0.q);
    }
    // More relief, more support.
    expect(game({ policy: { taxRelief: 0.6 } }).params.ge).toBeGreaterThan(game({ policy: { taxRelief: 0.3 } }).params.ge);
  });

  it('tax relief needs certification: with no certification quota it gives no support', () => {
    expect(game({ policy: { taxRelief: 0.3, certificationQuota: 0 } }).params.ge).toBe(0);
  });

  it('better school conditions raise q; more supervision of deep interns raises Ce', () => {
    const g0 = gameFromScenario(base).params;
    expect(game({ schools: { facilities: 0.8, teacherPractice: 0.8 } }).params.q).toBeGreaterThan(g0.q);
    expect(game({ economics: { supervisionShare: [0.2, 0.25, 0.4, 0.25] } }).params.Ce).toBeGreaterThan(g0.Ce);
  });

  it('group evaluations enter ge (two populations) and Se, Fe (three populations)', () => {
    const policy = { groups: 0.8, evaluationInterval: 2 };
    const without = game({ policy: { groups: 0.8 } });
    const two = game({ policy });
    const three = game({ policy }, true);
    expect(two.params.ge).toBeGreaterThan(without.params.ge);
    expect(three.params.government!.Se).toBeGreaterThan(0);
    expect(three.params.government!.Fe).toBeGreaterThan(0);
    // The law is the only support left in ge with a government population (none here).
    expect(three.params.ge).toBe(0);
    expect(three.params.government!.Cg).toBeGreaterThan(without.terms.Cg?.value ?? 0);
  });

  it('the law enters ge through the pay floor it enforces: positive once the floor costs nothing more', () => {
    // With a pay floor at the customary share the law only raises retention and cuts disputes.
    expect(game({ policy: { law: 1, internPayFloor: 0 } }).terms.lawEffect.value).toBeGreaterThan(0);
    // With the 80% floor enforced, firms pay interns more: the law costs them.
    expect(game({ policy: { law: 1 } }).terms.lawEffect.value).toBeLessThan(game({ policy: { law: 1, internPayFloor: 0 } }).terms.lawEffect.value);
  });

  it('uses the levers of the year asked for', () => {
    const steps = { policy: { subsidyPerInternMonth: [{ from: 3, value: 2 }] } };
    expect(gameFromScenario(small(steps), { year: 2 }).params.ge).toBe(0);
    expect(gameFromScenario(small(steps), { year: 3 }).params.ge).toBeGreaterThan(0);
  });

  it('rejects a year the scenario does not have, naming the range', () => {
    expect(() => gameFromScenario(base, { year: 8 })).toThrow(/year: 8 .*0–7/);
    expect(() => gameFromScenario(base, { year: 1.5 })).toThrow(/integer/);
  });
});

describe('leverThreshold: the game\'s tipping point of a lever', () => {
  it('the subsidy tips the game within its range; at the threshold the path ends deep and just below it does not', () => {
    const t = leverThreshold(base, 'subsidyPerInternMonth');
    expect(t.threshold).not.toBeNull();
    const at = (v: number) => gameFromScenario(small({ policy: { subsidyPerInternMonth: v } }));
    const tips = (v: number) => {
      const g = at(v);
      return settle(gameFromParams(g.params), [g.start.x0, g.start.y0], { tmax: 50_000 }).endsDeep;
    };
    expect(tips(t.threshold!)).toBe(true);
    expect(tips(t.threshold! - 0.1)).toBe(false);
    // Stability of (1,1) comes first: the start must still cross the separatrix.
    expect(t.deepStableFrom).not.toBeNull();
    expect(t.deepStableFrom!).toBeLessThan(t.threshold!);
    expect(deepIsStable(at(t.deepStableFrom! + 0.01).params)).toBe(true);
    expect(deepIsStable(at(t.deepStableFrom! - 0.01).params)).toBe(false);
  });

  it('deepIsStable agrees with the equilibria of the game (two populations)', () => {
    const p = gameFromScenario(base).params;
    const need = p.Ce - p.q * (1 - p.alpha) * p.V;
    expect(deepIsStable(withGameParam(p, 'ge', need + 1))).toBe(p.alpha * p.V > p.Cs);
    expect(deepIsStable(withGameParam(p, 'ge', need - 1))).toBe(false);
  });

  it('rejects an empty range', () => {
    expect(() => leverThreshold(base, 'taxRelief', { from: 0.5, to: 0.5 })).toThrow(/range .* empty/);
  });
});

describe('maxPairs: a large world averaged over every k-th firm', () => {
  it('bounds the pairs and stays close to the full average', () => {
    const full = gameFromScenario(base);
    const sampled = gameFromScenario(base, { maxPairs: 400 });
    expect(sampled.heterogeneity.pairs).toBeLessThanOrEqual(400);
    expect(sampled.heterogeneity.pairs).toBeGreaterThan(300);
    expect(sampled.params.Cs).toBe(full.params.Cs);
    expect(Math.abs(sampled.params.Ce - full.params.Ce) / full.params.Ce).toBeLessThan(0.15);
    expect(gameFromScenario(base, { maxPairs: 1e9 }).heterogeneity.pairs).toBe(full.heterogeneity.pairs);
  });
});
