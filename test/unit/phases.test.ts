import { describe, it, expect } from 'vitest';
import { createWorld } from '../../src/model/create-world.ts';
import { policyPhase } from '../../src/model/phases/policy.ts';
import { labourMarketPhase } from '../../src/model/phases/labour-market.ts';
import { matchingPhase, recomputeLoads } from '../../src/model/phases/matching.ts';
import { decisionsPhase } from '../../src/model/phases/decisions.ts';
import { capabilitiesPhase } from '../../src/model/phases/capabilities.ts';
import { employmentPhase } from '../../src/model/phases/employment.ts';
import { certificationPhase, evaluationPhase } from '../../src/model/phases/evaluation.ts';
import { learningPhase } from '../../src/model/phases/learning.ts';
import { recordPhase } from '../../src/model/phases/record.ts';
import { firmTurnoverPhase } from '../../src/model/phases/firm-turnover.ts';
import { createSimulation, simulate } from '../../src/model/simulate.ts';
import { schoolCapacity } from '../../src/model/school-payoff.ts';
import { METRIC_NAMES } from '../../src/model/metrics.ts';
import { stepYear } from '../../src/model/step.ts';
import { METRIC_COUNT, METRIC_INDEX } from '../../src/model/metrics.ts';
import { surchargeLiability } from '../../src/model/firm-payoff.ts';
import { CONTRACT, FRIENDSHIP, type World } from '../../src/model/state.ts';
import { small } from '../helpers/scenario.ts';

const K = (w: World) => w.partnerships.perFirm;
function clearPartnerships(w: World) {
  w.partnerships.school.fill(-1);
  w.partnerships.depth.fill(0);
}
function place(w: World, f: number, s: number, depth: number, basis: number, startYear = -2) {
  const p = f * K(w);
  w.partnerships.school[p] = s;
  w.partnerships.depth[p] = depth;
  w.partnerships.basis[p] = basis;
  w.partnerships.startYear[p] = startYear;
  w.partnerships.age[p] = w.year - startYear;
  w.partnerships.trust[p] = 0.5;
  return p;
}
const active = (w: World) => w.partnerships.school.reduce((n, s) => n + (s >= 0 ? 1 : 0), 0);

describe('phase 1: policy', () => {
  it('evaluates schedules and expressions for the year and sets group membership by coverage', () => {
    const w = createWorld(small({ policy: { taxRelief: [{ from: 2, value: 0.3 }], groups: 'year >= 1 ? 0.5 : 0', law: 'min(year / 4, 1)' } }), 1);
    policyPhase(w);
    expect(w.lever.taxRelief).toBe(0);
    expect(w.lever.groups).toBe(0);
    expect(w.firms.inGroup.every((g) => g === 0)).toBe(true);
    w.year = 2;
    policyPhase(w);
    expect(w.lever.taxRelief).toBe(0.3);
    expect(w.lever.law).toBe(0.5);
    const members = w.firms.inGroup.reduce((a, b) => a + b, 0) / w.firms.n;
    expect(members).toBeGreaterThan(0.4);
    expect(members).toBeLessThan(0.6);
  });
  it('books the running cost of group members, the data platform and law enforcement', () => {
    const w = createWorld(small({ policy: { groups: 0.5, dataPlatform: 0.5, law: 1 } }), 1);
    policyPhase(w);
    const m = w.scenario.mechanisms;
    const members = w.firms.inGroup.reduce((a, b) => a + b, 0) + w.schools.inGroup.reduce((a, b) => a + b, 0);
    expect(members).toBeGreaterThan(0);
    // Arithmetic of the booking: per member, per college served.
    expect(w.ledger.adminCost).toBeCloseTo(members * m.groupAdminCost + w.schools.n * (0.5 * m.platformCost + m.lawEnforcementCost), 9);
  });
  it('reports an expression that fails at run time with the lever and year', () => {
    // It reads last year's results, so validation can only warn about it; one of year alone is refused there.
    const w = createWorld(small({ policy: { taxRelief: 'year >= 1 ? log(0 * mean_depth) : 0' } }), 1);
    policyPhase(w);
    w.year = 1;
    expect(() => policyPhase(w)).toThrow(/policy\.taxRelief: expression .* gave (-Infinity|NaN) in year 1/);
  });
});

