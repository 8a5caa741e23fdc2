import { deriveSeed } from '../../model/rng.ts';
import type { ScenarioInput } from '../../model/params/schema.ts';
import type { AppState } from './app-state.ts';
import { applyEdits, presetOrDefault } from './scenario-edits.ts';

/** The scenario the current one is compared with (see {@link AppState.compare}). */
export function baselineInputOf(state: AppState, input: ScenarioInput): ScenarioInput {
  if (state.compare === 'no-policy') {
    const { policy: _policy, ...rest } = structuredClone(input) as ScenarioInput & { policy?: unknown };
    return rest as ScenarioInput;
  }
  // The status quo with the same world size and number of years, so counts compare.
  const structural = Object.fromEntries(Object.entries(state.edits).filter(([p]) => p.startsWith('world.') || p === 'years'));
  const presetWorld = (presetOrDefault(state.preset).input as { world?: Record<string, unknown>; years?: number });
  for (const [k, v] of Object.entries(presetWorld.world ?? {})) if (!(`world.${k}` in structural)) structural[`world.${k}`] = v;
  if (presetWorld.years !== undefined && !('years' in structural)) structural.years = presetWorld.years;
  const r = applyEdits(presetOrDefault('baseline').input, structural);
  return r.ok ? r.value : presetOrDefault('baseline').input;
}

/**
 * Seeds of an ensemble: run i uses `deriveSeed(seed, i)`, the rule of `coopsim sweep` and
 * `coopsim compare`, so an ensemble in the app can be reproduced from the command line.
 */
export function ensembleSeeds(seed: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => deriveSeed(seed, i));
}
