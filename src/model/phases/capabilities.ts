import type { World } from '../state.ts';

/**
 * Phase 5: partners at depth 3+ add equipment, depth-4 partners co-train teachers,
 * co-developed curricula and co-built majors raise alignment; school funding adds to
 * facilities and teacher practice (only for colleges that passed evaluation when
 * evaluations run). Without upkeep, conditions relax toward each college's own level.
 */
export function capabilitiesPhase(w: World): void {
  const sc = w.scenario.schools;
  const m = w.scenario.mechanisms;
  const S = w.schools;
  const P = w.partnerships;
  const n = S.n;
  const gainF = w.scratch.schoolGains;
  gainF.fill(0);
  for (let p = 0; p < P.school.length; p++) {
    const s = P.school[p];
    if (s < 0) continue;
    const di = P.depth[p] - 1;
    gainF[s] += sc.equipmentGain[di];
    gainF[n + s] += sc.teacherGain[di];
    gainF[2 * n + s] += sc.alignmentGain[di];
  }
  const funding = w.lever.schoolFunding;
  const conditional = w.scenario.policy.evaluationInterval > 0;
  let paid = 0;
  for (let s = 0; s < n; s++) {
    let fund = 0;
    if (funding > 0 && (!conditional || S.passed[s] === 1)) {
      fund = m.fundingEffect * funding;
      paid += funding;
    }
    // Partners' contributions meet diminishing returns (a gain fills part of the gap to the
    // ceiling), and what they built must be kept up: it decays toward the college's own level.
    const f0 = S.facilities[s];
    const t0 = S.teacherPractice[s];
    const a0 = S.alignment[s];
    S.facilities[s] = bounded(f0 + gainF[s] * (1 - f0) + fund - sc.decay * (f0 - S.ownFacilities[s]));
    S.teacherPractice[s] = bounded(t0 + gainF[n + s] * (1 - t0) + fund - sc.decay * (t0 - S.ownTeacherPractice[s]));
    S.alignment[s] = bounded(a0 + gainF[2 * n + s] * (1 - a0) - sc.decay * (a0 - S.ownAlignment[s]));
  }
  // Funding is in M¥ per college; the ledger is in k¥.
  w.ledger.schoolFunding += paid * 1000;
}

function bounded(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
