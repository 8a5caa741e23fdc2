import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { createWorldArena } from '../../src/model/world-arena.ts';
import { metricsToCsv } from '../../src/runner/metrics-table.ts';
import { readFileSync } from 'node:fs';
import { deepMerge, scenarioOf } from '../helpers/scenario.ts';

const csv = (r: ReturnType<typeof simulate>) => metricsToCsv(r.year, r.metrics);

describe('world arena', () => {
  it('gives runs one after another the same bytes as fresh arrays, across sizes and scenarios', () => {
    const file = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));
    const base = scenarioOf(deepMerge(file('baseline'), { years: 8 }));
    const small = scenarioOf(deepMerge(file('full-package'), { years: 8, world: { firms: 700, schools: 20 } }));
    const arena = createWorldArena();
    const sequence = [
      [base, 3],
      [small, 4],
      [base, 5],
      [base, 3],
      [small, 4],
    ] as const;
    for (const [scenario, seed] of sequence) {
      expect(csv(simulate(scenario, { seed, arena }))).toBe(csv(simulate(scenario, { seed })));
    }
  });

  it('hands back zero-filled arrays and keeps only what the last world used', () => {
    const arena = createWorldArena();
    arena.begin();
    const a = arena.f64(5);
    a.fill(7);
    const b = arena.i32(3);
    b[1] = 9;
    arena.begin();
    const a2 = arena.f64(5);
    expect(a2).toBe(a);
    expect([...a2]).toEqual([0, 0, 0, 0, 0]);
    // A second array of the same size in one world is a different one.
    const a3 = arena.f64(5);
    expect(a3).not.toBe(a);
    arena.begin();
    // i32(3) was not used by the last world: it is gone, and a new one is made.
    const b2 = arena.i32(3);
    expect(b2).not.toBe(b);
    expect([...b2]).toEqual([0, 0, 0]);
  });
});
