import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExperimentData } from '../../src/experiment/parse/read-experiment-file.ts';
import { fuzzRuns, fuzzSeed, fuzzTimeout, mutate, mutation } from '../fuzz/mutations.ts';
import { createFigures, reportFigures } from '../fuzz/stats.ts';

const FILES = [
  'test/fixtures/experiments/small-grid.json',
  'test/fixtures/experiments/small-morris.json',
  'test/fixtures/experiments/small-sobol.json',
  'scenarios/experiments/tax-relief-sweep.json',
];
const BASES = FILES.map((f) => ({ data: JSON.parse(readFileSync(f, 'utf8')) as unknown, dir: dirname(f) }));

describe('fuzz: mutated experiments', () => {
  it('never throw from parseExperiment and name the field of every problem', () => {
    const figures = createFigures('experiment');
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        const input = mutate(base.data, mutations);
        figures.cases++;
        const t0 = performance.now();
        let r;
        try {
          r = parseExperimentData(input, base.dir);
        } catch (err) {
          figures.escaped++;
          throw err;
        } finally {
          const ms = performance.now() - t0;
          figures.times.push(ms);
          figures.maxMs = Math.max(figures.maxMs, ms);
        }
        if (r.ok) {
          figures.accepted++;
          return;
        }
        figures.rejected++;
        for (const p of r.problems) {
          expect(p.path, p.message).not.toBe('');
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: fuzzRuns(500), seed: fuzzSeed() },
    );
    reportFigures(figures);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(figures.escaped).toBe(0);
  }, fuzzTimeout());
});
