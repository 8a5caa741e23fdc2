import { clamp } from '../portable-math.ts';
import { certificationRuns, mayApply } from '../firm-payoff.ts';
import type { World } from '../state.ts';

/**
 * Phase 7: the group evaluation, when due, then the certification screening.
 *
 * Every `evaluationInterval` years, partnerships inside groups are scored: firms with a
 * deep (3+) partnership are rewarded and their colleges gain reputation; firms keeping a
 * formal, shallow (≤ 1) partnership for two years or more are flagged, lose their
 * certification and bear a penalty. A college passes (and qualifies for conditional
 * funding) when at least `fundingPassShare` of its evaluated partnerships are at depth 2
 * or more. Each evaluated partnership costs the government `evaluationCost`.
 */
export function evaluationPhase(w: World): void {
  const F = w.firms;
  const S = w.schools;
  const P = w.partnerships;
  const K = P.perFirm;
  const m = w.scenario.mechanisms;
  const k = w.scenario.policy.evaluationInterval;
  const due = k > 0 && w.year % k === k - 1;
  if (due) {
    F.flagged.fill(0);
    const score = w.scratch.schoolDepth;
    score.fill(0);
    let evaluated = 0;
    for (let f = 0; f < F.n; f++) {
      let deep = false;
      let shallow = false;
      for (let j = 0; j < K; j++) {
        const p = f * K + j;
        const s = P.school[p];
        if (s < 0 || F.inGroup[f] === 0 || S.inGroup[s] === 0) continue;
        const d = P.depth[p];
        evaluated++;
        if (d >= 2) score[s] += 1;
        score[S.n + s] += 1;
        if (d >= 3) {
          deep = true;
          S.reputation[s] = clamp(S.reputation[s] + m.evaluationReputation, 0, 1);
        } else if (d <= 1 && P.age[p] >= 2) shallow = true;
      }
      if (deep) {
        F.net[f] += m.evaluationReward;
        F.receipts[f] += m.evaluationReward;
        w.ledger.evaluationRewards += m.evaluationReward;
      }
      if (shallow && !deep) {
        F.flagged[f] = 1;
        F.net[f] -= m.evaluationPenalty;
      }
    }
    for (let s = 0; s < S.n; s++) {
      const n = score[S.n + s];
      S.passed[s] = n > 0 && score[s] >= m.fundingPassShare * n ? 1 : 0;
    }
    w.ledger.adminCost += evaluated * m.evaluationCost;
  }
  certificationPhase(w);
}

/**
 * The certification of industry–education integration enterprises, an application and a
 * selection. A certification lapses after `certificationTerm` years or when an
 * evaluation flags the firm. While certification brings relief, every firm that may apply
 * (see {@link mayApply}) through a partnership that has run at least
 * `certificationCultivation` years applies; the year's quota (`certificationQuota` per
 * college, whole slots, the fraction carried) admits them in order of the investment
 * sunk into their qualifying partnerships (firms that invest more are cultivated first),
 * ties broken at random. The share admitted is what firms expect of an application next
 * year.
 */
export function certificationPhase(w: World): void {
  const F = w.firms;
  const P = w.partnerships;
  const K = P.perFirm;
  const pol = w.scenario.policy;
  const year = w.year;
  for (let f = 0; f < F.n; f++) {
    if (F.certified[f] === 1 && (F.flagged[f] === 1 || year >= F.certifiedUntil[f])) F.certified[f] = 0;
  }
  const cert = w.certification;
  if (!certificationRuns(w)) return;
  const exact = pol.certificationQuota * w.schools.n + cert.slotFraction;
  const slots = Math.floor(exact);
  cert.slotFraction = exact - slots;
  const minAge = 1 + pol.certificationCultivation;
  const applicants: number[] = [];
  const priority: number[] = [];
  for (let f = 0; f < F.n; f++) {
    if (F.certified[f] === 1) continue;
    let eligible = false;
    let sunk = 0;
    for (let j = 0; j < K; j++) {
      const p = f * K + j;
      if (P.school[p] < 0 || P.age[p] < minAge || !mayApply(w, f, P.depth[p], P.basis[p])) continue;
      eligible = true;
      sunk += P.sunk[p];
    }
    if (!eligible) continue;
    applicants.push(f);
    priority.push(sunk);
  }
  const n = applicants.length;
  let admitted = n;
  if (n > slots) {
    // A tie-break below 1 k¥ orders firms that sank the same investment (e.g. none).
    const rng = w.streams.certification;
    for (let i = 0; i < n; i++) priority[i] += rng.next();
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => priority[b] - priority[a]);
    for (let i = 0; i < slots; i++) admit(w, applicants[order[i]], year + pol.certificationTerm);
    admitted = slots;
  } else {
    for (let i = 0; i < n; i++) admit(w, applicants[i], year + pol.certificationTerm);
  }
  cert.acceptRate = n > 0 ? admitted / n : slots > 0 ? 1 : 0;
}

function admit(w: World, f: number, until: number): void {
  w.firms.certified[f] = 1;
  w.firms.certifiedUntil[f] = until;
}
