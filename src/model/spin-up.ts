import { POLICY_DEFAULTS } from './params/schema.ts';
import { compileLevers } from './params/compile-levers.ts';
import { stableNumbers } from './stable-shape.ts';
import { stepYear } from './step.ts';
import type { World } from './state.ts';
import { asSmallInt } from './number-hints.ts';

/**
 * Burn-in: simulates the scenario's `spinUpYears` before year 0 with every policy lever at
 * its status-quo value (POLICY_DEFAULTS) and the rest of the scenario as given, so year 0
 * starts from a state the model itself holds rather than from the seeded initial mix. The
 * spin-up years run as years −n … −1 and are not reported; `w.lastMetrics` then holds the
 * last of them, which is what year-0 lever expressions see. Writes scratch rows into `row`.
 */
export function spinUp(w: World, row: Float64Array): void {
  const years = asSmallInt(w.scenario.spinUpYears);
  if (years <= 0) return;
  const scenario = w.scenario;
  const levers = w.levers;
  w.scenario = stableNumbers({ ...scenario, policy: POLICY_DEFAULTS });
  w.levers = compileLevers(POLICY_DEFAULTS);
  w.year = -years;
  // Only the last spin-up year is recorded: its metrics are what year 0's levers see.
  for (let y = 0; y < years; y++) stepYear(w, row, y === years - 1);
  w.scenario = scenario;
  w.levers = levers;
}
