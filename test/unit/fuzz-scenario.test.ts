import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LeverError } from '../../src/model/params/compile-levers.ts';
import { METRICS } from '../../src/model/metrics.ts';
import { simulate } from '../../src/model/simulate.ts';
import { hasResultLevers } from '../../src/scenario/lever-check.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import type { Scenario } from '../../src/model/params/schema.ts';
import { fuzzRuns, fuzzSeed, fuzzTimeout, mutate, mutation } from '../fuzz/mutations.ts';
import { createFigures, reportFigures } from '../fuzz/stats.ts';

const dir = new URL('../../scenarios/', import.meta.url).pathname;
const BASES: unknown[] = [
  {},
  ...readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
    .map((f) => JSON.parse(readFileSync(`${dir}${f}`, 'utf8'))),
];

/** Checks the outputs of a short run: shares in [0, 1] (or NaN, an undefined average) and counts finite and ≥ 0. */
function checkRun(s: Scenario): void {
  const small = structuredClone(s);
  // The mutated parameters are kept; only the world is made small enough to run thousands of times.
  small.world.firms = Math.min(small.world.firms, 300);
  small.world.schools = Math.min(small.world.schools, 30);
  small.world.regions = Math.min(small.world.regions, 8);
  small.world.sectors = Math.min(small.world.sectors, 8);
  let result;
  try {
    result = simulate(small, { years: 3 });
  } catch (err) {
    // An expression of last year's results may give no number once they are known: that run
    // stops with a one-line lever error, which is the documented outcome.
    if (err instanceof LeverError && hasResultLevers(s)) return;
    throw err;
  }
  for (const [name, , unit] of METRICS) {
    for (const v of result.metrics[name]) {
      if (unit === 'share') expect(Number.isNaN(v) || (v >= 0 && v <= 1), `${name} = ${v}`).toBe(true);
      if (unit === 'count') expect(Number.isFinite(v) && v >= 0, `${name} = ${v}`).toBe(true);
    }
  }
}

describe('fuzz: mutated scenarios', () => {
  it('never throw from parseScenario, name the field of every problem, and run 3 years in range when accepted', () => {
    const figures = createFigures('scenario');
    let ran = 0;
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        const input = mutate(base, mutations);
        figures.cases++;
        const t0 = performance.now();
        let r;
        try {
          r = parseScenario(input);
        } catch (err) {
          figures.escaped++;
          throw err;
        } finally {
          const ms = performance.now() - t0;
          figures.times.push(ms);
          figures.maxMs = Math.max(figures.maxMs, ms);
        }
        if (!r.ok) {
          figures.rejected++;
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) {
            expect(p.path, p.message).not.toBe('');
            expect(p.message.length).toBeGreaterThan(0);
            expect(p.message.length).toBeLessThan(2000);
          }
          return;
        }
        figures.accepted++;
        checkRun(r.value);
        ran++;
      }),
      { numRuns: fuzzRuns(800), seed: fuzzSeed() },
    );
    figures.ran = ran;
    reportFigures(figures);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(figures.escaped).toBe(0);
  }, fuzzTimeout());
});
