import { METRIC_COUNT, METRIC_INDEX as M, METRIC_NAMES } from '../metrics.ts';
import { schoolCapacity, staffTime } from '../school-payoff.ts';
import type { World } from '../state.ts';

/** A mean or share over `b` items; NaN (undefined, not 0) when there are none. */
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

/**
 * Phase 9: reads the state and writes this year's metrics into `row` (in METRICS order).
 * Measuring never changes the model: this only reads. It also keeps the values for next
 * year's lever expressions.
 */
export function recordPhase(w: World, row: Float64Array): void {
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  const K = P.perFirm;
  const c = w.counters;
  if (row.length !== METRIC_COUNT) throw new Error(`metric row has ${row.length} cells, expected ${METRIC_COUNT}`);

  let coop = 0;
  let coopLow = 0;
  let coopHigh = 0;
  let nLow = 0;
  let nHigh = 0;
  let loss = 0;
  let netSum = 0;
  let netLow = 0;
  let netHigh = 0;
  let certified = 0;
  const deepest = [0, 0, 0, 0, 0];
  for (let f = 0; f < F.n; f++) {
    let top = 0;
    for (let k = 0; k < K; k++) {
      const p = f * K + k;
      if (P.school[p] >= 0 && P.depth[p] > top) top = P.depth[p];
    }
    deepest[top]++;
    const high = F.tech[f] === 1;
    if (high) nHigh++;
    else nLow++;
    certified += F.certified[f];
    if (top === 0) continue;
    coop++;
    netSum += F.net[f];
    if (F.net[f] < 0) loss++;
    if (high) {
      coopHigh++;
      netHigh += F.net[f];
    } else {
      coopLow++;
      netLow += F.net[f];
    }
  }

  let count = 0;
  let deep = 0;
  let depthSum = 0;
  let ageSum = 0;
  let friends = 0;
  let trust = 0;
  let firmUp = 0;
  let firmUpN = 0;
  let schoolUp = 0;
  let schoolUpN = 0;
  for (let p = 0; p < P.school.length; p++) {
    if (P.school[p] < 0) continue;
    count++;
    const d = P.depth[p];
    depthSum += d;
    if (d >= 3) deep++;
    ageSum += P.age[p];
    if (P.basis[p] === 0) friends++;
    trust += P.trust[p];
    const fu = P.firmWantsUp[p];
    if (fu === fu) {
      firmUp += fu;
      firmUpN++;
    }
    const su = P.schoolWantsUp[p];
    if (su === su) {
      schoolUp += su;
      schoolUpN++;
    }
  }

  let fac = 0;
  let tp = 0;
  let al = 0;
  let use = 0;
  let full = 0;
  const capacity = schoolCapacity(w);
  const room = staffTime(w, 1);
  for (let s = 0; s < S.n; s++) {
    fac += S.facilities[s];
    tp += S.teacherPractice[s];
    al += S.alignment[s];
    const load = S.load[s];
    use += capacity > 0 ? (load < capacity ? load / capacity : 1) : 1;
    if (load + room > capacity) full++;
  }
  const l = w.ledger;
  row[M.firms_cooperating_share] = ratio(coop, F.n);
  row[M.mean_depth] = ratio(depthSum, count);
  for (let d = 0; d <= 4; d++) row[M.depth_0_share + d] = ratio(deepest[d], F.n);
  row[M.partnerships] = count;
  row[M.deep_partnerships] = deep;
  row[M.one_year_share] = ratio(c.endedAfterOneYear, c.newLastYear);
  row[M.mean_partnership_age] = ratio(ageSum, count);
  row[M.friendship_share] = ratio(friends, count);
  row[M.mean_trust] = ratio(trust, count);
  row[M.employment_rate] = ratio(c.employed, c.graduates);
  row[M.graduate_skill] = ratio(c.skillSum, c.graduates);
  row[M.retention_rate] = ratio(c.retained, c.hires);
  row[M.school_facilities] = ratio(fac, S.n);
  row[M.school_teacher_practice] = ratio(tp, S.n);
  row[M.school_alignment] = ratio(al, S.n);
  row[M.firm_net_benefit_mean] = ratio(netSum, coop);
  row[M.firm_net_benefit_low_tech] = ratio(netLow, coopLow);
  row[M.firm_net_benefit_high_tech] = ratio(netHigh, coopHigh);
  row[M.coop_firms_loss_share] = ratio(loss, coop);
  row[M.participation_low_tech] = ratio(coopLow, nLow);
  row[M.participation_high_tech] = ratio(coopHigh, nHigh);
  row[M.intern_output_to_cost] = ratio(c.internOutput, c.grossTrainingCost);
  row[M.certified_share] = ratio(certified, F.n);
  row[M.fiscal_tax_forgone] = l.taxForgone / 1000;
  row[M.fiscal_subsidies] = l.subsidies / 1000;
  row[M.fiscal_school_funding] = l.schoolFunding / 1000;
  row[M.fiscal_evaluation_rewards] = l.evaluationRewards / 1000;
  row[M.fiscal_admin_cost] = l.adminCost / 1000;
  row[M.fiscal_cost] = (l.taxForgone + l.subsidies + l.schoolFunding + l.evaluationRewards + l.adminCost) / 1000;
  row[M.school_willingness] = ratio(schoolUp, schoolUpN);
  row[M.firm_willingness] = ratio(firmUp, firmUpN);
  row[M.school_capacity_use] = ratio(use, S.n);
  row[M.schools_full_share] = ratio(full, S.n);

  const last = w.lastMetrics;
  for (let i = 0; i < METRIC_COUNT; i++) last[METRIC_NAMES[i]] = row[i];
}
