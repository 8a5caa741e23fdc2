import { describe, it, expect } from 'vitest';
import { createWorld } from '../../src/model/create-world.ts';
import {
  certificationChance,
  discountedValue,
  firmItems,
  internPayShare,
  surchargeLiability,
  I_CURRICULUM,
  I_DISPUTE,
  I_EVALUATION,
  I_GREEN,
  I_INVESTMENT,
  I_PAY,
  I_POACHING,
  I_RECRUITMENT,
  I_SUBSIDY,
  I_SUPERVISION,
  I_TAX,
  I_TECH,
  ITEM_COUNT,
  netOf,
} from '../../src/model/firm-payoff.ts';
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
  it('law makes service terms hold (retention) and cuts disputes; friendship ties get no service term', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    const a = items();
    const b = items();
    const without = { ...firmItems(w, f, 0, 2, CONTRACT, a) };
    w.lever.law = 1;
    const withLaw = { ...firmItems(w, f, 0, 2, CONTRACT, b) };
    expect(withLaw.retention).toBeGreaterThan(without.retention);
    expect(b[I_DISPUTE]).toBeGreaterThan(a[I_DISPUTE]);
    const c = items();
    expect(firmItems(w, f, 0, 1, FRIENDSHIP, c).retention).toBeCloseTo(w.scenario.economics.retentionBase, 12);
  });

  it('the pay floor binds post internships (depth ≥ 2) partly at law 0 and fully at law 1, never short visits', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    const e = w.scenario.economics;
    const visit0 = items();
    const post0 = items();
    firmItems(w, f, 0, 1, CONTRACT, visit0);
    firmItems(w, f, 0, 2, CONTRACT, post0);
    expect(internPayShare(w, 1)).toBe(e.internPayShare);
    // The floor matters without law: pay lies above the customary share, below the floor.
    expect(internPayShare(w, 2)).toBeGreaterThan(e.internPayShare);
    expect(internPayShare(w, 2)).toBeLessThan(0.8);
    w.lever.law = 1;
    const visit1 = items();
    const post1 = items();
    firmItems(w, f, 0, 1, CONTRACT, visit1);
    firmItems(w, f, 0, 2, CONTRACT, post1);
    expect(visit1[I_PAY]).toBe(visit0[I_PAY]);
    expect(post1[I_PAY]).toBeLessThan(post0[I_PAY]);
    // Arithmetic of the compliance rule: at full law firms pay the floor exactly.
    expect(internPayShare(w, 3)).toBeCloseTo(0.8, 12);
    // A floor below the customary share changes nothing.
    w.lever.internPayFloor = 0.5;
    expect(internPayShare(w, 2)).toBe(e.internPayShare);
  });

  it('tax relief credits qualifying investment (bases, equipment, curriculum), not supervision, up to the surcharge liability', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    w.lever.taxRelief = 0.3;
    w.firms.certified[f] = 1;
    const deep = items();
    firmItems(w, f, 0, 3, CONTRACT, deep);
    expect(deep[I_TAX]).toBeGreaterThan(0);
    // Arithmetic of the credit: 30% of curriculum + investment when the liability is not reached.
    expect(deep[I_TAX]).toBeCloseTo(-0.3 * (deep[I_CURRICULUM] + deep[I_INVESTMENT]), 10);
    expect(deep[I_TAX]).toBeLessThan(-0.3 * (deep[I_CURRICULUM] + deep[I_INVESTMENT] + deep[I_SUPERVISION]));
    expect(surchargeLiability(w, f)).toBeGreaterThan(deep[I_TAX]);
    // Visits carry no qualifying investment, so no credit.
    const visit = items();
    firmItems(w, f, 0, 1, CONTRACT, visit);
    expect(visit[I_TAX]).toBe(0);
    // A small firm's liability caps the credit.
    w.firms.scale[f] = 0.001;
    const tiny = items();
    firmItems(w, f, 0, 4, CONTRACT, tiny);
    expect(tiny[I_TAX]).toBeCloseTo(surchargeLiability(w, f), 12);
    expect(tiny[I_TAX]).toBeLessThan(-0.3 * (tiny[I_CURRICULUM] + tiny[I_INVESTMENT]));
  });

  it('a firm not yet certified counts on relief only through a partnership it may apply with, at the screening\'s acceptance rate', () => {
    const w = world();
    const { high: f } = firmsByTech(w);
    w.lever.taxRelief = 0.3;
    w.lever.greenChannel = 1;
    w.firms.certified[f] = 1;
    const sure = items();
    firmItems(w, f, 0, 3, CONTRACT, sure);
    w.firms.certified[f] = 0;
    w.certification.acceptRate = 0.25;
    const hoped = items();
    firmItems(w, f, 0, 3, CONTRACT, hoped);
    expect(hoped[I_TAX]).toBeCloseTo(0.25 * sure[I_TAX], 10);
    expect(hoped[I_GREEN]).toBeCloseTo(0.25 * sure[I_GREEN], 10);
    const friendship = items();
    firmItems(w, f, 0, 1, FRIENDSHIP, friendship);
    expect(friendship[I_GREEN]).toBe(0);
    w.firms.flagged[f] = 1;
    const flagged = items();
    firmItems(w, f, 0, 3, CONTRACT, flagged);
    expect(flagged[I_TAX]).toBe(0);
    // Without relief to gain, nobody applies and certification is worth nothing.
    w.firms.flagged[f] = 0;
    w.lever.taxRelief = 0;
    w.lever.greenChannel = 0;
    expect(certificationChance(w, f, 3, CONTRACT)).toBe(0);
  });

  it('subsidies go to contract partnerships per intern-month, so a six-month placement earns four times a visit', () => {
    const w = world();
    w.lever.subsidyPerInternMonth = 0.4;
    const e = w.scenario.economics;
    const a = items();
    const flows = { ...firmItems(w, 0, 0, 3, CONTRACT, a) };
    // Arithmetic of the rule: rate × interns × months.
    expect(a[I_SUBSIDY]).toBeCloseTo(0.4 * flows.interns * e.internMonths[2], 12);
    const visit = items();
    const visitFlows = firmItems(w, 0, 0, 1, CONTRACT, visit);
    expect(a[I_SUBSIDY] / flows.interns).toBeCloseTo((4 * visit[I_SUBSIDY]) / visitFlows.interns, 12);
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

describe('netOf', () => {
  it('sums every item, in item order (a new item must be added to the written-out sum)', () => {
    const items = new Float64Array(ITEM_COUNT);
    for (let i = 0; i < ITEM_COUNT; i++) items[i] = 2 ** i;
    expect(netOf(items)).toBe(2 ** ITEM_COUNT - 1);
    // Same bits as a loop in item order, on values where the order matters.
    const mixed = Float64Array.from({ length: ITEM_COUNT }, (_, i) => (i % 2 ? -1 : 1) * (0.1 + i * 1e15));
    let loop = 0;
    for (let i = 0; i < ITEM_COUNT; i++) loop += mixed[i];
    expect(Object.is(netOf(mixed), loop)).toBe(true);
  });
});
