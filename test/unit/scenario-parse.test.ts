import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseScenario, parseScenarioText, formatProblems } from '../../src/scenario/parse.ts';
import { setPath } from '../../src/scenario/set-path.ts';

const problemsOf = (input: unknown) => {
  const r = parseScenario(input);
  if (r.ok) throw new Error('expected problems');
  return formatProblems(r.problems);
};

describe('parseScenario', () => {
  it('fills every default for an empty scenario', () => {
    const r = parseScenario({});
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.world.firms).toBe(3000);
      expect(r.value.policy.internPayFloor).toBe(0.8);
      expect(r.value.economics.interns).toHaveLength(4);
    }
  });

  it('names the path, the bad value and the allowed range', () => {
    expect(problemsOf({ policy: { taxRelief: 'banana' } })).toMatch(
      /^policy\.taxRelief: "banana" is not a number or an expression of year .*expected 0–1$/,
    );
    expect(problemsOf({ policy: { taxRelief: 2 } })).toBe('policy.taxRelief: 2 is too large; expected 0–1');
    expect(problemsOf({ world: { firms: -5 } })).toBe('world.firms: -5 is too small; expected an integer 1–2000000');
    expect(problemsOf({ years: 2.5 })).toBe('years: 2.5 is not an integer; expected an integer 1–500');
  });

  it('rejects unknown fields, naming what is allowed', () => {
    const msg = problemsOf({ polcy: {}, world: { schoolz: 3 } });
    expect(msg).toContain('polcy: unknown field; allowed here: $schema, name');
    expect(msg).toContain('world.schoolz: unknown field; allowed here: regions, sectors, schools, firms');
  });

  it('checks lever steps and expressions', () => {
    expect(problemsOf({ policy: { law: [{ from: 3, value: 1 }, { from: 2, value: 0.5 }] } })).toContain(
      'policy.law[1].from: steps must be in increasing "from" order',
    );
    expect(problemsOf({ policy: { law: 'evaluate("1")' } })).toContain('function "evaluate" is not allowed');
    expect(parseScenario({ policy: { law: 'year >= 3 ? 1 : 0', taxRelief: [{ from: 2, value: 0.3 }] } }).ok).toBe(true);
  });

  it('reports bad JSON text with the parser message', () => {
    const r = parseScenarioText('{"years": }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/not valid JSON/);
  });

  it('never throws on random input: it validates or returns path-named problems', () => {
    const paths = ['years', 'seed', 'world.firms', 'world.regions', 'policy.taxRelief', 'policy.law', 'schools.facilities', 'economics.interns', 'firms.highTechShare', 'labour.cheapLabour', 'nope', 'policy.nope'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 2 })), { maxLength: 5 }),
        (assignments) => {
          let doc: unknown = {};
          for (const [path, value] of assignments) {
            const r = setPath(doc, path, value);
            if (r.ok) doc = r.value;
          }
          const r = parseScenario(doc);
          if (!r.ok) {
            expect(r.problems.length).toBeGreaterThan(0);
            for (const p of r.problems) {
              expect(typeof p.message).toBe('string');
              expect(p.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects non-objects', () => {
    expect(problemsOf([1, 2])).toMatch(/must be a JSON object/);
    expect(problemsOf(null)).toMatch(/must be a JSON object/);
  });
});

describe('setPath', () => {
  it('sets nested fields and list items without touching the input', () => {
    const input = { policy: { law: 0 } };
    const r = setPath(input, 'economics.interns.1', 9);
    expect(r.ok && r.value).toEqual({ policy: { law: 0 }, economics: { interns: [undefined, 9] } });
    expect(input).toEqual({ policy: { law: 0 } });
  });
  it('refuses prototype keys', () => {
    expect(setPath({}, '__proto__.x', 1).ok).toBe(false);
  });
});
