import { describe, it, expect } from 'vitest';
import { baselineInputOf, ensembleSeeds } from '../../src/app/state/comparison.ts';
import { defaultState } from '../../src/app/state/app-state.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { deriveSeed } from '../../src/model/rng.ts';

describe('comparison baseline', () => {
  it('compares with the status quo at the current world size and years', () => {
    const state = { ...defaultState('en'), edits: { 'world.firms': 500, years: 7, 'policy.taxRelief': 0.3 } };
    const base = baselineInputOf(state, {} as never);
    const parsed = parseScenario(base);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.value.world.firms).toBe(500);
      expect(parsed.value.years).toBe(7);
      expect(parsed.value.policy.taxRelief).toBe(0);
    }
  });

  it('"no policy" keeps the assumptions and drops every lever', () => {
    const state = { ...defaultState('en'), compare: 'no-policy' as const };
    const base = baselineInputOf(state, { schools: { facilities: 0.7 }, policy: { law: 1 } });
    expect(base).toEqual({ schools: { facilities: 0.7 } });
  });

  it('ensemble seeds follow the sweep rule: run i of master seed s uses deriveSeed(s, i)', () => {
    expect(ensembleSeeds(7, 3)).toEqual([deriveSeed(7, 0), deriveSeed(7, 1), deriveSeed(7, 2)]);
    expect(new Set(ensembleSeeds(4294967295, 50)).size).toBe(50);
    expect(ensembleSeeds(7, 3)).not.toEqual([7, 8, 9]);
  });
});
