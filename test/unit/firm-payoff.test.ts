import { describe, it, expect } from 'vitest';
import { createWorld } from '../../src/model/create-world.ts';
import { firmItems, discountedValue, I_PAY, I_RECRUITMENT, I_TAX, I_GREEN, I_INVESTMENT, I_DISPUTE, I_SUBSIDY, I_EVALUATION, I_TECH, I_POACHING, ITEM_COUNT } from '../../src/model/firm-payoff.ts';
import { CONTRACT, FRIENDSHIP, type World } from '../../src/model/state.ts';
import { small } from '../helpers/scenario.ts';

const items = () => new Float64Array(ITEM_COUNT);

function world(over: Record<string, unknown> = {}): World {
  const w = createWorld(small(over), 3);
  w.lever.internPayFloor = 0.8;
  return w;
}

/** A high-tech and a low-tech firm of the world. */
function firmsByTech(w: World): { high: number; low: number } {
  const high = w.firms.tech.indexOf(1);
  const low = w.firms.tech.indexOf(0);
  return { high, low };
}

describe('firm payoff: every lever acts through its mechanism', () => {
  it('law enforces the intern pay floor (a cost) and makes service terms hold (retention)', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    const a = items();
    const b = items();
    const without = { ...firmItems(w, f, 0, 2, CONTRACT, a) };
    w.lever.law = 1;
    const withLaw = { ...firmItems(w, f, 0, 2, CONTRACT, b) };
    expect(b[I_PAY]).toBeLessThan(a[I_PAY]);
    expect(b[I_PAY] / a[I_PAY]).toBeCloseTo(0.8 / 0.6, 10);
    expect(withLaw.retention).toBeGreaterThan(without.retention);
    expect(b[I_DISPUTE]).toBeGreaterThan(a[I_DISPUTE]);
    // Friendship ties get no enforceable service term.
    const c = items();
    expect(firmItems(w, f, 0, 1, FRIENDSHIP, c).retention).toBeCloseTo(w.scenario.economics.retentionBase, 12);
  });

  it('tax relief and the green channel reach certified firms only', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    w.lever.taxRelief = 0.3;
    w.lever.greenChannel = 1;
    const shallow = items();
    firmItems(w, f, 0, 1, FRIENDSHIP, shallow);
    expect(shallow[I_TAX]).toBe(0);
    expect(shallow[I_GREEN]).toBe(0);
    const deep = items();
    firmItems(w, f, 0, 3, CONTRACT, deep);
    expect(deep[I_TAX]).toBeGreaterThan(0);
    expect(deep[I_GREEN]).toBeGreaterThan(0);
    w.firms.flagged[f] = 1;
    const flagged = items();
    firmItems(w, f, 0, 3, CONTRACT, flagged);
    expect(flagged[I_TAX]).toBe(0);
  });

  it('subsidies go to contract partnerships per intern', () => {
    const w = world();
    w.lever.subsidyPerInternMonth = 2;
    const a = items();
    const flows = firmItems(w, 0, 0, 2, CONTRACT, a);
    expect(a[I_SUBSIDY]).toBeCloseTo(2 * flows.interns, 12);
    const b = items();
    firmItems(w, 0, 0, 1, FRIENDSHIP, b);
    expect(b[I_SUBSIDY]).toBe(0);
  });

  it('groups share training bases and evaluations reward depth, penalise formal shallow ties', () => {
    const w = world({ policy: { evaluationInterval: 2 } });
    w.lever.groups = 1;
    w.firms.inGroup[0] = 0;
    w.schools.inGroup[0] = 1;
    const outside = items();
    firmItems(w, 0, 0, 3, CONTRACT, outside);
    w.firms.inGroup[0] = 1;
    const inside = items();
    firmItems(w, 0, 0, 3, CONTRACT, inside);
    expect(inside[I_INVESTMENT]).toBeGreaterThan(outside[I_INVESTMENT]);
    expect(inside[I_EVALUATION]).toBeGreaterThan(0);
    const shallow = items();
    firmItems(w, 0, 0, 1, FRIENDSHIP, shallow);
    expect(shallow[I_EVALUATION]).toBeLessThan(0);
  });

  it('cheap labour cuts what a trained graduate saves a low-tech firm, not a high-tech one', () => {
    const w = world();
    const { high, low } = firmsByTech(w);
    const lowA = items();
    const highA = items();
    firmItems(w, low, 0, 2, CONTRACT, lowA);
    firmItems(w, high, 0, 2, CONTRACT, highA);
    w.labour.cheapLabour.fill(0);
    const lowB = items();
    const highB = items();
    firmItems(w, low, 0, 2, CONTRACT, lowB);
    firmItems(w, high, 0, 2, CONTRACT, highB);
    expect(lowB[I_RECRUITMENT]).toBeGreaterThan(lowA[I_RECRUITMENT]);
    expect(highB[I_RECRUITMENT]).toBe(highA[I_RECRUITMENT]);
  });

  it('short-horizon firms discount late benefits: long-horizon firms value deep cooperation more', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    const a = items();
    firmItems(w, f, 0, 3, CONTRACT, a);
    // For a high-tech firm the late items (savings net of poaching) are a gain.
    expect(a[I_RECRUITMENT] + a[I_TECH] + a[I_POACHING]).toBeGreaterThan(0);
    w.firms.discount[f] = 0.6;
    const short = discountedValue(w, f, 3, a);
    w.firms.discount[f] = 0.08;
    const long = discountedValue(w, f, 3, a);
    expect(long).toBeGreaterThan(short);
  });

  it('depth-4 partners get technical services that grow with teacher practice', () => {
    const w = world();
    const a = items();
    w.schools.teacherPractice[0] = 0.2;
    firmItems(w, 0, 0, 4, CONTRACT, a);
    const b = items();
    w.schools.teacherPractice[0] = 0.8;
    firmItems(w, 0, 0, 4, CONTRACT, b);
    expect(b[I_TECH]).toBeCloseTo(4 * a[I_TECH], 10);
    const c = items();
    firmItems(w, 0, 0, 3, CONTRACT, c);
    expect(c[I_TECH]).toBe(0);
  });
});