describe('phase 2: labour market', () => {
  it('shrinks cheap labour by its trend from the second year on', () => {
    const w = createWorld(small({ labour: { cheapLabour: 0.8, cheapLabourTrend: -0.1 } }), 1);
    labourMarketPhase(w);
    expect(w.labour.cheapLabour[0]).toBe(0.8);
    w.year = 1;
    labourMarketPhase(w);
    expect(w.labour.cheapLabour[0]).toBeCloseTo(0.72, 12);
  });
});

describe('phase 3: matching', () => {
  it('keen searchers enter partnerships with colleges of their region; nobody searches at rate 0', () => {
    const w = createWorld(small({ behaviour: { searchRate: 1, secondPartnerRate: 0 }, firms: { initialCooperationLow: 0, initialCooperationHigh: 0 } }), 2);
    w.firms.attitude.fill(5);
    policyPhase(w);
    matchingPhase(w);
    expect(active(w)).toBeGreaterThan(w.firms.n * 0.5);
    for (let p = 0; p < w.partnerships.school.length; p++) {
      const s = w.partnerships.school[p];
      if (s < 0) continue;
      const f = Math.floor(p / K(w));
      expect(w.schools.region[s]).toBe(w.firms.region[f]);
      expect(w.partnerships.startYear[p]).toBe(0);
      expect([1, 2]).toContain(w.partnerships.depth[p]);
    }
    const w0 = createWorld(small({ behaviour: { searchRate: 0, secondPartnerRate: 0 }, firms: { initialCooperationLow: 0, initialCooperationHigh: 0 } }), 2);
    policyPhase(w0);
    matchingPhase(w0);
    expect(active(w0)).toBe(0);
  });
  it('the data platform widens the search beyond the firm\'s region', () => {
    const w = createWorld(small({ behaviour: { searchRate: 1 }, policy: { dataPlatform: 1 }, firms: { initialCooperationLow: 0, initialCooperationHigh: 0 } }), 2);
    w.firms.attitude.fill(5);
    policyPhase(w);
    matchingPhase(w);
    let far = 0;
    for (let p = 0; p < w.partnerships.school.length; p++) {
      const s = w.partnerships.school[p];
      if (s >= 0 && w.schools.region[s] !== w.firms.region[Math.floor(p / K(w))]) far++;
    }
    expect(far).toBeGreaterThan(0);
  });
});

describe('phase 4: decisions', () => {
  it('friendship ties dissolve when the contact leaves; contracts and group ties do not', () => {
    // Colleges value placements highly here, so only the contact's leaving ends a tie.
    const w = createWorld(small({ behaviour: { contactTurnover: 1 }, schools: { placementValue: 100 } }), 3);
    clearPartnerships(w);
    w.year = 1;
    const friend = place(w, 0, 0, 1, FRIENDSHIP, 0);
    const contract = place(w, 1, 0, 1, CONTRACT, 0);
    w.firms.attitude[1] = 5;
    policyPhase(w);
    recomputeLoads(w);
    decisionsPhase(w);
    expect(w.partnerships.school[friend]).toBe(-1);
    expect(w.partnerships.school[contract]).toBe(0);
    expect(w.counters.newLastYear).toBe(2);
    expect(w.counters.endedAfterOneYear).toBe(1);
    expect(w.reasons.choice[0]).toBe(7);
  });
  it('moving up needs enough trust', () => {
    const w = createWorld(small({ behaviour: { contactTurnover: 0 } }), 3);
    clearPartnerships(w);
    w.year = 3;
    for (let f = 0; f < 50; f++) place(w, f, f % w.schools.n, 2, CONTRACT, 0);
    for (let f = 0; f < 50; f++) w.partnerships.trust[f * K(w)] = 0;
    w.firms.attitude.fill(5);
    policyPhase(w);
    recomputeLoads(w);
    decisionsPhase(w);
    for (let f = 0; f < 50; f++) expect(w.partnerships.depth[f * K(w)]).toBeLessThanOrEqual(2);
  });
  it('school loads stay equal to the depth they serve', () => {
    const w = createWorld(small(), 4);
    policyPhase(w);
    matchingPhase(w);
    decisionsPhase(w);
    const load = Float64Array.from(w.schools.load);
    recomputeLoads(w);
    expect(Array.from(load)).toEqual(Array.from(w.schools.load));
  });
});

