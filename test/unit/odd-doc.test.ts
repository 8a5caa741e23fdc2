import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSection } from '../../src/analysis/replace-section.ts';
import { cleanSource, parameterRows, parameterTable } from '../../src/scenario/parameter-tables.ts';
import { PHASES } from '../../src/model/step.ts';

const odd = readFileSync('docs/ODD.md', 'utf8');

describe('docs/ODD.md', () => {
  it.each(Object.entries(parameterRows()))('the %s parameter table is up to date with the schema (npm run docs:odd writes it)', (section, rows) => {
    expect(readSection(odd, `parameters:${section}`)).toBe(parameterTable(rows).trim());
  });

  it('lists every parameter of the schema with a source', () => {
    const rows = Object.values(parameterRows()).flat();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect([r.path, r.source.length > 5]).toEqual([r.path, true]);
  });

  it('describes each of the yearly phases in order', () => {
    const at = PHASES.map((p) => odd.indexOf(`**${p[0].toUpperCase()}${p.slice(1)}**`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('cites no design notes a user does not have', () => {
    expect(odd).not.toMatch(/MODEL\.md|EVIDENCE\.md/);
    expect(cleanSource('BIBB: 57–60% kept on (MODEL.md §5)')).toBe('BIBB: 57–60% kept on');
    expect(cleanSource('a province (China had 1,547 in 2023, MODEL.md §5)')).toBe('a province (China had 1,547 in 2023)');
  });
});
