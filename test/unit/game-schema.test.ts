import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseGameFile } from '../../src/analysis/game/game-schema.ts';
import { formatProblems } from '../../src/scenario/parse.ts';

const problems = (input: unknown) => {
  const r = parseGameFile(input);
  if (r.ok) throw new Error('expected problems');
  return formatProblems(r.problems);
};

describe('game file schema', () => {
  it('fills in documented defaults', () => {
    const r = parseGameFile({ V: 12 });
    expect(r.ok && r.value).toMatchObject({ V: 12, alpha: 0.4, Cs: 3, Ce: 5, gs: 0, ge: 0, q: 1, x0: 0.5, y0: 0.5, tmax: 10 });
    expect(r.ok && r.value.government).toBeUndefined();
    const g = parseGameFile({ government: { L: 6 } });
    expect(g.ok && g.value.government).toEqual({ z0: 0.5, Cg: 2, Gs: 1, Se: 1, Fs: 1, Fe: 1, L: 6 });
  });

  it('names the field, the bad value and what is allowed', () => {
    expect(problems({ alpha: 1.5 })).toBe('alpha: 1.5 is too large; expected 0–1');
    expect(problems({ V: 'ten' })).toBe('V: "ten" is not a number; expected 0–1000000');
    expect(problems({ government: { Fe: -1 } })).toBe('government.Fe: -1 is too small; expected 0–1000000');
    expect(problems({ tmax: 0 })).toBe('tmax: 0 is too small; expected 0.1–1000');
  });

  it('rejects unknown keys, listing the allowed ones', () => {
    expect(problems({ Vv: 1 })).toMatch(/^Vv: unknown field; allowed here: name, description, V, alpha, Cs, Ce, gs, ge, q, x0, y0, tmax, government$/);
    expect(problems({ government: { z: 1 } })).toMatch(/^government\.z: unknown field; allowed here: z0, Cg/);
    expect(problems([1])).toMatch(/must be a JSON object/);
  });

  it('accepts every shipped example game', () => {
    const dir = new URL('../../scenarios/games/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['bistable.json', 'dominant.json', 'schools-keen-firms-cold.json']));
    for (const f of files) expect(parseGameFile(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))).ok).toBe(true);
  });
});
