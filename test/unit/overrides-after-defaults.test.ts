import { describe, it, expect } from 'vitest';
import { parseExperiment } from '../../src/experiment/parse/parse-experiment.ts';
import { planExperiment } from '../../src/experiment/plan/experiment-plan.ts';
import { formatProblems, parseScenario } from '../../src/scenario/parse.ts';
import { scenarioOf } from '../helpers/scenario.ts';

// Experiment factors apply to the base scenario with its defaults filled in: any path of the
// schema works, list elements included, and the up-front check agrees with what a run parses.
const base = { years: 3, world: { regions: 2, sectors: 2, schools: 6, firms: 120 } };
const experiment = (factors: Record<string, unknown>) => parseExperiment({ name: 'overrides', base, factors, replications: { count: 1, seed: 1 } });

describe('factors on the scenario with defaults', () => {
  it('varies one element of a per-depth list the base file does not write out', () => {
    const r = experiment({ 'economics.interns.0': [1, 3] });
    if (!r.ok) throw new Error(formatProblems(r.problems));
    const plan = planExperiment(r.value);
    const defaults = scenarioOf(base).economics.interns;
    for (const [point, first] of [[0, 1], [1, 3]] as const) {
      const s = scenarioOf(plan.scenarioOf(point));
      expect(s.economics.interns).toEqual([first, ...defaults.slice(1)]);
    }
  });

  it('rejects up front exactly the values a run would reject', () => {
    const cases: Record<string, unknown>[] = [
      { 'economics.interns.0': [1, 3] },
      { 'economics.interns.0': [-1, 3] },
      { 'economics.interns.4': [1] },
      { 'economics.interns': [[1, 2, 3, 4]] },
      { 'economics.interns': [[1, 2]] },
      { 'policy.taxRelief': [0, 2] },
      { 'policy.taxRelif': [0] },
      { 'world.firms': [50, 80.5] },
    ];
    for (const factors of cases) {
      const r = experiment(factors);
      const [path, values] = Object.entries(factors)[0] as [string, unknown[]];
      // What a run does: the same value set on the base with defaults, then parsed.
      const runsOk = values.every((v) => {
        const full = structuredClone(scenarioOf(base)) as unknown as Record<string, unknown>;
        const keys = path.split('.');
        let node = full as Record<string, unknown>;
        for (const k of keys.slice(0, -1)) node = (node[k] ?? {}) as Record<string, unknown>;
        node[keys[keys.length - 1]] = v;
        return parseScenario(full).ok;
      });
      expect(r.ok, JSON.stringify(factors)).toBe(runsOk);
      if (r.ok) for (let p = 0; p < planExperiment(r.value).pointCount; p++) expect(parseScenario(planExperiment(r.value).scenarioOf(p)).ok).toBe(true);
      else expect(formatProblems(r.problems)).toMatch(new RegExp(`^factors\\.${path.replace(/\./g, '\\.')}: `));
    }
  });
});
