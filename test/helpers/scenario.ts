import { readFileSync } from 'node:fs';
import { parseScenario, formatProblems } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/model/params/schema.ts';

/** Parses a scenario object, failing the test with the problems if it is invalid. */
export function scenarioOf(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`invalid scenario in test:\n${formatProblems(r.problems)}`);
  return r.value;
}

/** Loads a shipped scenario file by name (without .json). */
export function shipped(name: string): Scenario {
  return scenarioOf(JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')));
}

/** A small world for fast unit tests. */
export function small(overrides: Record<string, unknown> = {}): Scenario {
  const base = { years: 8, world: { regions: 2, sectors: 2, schools: 8, firms: 300 } };
  return scenarioOf(deepMerge(base, overrides));
}

/** Merges plain objects recursively (arrays and values from `b` win). */
export function deepMerge(a: unknown, b: unknown): unknown {
  if (typeof a !== 'object' || a === null || Array.isArray(a) || typeof b !== 'object' || b === null || Array.isArray(b)) return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}