describe('phase 5: capabilities', () => {
  it('deep partners add equipment; conditions relax toward the college\'s own level', () => {
    const w = createWorld(small(), 5);
    clearPartnerships(w);
    for (let f = 0; f < 5; f++) place(w, f, 0, 4, CONTRACT);
    policyPhase(w);
    const before0 = w.schools.facilities[0];
    w.schools.facilities[1] = w.schools.ownFacilities[1] + 0.2;
    const before1 = w.schools.facilities[1];
    capabilitiesPhase(w);
    expect(w.schools.facilities[0]).toBeGreaterThan(before0);
    expect(w.schools.teacherPractice[0]).toBeGreaterThan(w.schools.ownTeacherPractice[0]);
    expect(w.schools.facilities[1]).toBeLessThan(before1);
  });
  it('school funding is paid to colleges that passed evaluation when evaluations run', () => {
    const w = createWorld(small({ policy: { schoolFunding: 2, evaluationInterval: 2 } }), 5);
    policyPhase(w);
    w.schools.passed.fill(0);
    w.schools.passed[0] = 1;
    w.schools.passed[1] = 1;
    capabilitiesPhase(w);
    expect(w.ledger.schoolFunding).toBe(2 * 2 * 1000);
  });
});

describe('phase 6: graduates and employment', () => {
  it('a certified firm uses its credit up to its surcharge liability and carries the rest forward', () => {
    const w = createWorld(small({ policy: { taxRelief: 1 }, economics: { firmStaff: 2 } }), 6);
    clearPartnerships(w);
    place(w, 0, 0, 4, CONTRACT);
    policyPhase(w);
    w.firms.certified[0] = 1;
    employmentPhase(w);
    const liability = surchargeLiability(w, 0);
    expect(w.ledger.taxForgone).toBeCloseTo(liability, 9);
    expect(w.firms.taxCarry[0]).toBeGreaterThan(0);
    // Next year, without new credit, the carried credit is used.
    const carried = w.firms.taxCarry[0];
    w.ledger.taxForgone = 0;
    w.lever.taxRelief = 0;
    employmentPhase(w);
    expect(w.ledger.taxForgone).toBeCloseTo(Math.min(carried, liability), 9);
    expect(w.firms.taxCarry[0]).toBeCloseTo(Math.max(0, carried - liability), 9);
    // An uncertified firm uses nothing.
    w.firms.certified[0] = 0;
    w.lever.taxRelief = 1;
    w.ledger.taxForgone = 0;
    employmentPhase(w);
    expect(w.ledger.taxForgone).toBe(0);
  });

  it('books every receipt in the fiscal ledger and keeps rates in range', () => {
    const w = createWorld(small({ policy: { taxRelief: 0.3, subsidyPerInternMonth: 2 } }), 6);
    clearPartnerships(w);
    for (let f = 0; f < 40; f++) place(w, f, f % w.schools.n, 1 + (f % 4), CONTRACT);
    policyPhase(w);
    evaluationPhase(w);
    employmentPhase(w);
    const receipts = w.firms.receipts.reduce((a, b) => a + b, 0);
    expect(receipts).toBeGreaterThan(0);
    expect(receipts).toBeCloseTo(w.ledger.taxForgone + w.ledger.subsidies, 6);
    for (let s = 0; s < w.schools.n; s++) {
      expect(w.schools.employment[s]).toBeGreaterThanOrEqual(0);
      expect(w.schools.employment[s]).toBeLessThanOrEqual(1);
    }
    expect(w.counters.retained).toBeLessThanOrEqual(w.counters.hires);
  });
});

