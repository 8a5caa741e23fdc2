import type { World } from '../state.ts';

/**
 * Phase 2: cheap-labour supply changes by its yearly trend from the second reported year
 * on (not during spin-up: year 0 starts at the scenario's `cheapLabour`).
 */
export function labourMarketPhase(w: World): void {
  const trend = w.scenario.labour.cheapLabourTrend;
  if (trend === 0 || w.year <= 0) return;
  const c = w.labour.cheapLabour;
  for (let r = 0; r < c.length; r++) {
    const v = c[r] * (1 + trend);
    c[r] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
}
