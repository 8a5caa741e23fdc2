import { evaluateLevers } from '../levers.ts';
import type { World } from '../state.ts';

/** Phase 1: evaluates every lever for this year and sets group membership from coverage. */
export function policyPhase(w: World): void {
  evaluateLevers(w.levers, w.year, w.lastMetrics, w.lever);
  const coverage = w.lever.groups;
  const S = w.schools;
  const F = w.firms;
  // A fixed draw per agent makes membership grow monotonically with coverage.
  for (let s = 0; s < S.n; s++) S.inGroup[s] = S.groupDraw[s] < coverage ? 1 : 0;
  for (let f = 0; f < F.n; f++) F.inGroup[f] = F.groupDraw[f] < coverage ? 1 : 0;
}
