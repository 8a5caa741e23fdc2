import { evaluateLevers } from '../params/compile-levers.ts';
import type { World } from '../state.ts';

/**
 * Phase 1: evaluates every lever for this year, sets group membership from coverage and
 * books the running cost of groups, the data platform and law enforcement.
 */
export function policyPhase(w: World): void {
  evaluateLevers(w.levers, w.year, w.lastMetrics, w.lever);
  const coverage = w.lever.groups;
  const S = w.schools;
  const F = w.firms;
  // A fixed draw per agent makes membership grow monotonically with coverage.
  for (let s = 0; s < S.n; s++) S.inGroup[s] = S.groupDraw[s] < coverage ? 1 : 0;
  let members = 0;
  for (let s = 0; s < S.n; s++) members += S.inGroup[s];
  for (let f = 0; f < F.n; f++) {
    F.inGroup[f] = F.groupDraw[f] < coverage ? 1 : 0;
    members += F.inGroup[f];
  }
  // Levers without transfers still cost the government their running: group
  // secretariats per member, the data platform and law enforcement per college served.
  const m = w.scenario.mechanisms;
  const L = w.lever;
  w.ledger.adminCost += members * m.groupAdminCost + S.n * (L.dataPlatform * m.platformCost + L.law * m.lawEnforcementCost);
}
