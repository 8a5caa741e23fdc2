import { clamp } from '../portable-math.ts';
import {
  firmItems,
  grossTrainingCost,
  qualifyingInvestment,
  stakes,
  surchargeLiability,
  I_DISPUTE,
  I_EVALUATION,
  I_INVESTMENT,
  I_OUTPUT,
  I_SUBSIDY,
  I_TAX,
  netOf,
} from '../firm-payoff.ts';
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

/** Per-slot scratch of one firm's partnerships (a firm has at most 8 slots). */
const claimOf = new Float64Array(8);
const disputed = new Uint8Array(8);

/**
 * Phase 6: each partnership's year is realised — interns work, partners hire first,
 * disputes happen (less often under law), subsidies are paid, and certified firms use
 * their tax-relief credit up to their education-surcharge liability, carrying the rest;
 * all is booked in the fiscal ledger — and trust follows the outcome. Then each college's graduates
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
  const taxRate = w.lever.taxRelief;
  for (let f = 0; f < F.n; f++) {
    const st = stakes(w, f);
    const certified = F.certified[f] === 1;
    let claims = 0;
    let active = 0;
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      const s = P.school[p];
      claimOf[k] = 0;
      if (s < 0) {
        P.interns[p] = 0;
        P.hires[p] = 0;
        P.retained[p] = 0;
        continue;
      }
      active++;
      const d = P.depth[p];
      const flows = firmItems(w, f, s, d, P.basis[p], items);
      const dispute = rng.chance(e.disputeRate * (1 - law * m.lawDisputeCut));
      disputed[k] = dispute ? 1 : 0;
      // Realised: the expected dispute cost and evaluation term are replaced by what happens,
      // and the expected tax credit by the credit the firm's surcharge liability lets it use.
      let net = netOf(items) - items[I_DISPUTE] - items[I_EVALUATION] - items[I_TAX];
      if (dispute) net -= flows.interns * e.disputeCost;
      net += e.shockSpread * st * rng.normal();
      if (certified) {
        claimOf[k] = taxRate * qualifyingInvestment(items);
        claims += claimOf[k];
      }
      P.interns[p] = flows.interns;
      P.hires[p] = flows.hires;
      P.retained[p] = flows.hires * flows.retention;
      P.firmNet[p] = net;
      P.schoolNet[p] = schoolValue(w, f, s, d);
      P.firmNetTotal[p] += net;
      P.schoolNetTotal[p] += P.schoolNet[p];
      P.sunk[p] -= items[I_INVESTMENT];
      F.receipts[f] += items[I_SUBSIDY];
      w.ledger.subsidies += items[I_SUBSIDY];
      c.internOutput += items[I_OUTPUT];
      c.grossTrainingCost += grossTrainingCost(items);
      c.hires += flows.hires;
      c.retained += flows.hires * flows.retention;
      S.partnerHires[s] += flows.hires;
    }
    if (active === 0) continue;
    // This year's credits join those carried forward; the surcharge liability caps what is
    // used, and the rest carries to later years (Caishui [2019] No. 46, Art. 3).
    let used = 0;
    if (certified) {
      const pool = F.taxCarry[f] + claims;
      const cap = surchargeLiability(w, f);
      used = pool < cap ? pool : cap;
      F.taxCarry[f] = pool - used;
      F.receipts[f] += used;
      w.ledger.taxForgone += used;
    }
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      if (P.school[p] < 0) continue;
      const net = P.firmNet[p] + (used > 0 ? (claims > 0 ? (used * claimOf[k]) / claims : used / active) : 0);
      P.firmNet[p] = net;
      P.firmNetTotal[p] += net;
      F.net[f] += net;
      const t = P.trust[p];
      P.trust[p] =
        disputed[k] === 1 ? clamp(t - b.trustLoss, 0, 1) : net >= 0 ? t + b.trustGain * (1 - t) : clamp(t - 0.5 * b.trustLoss, 0, 1);
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
