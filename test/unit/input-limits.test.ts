import { describe, expect, it } from 'vitest';
import { show } from '../../src/model/params/fields.ts';
import { INPUT_LIMITS, MAX_LEVER_STEPS } from '../../src/scenario/input-limits.ts';
import { parseExperiment } from '../../src/experiment/parse/parse-experiment.ts';
import { parseScenario, parseScenarioText } from '../../src/scenario/parse.ts';
import { setPath } from '../../src/scenario/set-path.ts';

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

describe('bounded input', () => {
  it('shows a bounded prefix of any value, however deep or long', () => {
    expect(show(nested(100_000))).toBe('[[[[...]]]]');
    expect(show(Array.from({ length: 1_000_000 }, (_, i) => i)).length).toBeLessThanOrEqual(60);
    expect(show('x'.repeat(50_000))).toMatch(/^"x{117}"\.\.\. \(50000 characters\)$/);
    expect(show({ a: { b: { c: { d: 1 } } } })).toBe('{"a":{"b":{"c":{...}}}}');
    expect(show(Infinity)).toBe('Infinity');
    expect(show(NaN)).toBe('NaN');
  });

  it('refuses nesting, long strings, long lists and odd keys with the path named', () => {
    const deep = parseScenario({ name: nested(4100) });
    expect(deep.ok).toBe(false);
    if (!deep.ok) expect(deep.problems[0].message).toMatch(/nested more than 32 levels deep/);
    const long = parseScenario({ name: 'x'.repeat(INPUT_LIMITS.stringLength + 1) });
    expect(long.ok ? [] : long.problems).toEqual([{ path: 'name', message: 'a text of 10001 characters; at most 10000 allowed' }]);
    const steps = parseScenario({ policy: { taxRelief: Array.from({ length: MAX_LEVER_STEPS + 1 }, (_, i) => ({ from: i, value: 0 })) } });
    expect(steps.ok ? [] : steps.problems).toEqual([
      { path: 'policy.taxRelief', message: '1001 steps; at most 1000 allowed (one a year is the most that can matter)' },
    ]);
    const proto = JSON.parse('{"world": {"__proto__": {"firms": 1}}, "": 1}');
    const r = parseScenario(proto);
    expect(r.ok ? [] : r.problems.map((p) => p.path).sort()).toEqual(['""', 'world.__proto__']);
    const exp = parseExperiment(JSON.parse('{"factors": {"__proto__": [1], "policy.law": [0, 1]}}'));
    expect(exp.ok ? [] : exp.problems).toEqual([{ path: 'factors.__proto__', message: 'a key named __proto__ is not a field and is not allowed' }]);
  });

  it('refuses a huge list index in a field path at once', () => {
    const r = setPath({}, 'economics.interns.99999999', 1);
    expect(r.ok ? [] : r.problems[0].message).toMatch(/list index 99999999 is too large; lists in a scenario have at most 1000 items/);
    expect(setPath({}, 'policy.taxRelief.999.value', 1).ok).toBe(true);
  });

  it('reads a file with a byte-order mark and names 1e309 as Infinity, not null', () => {
    expect(parseScenarioText('\ufeff{"years": 3}').ok).toBe(true);
    const r = parseScenarioText('{"years": 1e309}');
    expect(r.ok ? '' : r.problems[0].message).toMatch(/^Infinity is not/);
  });
});
