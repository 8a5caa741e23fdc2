import { clamp } from '../portable-math.ts';
import { CONTRACT, type World } from '../state.ts';

/**
 * Phase 7: certification and, when due, the group evaluation. Every `evaluationInterval`
 * years, partnerships inside groups are scored: firms with a deep (3+) partnership are
 * rewarded and their colleges gain reputation; firms keeping a formal, shallow (≤ 1) partnership
 * for two years or more are flagged, lose certification and bear a penalty. A firm is certified
 * while it holds a contract partnership at depth 2 or more and is not flagged.
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
    for (let f = 0; f < F.n; f++) {
      let deep = false;
      let shallow = false;
      for (let j = 0; j < K; j++) {
        const p = f * K + j;
        const s = P.school[p];
        if (s < 0 || F.inGroup[f] === 0 || S.inGroup[s] === 0) continue;
        const d = P.depth[p];
        score[s] += d;
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
    for (let s = 0; s < S.n; s++) S.passed[s] = score[S.n + s] > 0 && score[s] / score[S.n + s] >= 2 ? 1 : 0;
  }
  for (let f = 0; f < F.n; f++) {
    let cert = 0;
    if (F.flagged[f] === 0) {
      for (let j = 0; j < K; j++) {
        const p = f * K + j;
        if (P.school[p] >= 0 && P.basis[p] === CONTRACT && P.depth[p] >= 2) cert = 1;
      }
    }
    F.certified[f] = cert;
  }
}
