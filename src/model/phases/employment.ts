import { clamp } from '../det-math.ts';
import { firmItems, grossTrainingCost, stakes, I_DISPUTE, I_EVALUATION, I_INVESTMENT, I_OUTPUT, I_SUBSIDY, I_TAX, netOf } from '../firm-payoff.ts';
import { schoolValue } from '../school-payoff.ts';
import type { World } from '../state.ts';

/**
 * Graduate skill of each college's cohort from its facilities, teacher practice,
 * alignment and the mean depth of its partnerships.
 */
export function updateSkills(w: World): void {
  const wt = w.scenario.schools.skillWeights;
  const S = w.schools;
  const P = w.partnerships;
  const depthSum = w.scratch.schoolDepth;
  depthSum.fill(0);
  const n = S.n;
  for (let p = 0; p < P.school.length; p++) {
    const s = P.school[p];
    if (s < 0) continue;
    depthSum[s] += P.depth[p];
    depthSum[n + s] += 1;
  }
  for (let s = 0; s < n; s++) {
    const meanDepth = depthSum[n + s] > 0 ? depthSum[s] / depthSum[n + s] : 0;
    S.skill[s] = clamp(
      wt.facilities * S.facilities[s] + wt.teacherPractice * S.teacherPractice[s] + wt.alignment * S.alignment[s] + (wt.partnerDepth * meanDepth) / 4,
      0,
      1,
    );
  }
}

/**
 * Phase 6: each partnership's year is realised — interns work, partners hire first,
 * disputes happen (less often under law), tax relief and subsidies are paid and booked
 * in the fiscal ledger — and trust follows the outcome. Then each college's graduates
 * meet the market: partner hires plus market jobs by skill; employment and skill feed
 * reputation.
 */
export function employmentPhase(w: World): void {
  const { economics: e, mechanisms: m, behaviour: b, schools: sc } = w.scenario;
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  const K = P.perFirm;
  const rng = w.streams.employment;
  const items = w.scratch.items;
  const c = w.counters;
  const law = w.lever.law;

  updateSkills(w);
  F.net.fill(0);
  F.receipts.fill(0);
  S.partnerHires.fill(0);
  for (let f = 0; f < F.n; f++) {
    const st = stakes(w, f);
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      const s = P.school[p];
      if (s < 0) {
        P.interns[p] = 0;
        P.hires[p] = 0;
        P.retained[p] = 0;
        continue;
      }
      const d = P.depth[p];
      const flows = firmItems(w, f, s, d, P.basis[p], items);
      const dispute = rng.chance(e.disputeRate * (1 - law * m.lawDisputeCut));
      // Realised: the expected dispute cost and evaluation term are replaced by what happens.
      let net = netOf(items) - items[I_DISPUTE] - items[I_EVALUATION];
      if (dispute) net -= flows.interns * e.disputeCost;
      net += e.shockSpread * st * rng.normal();
      P.interns[p] = flows.interns;
      P.hires[p] = flows.hires;
      P.retained[p] = flows.hires * flows.retention;
      P.firmNet[p] = net;
      P.schoolNet[p] = schoolValue(w, f, s, d);
      P.firmNetTotal[p] += net;
      P.schoolNetTotal[p] += P.schoolNet[p];
      P.sunk[p] -= items[I_INVESTMENT];
      F.net[f] += net;
      const receipts = items[I_TAX] + items[I_SUBSIDY];
      F.receipts[f] += receipts;
      w.ledger.taxForgone += items[I_TAX];
      w.ledger.subsidies += items[I_SUBSIDY];
      c.internOutput += items[I_OUTPUT];
      c.grossTrainingCost += grossTrainingCost(items);
      c.hires += flows.hires;
      c.retained += flows.hires * flows.retention;
      S.partnerHires[s] += flows.hires;
      const t = P.trust[p];
      P.trust[p] = dispute ? clamp(t - b.trustLoss, 0, 1) : net >= 0 ? t + b.trustGain * (1 - t) : clamp(t - 0.5 * b.trustLoss, 0, 1);
    }
  }

  for (let s = 0; s < S.n; s++) {
    const grads = sc.graduatesPerYear;
    const placed = Math.min(grads, S.partnerHires[s]);
    const marketRate = clamp(sc.employmentBase + sc.employmentSkillEffect * (S.skill[s] - 0.35), 0, 1);
    const employed = placed + (grads - placed) * marketRate;
    S.employment[s] = employed / grads;
    c.graduates += grads;
    c.employed += employed;
    c.skillSum += grads * S.skill[s];
    S.reputation[s] = clamp(0.8 * S.reputation[s] + 0.2 * (0.5 * S.skill[s] + 0.5 * S.employment[s]), 0, 1);
  }
}
