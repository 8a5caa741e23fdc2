import { describe, it, expect } from 'vitest';
import { compileExpression, MAX_EXPRESSION_LENGTH } from '../../src/model/params/expression.ts';
import { EXPRESSION_VARIABLES } from '../../src/model/metrics.ts';

const compile = (s: string) => compileExpression(s, EXPRESSION_VARIABLES);
const value = (s: string, scope: Record<string, number>) => {
  const r = compile(s);
  if (!r.ok) throw new Error(r.error);
  return r.value.evaluate(scope);
};

describe('expression sandbox', () => {
  it('evaluates conditionals of year and metrics', () => {
    expect(value('year >= 3 ? 0.3 : 0', { year: 2 })).toBe(0);
    expect(value('year >= 3 ? 0.3 : 0', { year: 3 })).toBe(0.3);
    expect(value('mean_depth < 1.5 ? 0.3 : 0.1', { mean_depth: 1.2 })).toBe(0.3);
    expect(value('clamp(year / 10, 0, 0.5)', { year: 7 })).toBe(0.5);
    expect(value('min(year, 2) + max(1, 3)', { year: 9 })).toBe(5);
  });

  it.each([
    ['evaluate("1+1")', /function "evaluate" is not allowed/],
    ['import({}, {})', /function "import" is not allowed/],
    ['parse("1")', /function "parse" is not allowed/],
    ['config({number: "BigNumber"})', /function "config" is not allowed/],
    ['compile("1")', /function "compile" is not allowed/],
    ['x = 1', /assignments/],
    ['f(x) = x^2', /assignments and function definitions/],
    ['foo * 2', /unknown variable "foo"/],
    ['year.constructor', /property access/],
    ['[1, 2][1]', /not allowed/],
    ['{a: 1}', /object literal/],
    ['"text"', /only numbers/],
    ['1; 2', /more than one statement/],
    ['cos(year)', /function "cos" is not allowed/],
    ['clamp(1, 2)', /takes 3 arguments/],
    ['', /empty/],
  ])('rejects %s', (src, message) => {
    const r = compile(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('rejects over-long and deeply nested input', () => {
    const long = compile('1+'.repeat(MAX_EXPRESSION_LENGTH) + '1');
    expect(long.ok).toBe(false);
    if (!long.ok) expect(long.error).toMatch(/characters long/);
    const deep = compile('('.repeat(40) + '1' + ')'.repeat(40));
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.error).toMatch(/nested/);
  });
});
