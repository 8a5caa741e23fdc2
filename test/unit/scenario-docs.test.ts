import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { parseScenario } from '../../src/scenario/parse.ts';

type JsonSchema = { type?: string | string[]; default?: unknown; description?: string; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[] };

/** Every field with a numeric default, with its description. */
function numericDefaults(node: JsonSchema, path: string, out: { path: string; description?: string }[]) {
  if (node.properties) for (const [k, child] of Object.entries(node.properties)) numericDefaults(child, path ? `${path}.${k}` : k, out);
  const d = node.default;
  const numeric = typeof d === 'number' || (Array.isArray(d) && d.every((x) => typeof x === 'number'));
  if (numeric) out.push({ path, description: node.description });
}

/** Paths of every number a scenario file sets explicitly. */
function numberLeaves(value: unknown, path: string, out: string[]) {
  if (typeof value === 'number') out.push(path);
  else if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'number')) out.push(path);
    else value.forEach((v, i) => numberLeaves(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) if (k !== 'sources') numberLeaves(v, path ? `${path}.${k}` : k, out);
}

const scenarioFiles = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

describe('scenario documentation', () => {
  it('every default number says where it comes from', () => {
    const list: { path: string; description?: string }[] = [];
    numericDefaults(scenarioJsonSchema() as JsonSchema, '', list);
    expect(list.length).toBeGreaterThan(80);
    const undocumented = list.filter(
      (f) => !f.description || !(/assumption:/.test(f.description) || /MODEL\.md|BIBB|MyCOS|the seed|China|status quo|rules|any seed|Yang|NBS/.test(f.description)),
    );
    expect(undocumented.map((f) => f.path)).toEqual([]);
  });

  it('the published JSON Schema file is up to date (npm run schema writes it)', () => {
    const file = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(file).toEqual(scenarioJsonSchema());
  });

  it.each(scenarioFiles)('%s is valid, references the schema and sources every number it sets', (file) => {
    const doc = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
    expect(doc.$schema).toBe('./scenario.schema.json');
    expect(parseScenario(doc).ok).toBe(true);
    expect(doc.description.length).toBeGreaterThan(40);
    const leaves: string[] = [];
    numberLeaves(doc, '', leaves);
    const sourced = Object.keys(doc.sources ?? {});
    const missing = leaves.filter((p) => !sourced.some((s) => p === s || p.startsWith(`${s}.`)));
    expect(missing).toEqual([]);
  });
});
