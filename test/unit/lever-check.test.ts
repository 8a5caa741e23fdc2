import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { LeverError } from '../../src/model/params/compile-levers.ts';
import { firstNonFiniteYear, leverYearWarnings } from '../../src/scenario/lever-check.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

const problems = (input: unknown) => {
  const r = parseScenario(input);
  return r.ok ? [] : r.problems;
};

describe('levers that cannot run', () => {
  it('refuses constant expressions that are not finite', () => {
    for (const [src, gives] of [['1/0', 'Infinity'], ['1e400', 'Infinity'], ['log(0)', '-Infinity'], ['0/0', 'NaN']]) {
      const p = problems({ years: 5, policy: { taxRelief: src } });
      expect(p, src).toHaveLength(1);
      expect(p[0].path).toBe('policy.taxRelief');
      expect(p[0].message).toContain(`is not finite in year 0 (gives ${gives})`);
    }
  });

  it('refuses an expression of year that is not finite in one of the scenario years, and only then', () => {
    const p = problems({ years: 5, policy: { law: '1/(year-3)' } });
    expect(p).toEqual([{ path: 'policy.law', message: '1/(year-3) is not finite in year 3 (gives Infinity); write an expression that gives a number in every year 0–4' }]);
    expect(problems({ years: 3, policy: { law: '1/(year-3)' } })).toEqual([]);
    expect(problems({ years: 5, policy: { law: 'year >= 2 ? 1/(year-1) : 0' } })).toEqual([]);
  });

  it('dry-runs expressions of last year\'s results with the initial results, as a warning', () => {
    expect(firstNonFiniteYear('1/(mean_depth - 1)', 4, { mean_depth: 1 })).toEqual({ year: 0, value: Infinity });
    expect(firstNonFiniteYear('1/(mean_depth - 1)', 4, { mean_depth: 2 })).toBeNull();
    const r = parseScenario({ years: 4, world: { firms: 200, schools: 10 }, policy: { taxRelief: 'log(fiscal_cost)' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = leverYearWarnings(r.value, { fiscal_cost: 0 });
    expect(w).toEqual([{ path: 'policy.taxRelief', message: 'may fail in year 0: log(fiscal_cost) is not finite there with the initial results (gives -Infinity)' }]);
  });

  it('stops a run that fails mid-way with one line naming the lever and the year', () => {
    const r = parseScenario({ years: 6, world: { firms: 200, schools: 10 }, policy: { taxRelief: 'year >= 2 ? 1/(firms_cooperating_share - firms_cooperating_share) : 0' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    let err: unknown;
    try {
      simulate(r.value);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LeverError);
    expect((err as LeverError).year).toBe(2);
    expect((err as Error).message).toMatch(/^policy\.taxRelief: expression ".*" gave (NaN|Infinity) in year 2; the run stopped there$/);
  });
});
