import type { Scenario } from './params/schema.ts';
import { YEARLY_PARAM_NAMES, type YearlyParam } from './params/yearly-field.ts';
import { stableNumbers } from './stable-shape.ts';

/** The value a schedule gives in `year`: its last step from that year or before, else `before`. */
function valueIn(steps: readonly { from: number; value: number }[] | undefined, year: number, before: number): number {
  let v = before;
  if (steps) for (const s of steps) if (year >= s.from) v = s.value;
  return v;
}

function read(s: Scenario, param: YearlyParam): number {
  const [group, key] = param.split('.') as [keyof Scenario, string];
  return (s[group] as unknown as Record<string, number>)[key];
}

/**
 * The scenario each reported year runs with, for a scenario with a `yearly` section; null
 * without one (the run then never swaps its scenario, so its bytes are those of before the
 * section existed). The returned function gives `world`'s scenario back unchanged while no
 * scheduled value changes, and a copy with the year's values when one does, so a run makes
 * one copy per change. Spin-up years run before it is asked and keep the values as set.
 */
export function yearlyScenarios(scenario: Scenario): ((year: number, current: Scenario) => Scenario) | null {
  const yearly = scenario.yearly;
  if (!yearly || YEARLY_PARAM_NAMES.every((p) => !yearly[p])) return null;
  return (year, current) => {
    let changed = false;
    for (const p of YEARLY_PARAM_NAMES) if (read(current, p) !== valueIn(yearly[p], year, read(scenario, p))) changed = true;
    if (!changed) return current;
    const copy = structuredClone(scenario) as unknown as Record<string, Record<string, number>>;
    for (const p of YEARLY_PARAM_NAMES) {
      const [group, key] = p.split('.');
      copy[group][key] = valueIn(yearly[p], year, read(scenario, p));
    }
    return stableNumbers(copy as unknown as Scenario);
  };
}