describe('phase 7: evaluation', () => {
  it('rewards deep group partners, flags formal shallow ones and books the cost of each evaluation', () => {
    const w = createWorld(small({ policy: { groups: 1, evaluationInterval: 2 } }), 7);
    clearPartnerships(w);
    w.year = 1;
    policyPhase(w);
    place(w, 0, 0, 4, CONTRACT);
    place(w, 1, 0, 1, FRIENDSHIP);
    place(w, 2, 0, 2, CONTRACT);
    const admin = w.ledger.adminCost;
    evaluationPhase(w);
    expect(w.firms.net[0]).toBe(w.scenario.mechanisms.evaluationReward);
    expect(w.firms.flagged[1]).toBe(1);
    expect(w.firms.net[1]).toBe(-w.scenario.mechanisms.evaluationPenalty);
    expect(w.ledger.evaluationRewards).toBe(w.scenario.mechanisms.evaluationReward);
    expect(w.ledger.adminCost - admin).toBeCloseTo(3 * w.scenario.mechanisms.evaluationCost, 12);
    // Without relief to gain (tax relief and green channel 0), nobody applies for certification.
    expect(Array.from(w.firms.certified.slice(0, 3))).toEqual([0, 0, 0]);
    // Not due in year 2 (every 2 years: years 1, 3, …).
    w.year = 2;
    w.firms.net.fill(0);
    evaluationPhase(w);
    expect(w.firms.net[0]).toBe(0);
  });

  it('a college passes when enough of its evaluated partnerships are order classes or deeper', () => {
    const w = createWorld(small({ policy: { groups: 1, evaluationInterval: 1 }, mechanisms: { fundingPassShare: 0.5 } }), 7);
    clearPartnerships(w);
    policyPhase(w);
    place(w, 0, 0, 2, CONTRACT);
    place(w, 1, 0, 1, CONTRACT);
    place(w, 2, 1, 1, CONTRACT);
    place(w, 3, 1, 1, CONTRACT);
    place(w, 4, 1, 3, CONTRACT);
    evaluationPhase(w);
    expect(Array.from(w.schools.passed.slice(0, 3))).toEqual([1, 0, 0]);
  });
});

describe('phase 7: certification', () => {
  const scenario = (over: Record<string, unknown> = {}) =>
    small({ policy: { taxRelief: 0.3, certificationQuota: 0.25, certificationTerm: 2, certificationCultivation: 1, ...over } });

  it('admits eligible applicants up to the quota, those that sank most investment first', () => {
    const w = createWorld(scenario(), 9);
    clearPartnerships(w);
    w.year = 3;
    policyPhase(w);
    // 8 colleges × 0.25 = 2 slots this year.
    for (let f = 0; f < 5; f++) w.partnerships.sunk[place(w, f, f % 8, 3, CONTRACT)] = 10 * f;
    place(w, 5, 0, 1, CONTRACT); // a visit: may not apply
    place(w, 6, 0, 2, FRIENDSHIP); // no contract: may not apply
    place(w, 7, 0, 3, CONTRACT, 3); // started this year: not cultivated long enough
    certificationPhase(w);
    expect(Array.from(w.firms.certified.slice(0, 8))).toEqual([0, 0, 0, 1, 1, 0, 0, 0]);
    expect(w.certification.acceptRate).toBeCloseTo(2 / 5, 12);
  });

  it('admits every applicant when the quota allows, carrying the fraction of a slot', () => {
    const w = createWorld(scenario({ certificationQuota: 0.3 }), 9);
    clearPartnerships(w);
    w.year = 3;
    policyPhase(w);
    place(w, 0, 0, 2, CONTRACT);
    certificationPhase(w);
    expect(w.firms.certified[0]).toBe(1);
    expect(w.certification.acceptRate).toBe(1);
    expect(w.certification.slotFraction).toBeCloseTo(0.4, 12);
  });

  it('a certification lapses after its term or when an evaluation flags the firm', () => {
    const w = createWorld(scenario({ certificationQuota: 0 }), 9);
    clearPartnerships(w);
    w.year = 3;
    place(w, 0, 0, 3, CONTRACT);
    place(w, 1, 1, 3, CONTRACT);
    w.firms.certified[0] = 1;
    w.firms.certifiedUntil[0] = 5;
    w.firms.certified[1] = 1;
    w.firms.certifiedUntil[1] = 5;
    w.firms.flagged[1] = 1;
    policyPhase(w);
    certificationPhase(w);
    expect(Array.from(w.firms.certified.slice(0, 2))).toEqual([1, 0]);
    w.year = 5;
    certificationPhase(w);
    expect(w.firms.certified[0]).toBe(0);
  });
});

describe('phase 8: learning', () => {
  it('firms copy the attitude of better-off peers only', () => {
    const w = createWorld(small({ behaviour: { imitationRate: 1, imitationScale: 0.01, learningRate: 0, attitudeForgetting: 0 }, world: { regions: 1, sectors: 1 } }), 8);
    clearPartnerships(w);
    w.firms.net.fill(0);
    w.firms.attitude.fill(-1);
    // Ten firms earn a lot and have a keen attitude: peers imitate them.
    for (let f = 0; f < 10; f++) {
      place(w, f, 0, 2, CONTRACT);
      w.firms.net[f] = 1000;
      w.firms.attitude[f] = 2;
    }
    learningPhase(w);
    const copied = w.firms.attitude.filter((a) => a === 2).length;
    expect(copied).toBeGreaterThan(10);
    for (let f = 0; f < 10; f++) expect(w.firms.attitude[f]).toBe(2);
    expect(w.firms.attitude.every((a) => a === 2 || a === -1)).toBe(true);
  });
});

