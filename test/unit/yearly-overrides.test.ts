import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { small } from '../helpers/scenario.ts';

const bytes = (r: ReturnType<typeof simulate>) => Object.values(r.metrics).map((c) => Array.from(c));

describe('yearly decisions of colleges and firms (scenario.yearly)', () => {
  it('is absent from a scenario that does not set it, so such a scenario parses and runs as before', () => {
    expect('yearly' in small()).toBe(false);
  });

  it('steps that hold the values already set change no output byte', () => {
    const plain = simulate(small(), { seed: 3 });
    const same = simulate(small({ yearly: { 'schools.placementValue': [{ from: 2, value: 1 }], 'behaviour.searchRate': [{ from: 0, value: 0.6 }] } }), { seed: 3 });
    expect(bytes(same)).toEqual(bytes(plain));
  });

  it('a step changes the run from its year on, never before it', () => {
    const plain = simulate(small(), { seed: 3 });
    const search = simulate(small({ yearly: { 'behaviour.searchRate': [{ from: 4, value: 1 }] } }), { seed: 3 });
    const before = (r: ReturnType<typeof simulate>) => Array.from(r.metrics.firms_cooperating_share.slice(0, 4));
    expect(before(search)).toEqual(before(plain));
    // More firms searching from year 4: more of them cooperate in year 4 than without.
    expect(search.metrics.firms_cooperating_share[4]).toBeGreaterThan(plain.metrics.firms_cooperating_share[4]);
    const placements = simulate(small({ yearly: { 'schools.placementValue': [{ from: 4, value: 10 }] } }), { seed: 3 });
    expect(before(placements)).toEqual(before(plain));
    expect(placements.metrics.school_willingness[4]).toBeGreaterThan(plain.metrics.school_willingness[4]);
  });

  it('rejects a step out of range or out of order, naming the parameter and the range', () => {
    const bad = parseScenario({ yearly: { 'behaviour.searchRate': [{ from: 1, value: 1.5 }] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.problems)).toMatch(/behaviour\.searchRate.*too large/);
    const order = parseScenario({ yearly: { 'schools.placementValue': [{ from: 3, value: 2 }, { from: 1, value: 1 }] } });
    expect(order.ok).toBe(false);
    expect(parseScenario({ yearly: { 'firms.turnover': [{ from: 1, value: 0.1 }] } }).ok).toBe(false);
  });
});
