import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPRESSION_VARIABLES } from '../../src/model/metrics.ts';
import { compileExpression } from '../../src/model/params/expression.ts';
import { parseScenario } from '../../src/scenario/parse.ts';
import { EXPRESSIONS, fuzzRuns, fuzzSeed, fuzzTimeout, nested } from '../fuzz/mutations.ts';
import { createFigures, reportFigures } from '../fuzz/stats.ts';

const TOKENS = [
  'year', 'mean_depth', 'fiscal_cost', '1', '0', '2.5', '1e308', '-', '+', '*', '/', '^', '%', '(', ')', '?', ':', '>=', '<', '==', '!=',
  'and', 'or', 'not', '!', 'log', 'exp', 'sqrt', 'min', 'max', 'abs', 'floor', ',', 'NaN', 'Infinity', '.', '[', ']', '{', '}', '=',
  '"', "'", ';', 'constructor', '__proto__', 'import', 'evaluate', 'ones', 'matrix', 'e', 'pi', 'i', '->', '|', '&', '\n',
];

const source: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...EXPRESSIONS),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join(' ')),
  fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((t) => t.join('')),
  fc.constantFrom(10, 30, 100, 1000).map((d) => `${'('.repeat(d)}year${')'.repeat(d)}`),
  fc.constantFrom(10, 100, 1000).map((n) => `[${Array.from({ length: n }, () => '1').join(',')}]`),
  fc.constantFrom(10, 200).map((d) => JSON.stringify(nested(d))),
  fc.constantFrom(399, 400, 401, 100_000).map((n) => `1${'+1'.repeat(Math.floor((n - 1) / 2))}`.slice(0, n)),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('fuzz: lever expressions', () => {
  it('compile or are refused with a reason, never throw, and evaluate to a number with any inputs', () => {
    const figures = createFigures('expression');
    fc.assert(
      fc.property(source, fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -1, 1e308, NaN, Infinity)), { minLength: EXPRESSION_VARIABLES.length, maxLength: EXPRESSION_VARIABLES.length }), (src, values) => {
        figures.cases++;
        const t0 = performance.now();
        let r;
        try {
          r = compileExpression(src, EXPRESSION_VARIABLES);
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
          expect(r.error.length).toBeGreaterThan(0);
          return;
        }
        figures.accepted++;
        const scope = Object.fromEntries(EXPRESSION_VARIABLES.map((v, i) => [v, values[i]]));
        expect(typeof r.value.evaluate(scope)).toBe('number');
        // The same text as a lever: a clear, path-named problem or a valid scenario.
        const s = parseScenario({ years: 5, policy: { taxRelief: src } });
        if (!s.ok) for (const p of s.problems) expect(p.path).toMatch(/^policy\.taxRelief/);
      }),
      { numRuns: fuzzRuns(1200), seed: fuzzSeed() },
    );
    reportFigures(figures);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(figures.escaped).toBe(0);
  }, fuzzTimeout());
});