describe('phase 9: record', () => {
  it('computes shares from the state', () => {
    const w = createWorld(small({ world: { firms: 10 } }), 9);
    clearPartnerships(w);
    place(w, 0, 0, 1, FRIENDSHIP);
    place(w, 1, 0, 3, CONTRACT);
    place(w, 2, 1, 3, CONTRACT);
    const row = new Float64Array(METRIC_COUNT);
    recordPhase(w, row);
    expect(row[METRIC_INDEX.firms_cooperating_share]).toBeCloseTo(0.3, 12);
    expect(row[METRIC_INDEX.depth_3_share]).toBeCloseTo(0.2, 12);
    expect(row[METRIC_INDEX.depth_0_share]).toBeCloseTo(0.7, 12);
    expect(row[METRIC_INDEX.mean_depth]).toBeCloseTo(7 / 3, 12);
    expect(row[METRIC_INDEX.friendship_share]).toBeCloseTo(1 / 3, 12);
    expect(row[METRIC_INDEX.partnerships]).toBe(3);
  });
});

describe('both sides decide (phase 4)', () => {
  it('a college leaves partnerships that are not worth its staff time, even when the firm is keen', () => {
    const w = createWorld(small({ behaviour: { contactTurnover: 0 }, schools: { coordinationCost: [200, 200, 200, 200] } }), 3);
    clearPartnerships(w);
    w.year = 3;
    for (let f = 0; f < 40; f++) place(w, f, f % w.schools.n, 2, CONTRACT, 0);
    w.firms.attitude.fill(5);
    policyPhase(w);
    recomputeLoads(w);
    decisionsPhase(w);
    let left = 0;
    for (let f = 0; f < 40; f++) if (w.partnerships.school[f * K(w)] < 0) left++;
    // Value about −190 k¥ against 0 for leaving, noise 4 k¥: the college leaves almost surely.
    expect(left).toBeGreaterThan(35);
    expect(w.reasons.choice[0]).toBe(8);
  });
  it('willingness is each side\'s probability of up among the same options, NaN at depth 4', () => {
    const w = createWorld(small({ behaviour: { contactTurnover: 0 }, schools: { placementValue: 100 } }), 5);
    clearPartnerships(w);
    w.year = 3;
    const p1 = place(w, 0, 0, 1, CONTRACT, 0);
    const p4 = place(w, 1, 1, 4, CONTRACT, 0);
    w.firms.attitude.fill(5);
    policyPhase(w);
    recomputeLoads(w);
    decisionsPhase(w);
    for (const x of [w.partnerships.firmWantsUp[p1], w.partnerships.schoolWantsUp[p1]]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(w.partnerships.firmWantsUp[p4]).toBeNaN();
    expect(w.partnerships.schoolWantsUp[p4]).toBeNaN();
  });
  it('a college whose coordinating staff are fully used takes no new partner and goes up nowhere', () => {
    const w = createWorld(small({ schools: { coordinatingStaff: 0.05, staffCost: 100 } }), 4);
    expect(schoolCapacity(w)).toBeCloseTo(5, 12);
    const row = new Float64Array(METRIC_COUNT);
    for (let y = 0; y < 4; y++) stepYear(w, row);
    recomputeLoads(w);
    for (let s = 0; s < w.schools.n; s++) expect(w.schools.load[s]).toBeLessThanOrEqual(schoolCapacity(w) + 1e-9);
    expect(row[METRIC_INDEX.schools_full_share]).toBeGreaterThan(0);
    expect(row[METRIC_INDEX.school_capacity_use]).toBeGreaterThan(0);
    expect(row[METRIC_INDEX.school_capacity_use]).toBeLessThanOrEqual(1);
  });
});

describe('firm turnover', () => {
  it('a closing firm loses its partnerships and the college its load; a new firm starts at its own disposition', () => {
    const w = createWorld(small({ firms: { turnover: 1 } }), 6);
    w.firms.attitude.fill(4);
    firmTurnoverPhase(w);
    expect(active(w)).toBe(0);
    expect(Array.from(w.schools.load).every((l) => Math.abs(l) < 1e-9)).toBe(true);
    expect(Array.from(w.firms.attitude)).toEqual(Array.from(w.firms.attitudePrior));
  });
  it('a new firm starts uncertified and without the closed firm\'s tax credit carried forward', () => {
    const w = createWorld(small({ firms: { turnover: 1 } }), 6);
    w.firms.taxCarry.fill(12);
    w.firms.certified.fill(1);
    firmTurnoverPhase(w);
    expect(Array.from(w.firms.taxCarry).every((c) => c === 0)).toBe(true);
    expect(Array.from(w.firms.certified).every((c) => c === 0)).toBe(true);
  });
  it('no firm closes at turnover 0', () => {
    const w = createWorld(small({ firms: { turnover: 0 } }), 6);
    const before = active(w);
    firmTurnoverPhase(w);
    expect(active(w)).toBe(before);
  });
});

describe('learning forgets', () => {
  it('without new experience an attitude relaxes toward the firm\'s disposition by attitudeForgetting a year', () => {
    const w = createWorld(small({ behaviour: { imitationRate: 0, learningRate: 0, attitudeForgetting: 0.25 } }), 8);
    clearPartnerships(w);
    w.firms.net.fill(0);
    w.firms.attitude.fill(3);
    learningPhase(w);
    for (let f = 0; f < 20; f++) {
      const a0 = w.firms.attitudePrior[f];
      expect(w.firms.attitude[f]).toBeCloseTo(a0 + 0.75 * (3 - a0), 12);
    }
  });
});

describe('spin-up', () => {
  it('spin-up years run with status-quo levers: nothing is paid before year 0', () => {
    const sim = createSimulation(small({ spinUpYears: 3, policy: { taxRelief: 0.5, subsidyPerInternMonth: 5 } }), { seed: 2 });
    expect(sim.world.year).toBe(0);
    // The status quo's running costs (group secretariats) are booked; no lever pays anything.
    expect(sim.world.lastMetrics.fiscal_subsidies).toBe(0);
    expect(sim.world.lastMetrics.fiscal_tax_forgone).toBe(0);
    expect(sim.world.scenario.policy.taxRelief).toBe(0.5);
    expect(sim.step()[METRIC_INDEX.fiscal_subsidies]).toBeGreaterThan(0);
  });
  it('year 0 starts where the spin-up ends, not at the seeded state', () => {
    const a = simulate(small({ spinUpYears: 0 }), { seed: 3, years: 2 });
    const b = simulate(small({ spinUpYears: 4 }), { seed: 3, years: 2 });
    expect(a.metrics.mean_trust[0]).not.toBe(b.metrics.mean_trust[0]);
    expect(b.initial.mean_trust).not.toBe(a.initial.mean_trust);
  });
});

describe('every metric of every year is written by the record phase', () => {
  const SENTINEL = -123456.789;
  it.each([
    ['the default small world', {}],
    ['a world where nobody cooperates', { firms: { initialCooperationLow: 0, initialCooperationHigh: 0 }, behaviour: { searchRate: 0, secondPartnerRate: 0 } }],
    ['a world without low-tech firms', { firms: { highTechShare: 1 } }],
  ])('%s', (_label, overrides) => {
    const w = createWorld(small({ spinUpYears: 0, ...overrides }), 9);
    const row = new Float64Array(METRIC_COUNT);
    for (let y = 0; y < 3; y++) {
      row.fill(SENTINEL);
      stepYear(w, row);
      const unwritten = METRIC_NAMES.filter((_, i) => row[i] === SENTINEL);
      expect(unwritten, `year ${y}`).toEqual([]);
    }
  });
  it('undefined averages are NaN, not 0', () => {
    const w = createWorld(small({ spinUpYears: 0, firms: { highTechShare: 1, initialCooperationHigh: 0 }, behaviour: { searchRate: 0, secondPartnerRate: 0 } }), 9);
    const row = new Float64Array(METRIC_COUNT);
    stepYear(w, row);
    for (const name of ['mean_depth', 'mean_trust', 'firm_net_benefit_low_tech', 'firm_net_benefit_mean', 'participation_low_tech', 'school_willingness'] as const)
      expect(row[METRIC_INDEX[name]], name).toBeNaN();
    expect(row[METRIC_INDEX.firms_cooperating_share]).toBe(0);
  });
});
