import type { Scenario } from './params/schema.ts';
import { compileLevers, type LeverValues } from './params/compile-levers.ts';
import { perLever } from './params/lever-table.ts';
import { createRng } from './rng.ts';
import { exp, clamp } from './portable-math.ts';
import { ITEM_COUNT } from './firm-payoff.ts';
import { METRIC_NAMES } from './metrics.ts';
import { CONTRACT, FRIENDSHIP, type World } from './state.ts';
import { updateSkills } from './phases/employment.ts';
import { recomputeLoads } from './phases/matching.ts';
import { FRESH_ARRAYS, type ArrayAllocator, type WorldArena } from './world-arena.ts';
import { stableNumbers, stableShape } from './stable-shape.ts';
import { asSmallInt } from './number-hints.ts';

/** Groups indices 0..n−1 by a key in 0..keys−1: returns the grouped indices and start offsets. */
function groupBy(A: ArrayAllocator, n: number, keys: number, keyOf: (i: number) => number): { order: Int32Array; start: Int32Array } {
  const start = A.i32(keys + 1);
  for (let i = 0; i < n; i++) start[keyOf(i) + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const fill = A.i32(keys);
  fill.set(start.subarray(0, keys));
  const order = A.i32(n);
  for (let i = 0; i < n; i++) order[fill[keyOf(i)]++] = i;
  return { order, start };
}

/** Builds the initial world of a scenario for a seed: agents, initial partnerships, streams. */
export function createWorld(input: Scenario, seed: number, arena?: WorldArena): World {
  const scenario = stableNumbers(input);
  arena?.begin();
  const A: ArrayAllocator = arena ?? FRESH_ARRAYS;
  const { world: ws, schools: sc, firms: fc } = scenario;
  // Counts as small integers: the tables keep them in integer fields (see stableNumbers).
  const nS = asSmallInt(ws.schools);
  const nF = asSmallInt(ws.firms);
  const K = asSmallInt(ws.maxPartnersPerFirm);
  const R = asSmallInt(ws.regions);
  const rs = createRng(seed, 'init-schools');
  const rf = createRng(seed, 'init-firms');
  const rp = createRng(seed, 'init-partnerships');

  const schools = stableShape({
    n: nS,
    region: A.i32(nS),
    sector: A.i32(nS),
    facilities: A.f64(nS),
    teacherPractice: A.f64(nS),
    alignment: A.f64(nS),
    ownFacilities: A.f64(nS),
    ownTeacherPractice: A.f64(nS),
    ownAlignment: A.f64(nS),
    reputation: A.f64(nS),
    skill: A.f64(nS),
    employment: A.f64(nS),
    inGroup: A.u8(nS),
    groupDraw: A.f64(nS),
    load: A.f64(nS),
    partnerHires: A.f64(nS),
    passed: A.u8(nS),
  });
  for (let s = 0; s < nS; s++) {
    schools.region[s] = s % R;
    schools.sector[s] = rs.int(ws.sectors);
    schools.ownFacilities[s] = clamp(sc.facilities + sc.spread * rs.normal(), 0.02, 0.98);
    schools.ownTeacherPractice[s] = clamp(sc.teacherPractice + sc.spread * rs.normal(), 0.02, 0.98);
    schools.ownAlignment[s] = clamp(sc.alignment + sc.spread * rs.normal(), 0.02, 0.98);
    schools.facilities[s] = schools.ownFacilities[s];
    schools.teacherPractice[s] = schools.ownTeacherPractice[s];
    schools.alignment[s] = schools.ownAlignment[s];
    schools.groupDraw[s] = rs.next();
    schools.employment[s] = sc.employmentBase;
  }

  const firms = stableShape({
    n: nF,
    region: A.i32(nF),
    sector: A.i32(nF),
    tech: A.u8(nF),
    scale: A.f64(nF),
    wage: A.f64(nF),
    discount: A.f64(nF),
    attitude: A.f64(nF),
    attitudePrior: A.f64(nF),
    fit: A.f64(nF),
    inGroup: A.u8(nF),
    groupDraw: A.f64(nF),
    certified: A.u8(nF),
    flagged: A.u8(nF),
    net: A.f64(nF),
    payoff: A.f64(nF),
    receipts: A.f64(nF),
    certifiedUntil: A.i32(nF),
    taxCarry: A.f64(nF),
  });
  const sizeShift = (fc.sizeSpread * fc.sizeSpread) / 2;
  for (let f = 0; f < nF; f++) {
    firms.region[f] = rf.int(R);
    firms.sector[f] = rf.int(ws.sectors);
    firms.tech[f] = rf.chance(fc.highTechShare) ? 1 : 0;
    // Log-normal with mean 1, so the average firm has the documented interns and hires.
    firms.scale[f] = exp(fc.sizeSpread * rf.normal() - sizeShift);
    firms.wage[f] = firms.tech[f] === 1 ? fc.wageHigh : fc.wageLow;
    firms.discount[f] = rf.chance(fc.longHorizonShare) ? fc.discountLong : fc.discountShort;
    firms.attitudePrior[f] = fc.attitudeSpread * rf.normal();
    firms.attitude[f] = firms.attitudePrior[f];
    firms.fit[f] = Math.max(0.2, 1 + fc.fitSpread * rf.normal());
    firms.groupDraw[f] = rf.next();
  }

  const slots = nF * K;
  const partnerships = stableShape({
    perFirm: K,
    school: A.i32(slots).fill(-1),
    depth: A.u8(slots),
    basis: A.u8(slots),
    age: A.i32(slots),
    startYear: A.i32(slots),
    trust: A.f64(slots),
    interns: A.f64(slots),
    hires: A.f64(slots),
    retained: A.f64(slots),
    firmNet: A.f64(slots),
    schoolNet: A.f64(slots),
    firmNetTotal: A.f32(slots),
    schoolNetTotal: A.f32(slots),
    sunk: A.f32(slots),
    firmWantsUp: A.f64(slots).fill(NaN),
    schoolWantsUp: A.f64(slots).fill(NaN),
  });

  const bySchoolRegion = groupBy(A, nS, R, (s) => schools.region[s]);
  const cells = R * ws.sectors;
  const byCell = groupBy(A, nF, cells, (f) => firms.region[f] * ws.sectors + firms.sector[f]);

  // Status-quo partnerships: mostly shallow, mostly on personal ties, a few years old.
  const mix = fc.initialDepthMix;
  const mixTotal = mix[0] + mix[1] + mix[2] + mix[3];
  for (let f = 0; f < nF; f++) {
    const p0 = firms.tech[f] === 1 ? fc.initialCooperationHigh : fc.initialCooperationLow;
    if (!rp.chance(p0) || nS === 0) continue;
    const r = firms.region[f];
    const count = bySchoolRegion.start[r + 1] - bySchoolRegion.start[r];
    const s = count > 0 ? bySchoolRegion.order[bySchoolRegion.start[r] + rp.int(count)] : rp.int(nS);
    let u = rp.next() * mixTotal;
    let depth = 1;
    while (depth < 4 && u >= mix[depth - 1]) u -= mix[depth - 1], depth++;
    const p = f * K;
    const age = 1 + rp.int(4);
    partnerships.school[p] = s;
    partnerships.depth[p] = depth;
    partnerships.basis[p] = depth >= 2 || !rp.chance(fc.initialFriendshipShare) ? CONTRACT : FRIENDSHIP;
    partnerships.age[p] = age;
    partnerships.startYear[p] = -age;
    // The status quo's trust is about that of a new partnership (losses offset gains).
    partnerships.trust[p] = scenario.behaviour.trustStart;
  }

  const reasons = stableShape({
    year: A.i32(nF).fill(-1),
    choice: A.u8(nF),
    school: A.i32(nF).fill(-1),
    fromDepth: A.u8(nF),
    toDepth: A.u8(nF),
    items: A.f32(nF * ITEM_COUNT),
    options: A.f32(nF * 4).fill(NaN),
  });

  const lever: LeverValues = stableNumbers(perLever(() => 0));

  const w: World = stableShape({
    scenario,
    schools,
    firms,
    partnerships,
    labour: stableShape({ cheapLabour: A.f64(R).fill(scenario.labour.cheapLabour) }),
    reasons,
    levers: compileLevers(scenario.policy),
    streams: stableShape({
      matching: createRng(seed, 'matching'),
      decisions: createRng(seed, 'decisions'),
      employment: createRng(seed, 'employment'),
      learning: createRng(seed, 'learning'),
      certification: createRng(seed, 'certification'),
      schoolDecisions: createRng(seed, 'school-decisions'),
      firmTurnover: createRng(seed, 'firm-turnover'),
    }),
    schoolsOfRegion: bySchoolRegion.order,
    regionStart: bySchoolRegion.start,
    firmsOfCell: byCell.order,
    cellStart: byCell.start,
    scratch: stableShape({ items: A.f64(ITEM_COUNT), items2: A.f64(ITEM_COUNT), options: A.f64(4), utilities: A.f64(4), schoolUtilities: A.f64(4), attitude: A.f64(nF),
      schoolGains: A.f64(3 * nS),
      schoolDepth: A.f64(2 * nS),
    }),
    year: 0,
    lever,
    ledger: stableNumbers({ taxForgone: 0, subsidies: 0, schoolFunding: 0, evaluationRewards: 0, adminCost: 0 }),
    counters: stableNumbers({
      newLastYear: 0,
      endedAfterOneYear: 0,
      closedAfterOneYear: 0,
      internOutput: 0,
      grossTrainingCost: 0,
      hires: 0,
      retained: 0,
      graduates: 0,
      employed: 0,
      skillSum: 0,
    }),
    lastMetrics: stableNumbers(Object.fromEntries(METRIC_NAMES.map((name) => [name, NaN]))),
    // Before any screening a firm expects its application to succeed.
    certification: stableNumbers({ acceptRate: 1, slotFraction: 0 }),
  });
  updateSkills(w);
  recomputeLoads(w);
  for (let s = 0; s < nS; s++) w.schools.reputation[s] = clamp(0.5 * w.schools.skill[s] + 0.5 * sc.employmentBase, 0, 1);
  return w;
}
