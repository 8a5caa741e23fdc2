import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/model/create-world.ts';
import { compileLevers } from '../../src/model/params/compile-levers.ts';
import { LEVER_NAMES, LEVER_RANGE, LEVER_TABLE } from '../../src/model/params/lever-table.ts';
import { POLICY_DEFAULTS, scenarioSchema } from '../../src/model/params/schema.ts';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { LEVER_SPECS } from '../../src/app/state/controls-catalog.ts';
import { TABLES } from '../../src/app/i18n/messages.ts';
import { paramToPath, pathToParam } from '../../src/app/url/link-paths.ts';
import { small } from '../helpers/scenario.ts';

const world = createWorld(small(), 1);
const policyFields = Object.keys(scenarioSchema.shape.policy.unwrap().shape);
const jsonPolicy = (scenarioJsonSchema() as { properties: { policy: { properties: Record<string, { default?: unknown; description?: string }> } } }).properties.policy.properties;

/** Every place a lever must appear in, and whether `name` is there. */
const PLACES: Record<string, (name: string) => boolean> = {
  'the scenario schema': (name) => policyFields.includes(name),
  'the JSON Schema, with the status quo as default and the source as description': (name) => {
    const row = LEVER_TABLE[name as keyof typeof LEVER_TABLE];
    return row !== undefined && jsonPolicy[name]?.default === row.statusQuo && jsonPolicy[name]?.description === row.source;
  },
  'the status-quo policy': (name) => name in POLICY_DEFAULTS,
  'the compiled levers': (name) => name in compileLevers(POLICY_DEFAULTS),
  "the world's lever values": (name) => name in world.lever,
  "the app's controls (once)": (name) => LEVER_SPECS.filter((c) => c.lever === name && c.path === `policy.${name}`).length === 1,
  'the link codec (by its bare name)': (name) => pathToParam(`policy.${name}`) === name && paramToPath(name) === `policy.${name}`,
  'the English strings (label and help)': (name) => `lever.${name}` in TABLES.en && `lever.${name}.help` in TABLES.en,
  'the Chinese strings (label and help)': (name) => `lever.${name}` in TABLES['zh-CN'] && `lever.${name}.help` in TABLES['zh-CN'],
};

/** The places that do not know `name`. */
const missing = (name: string) => Object.keys(PLACES).filter((place) => !PLACES[place](name));

describe('the lever table is the one list of levers', () => {
  it.each(LEVER_NAMES)('%s is known everywhere a lever must be', (name) => {
    expect(missing(name)).toEqual([]);
  });

  it('a lever that is not in the table is missing from every place (so the check can fail)', () => {
    expect(missing('noSuchLever')).toEqual(Object.keys(PLACES));
  });

  it('no place knows a lever the table does not have', () => {
    const inPolicy = policyFields.filter((f) => f in compileLevers(POLICY_DEFAULTS));
    expect(inPolicy).toEqual([...LEVER_NAMES]);
    expect(Object.keys(world.lever)).toEqual([...LEVER_NAMES]);
    expect(LEVER_SPECS.map((c) => c.lever).sort()).toEqual([...LEVER_NAMES].sort());
  });

  it('each status quo lies in its range, and each row says where its value comes from', () => {
    for (const name of LEVER_NAMES) {
      const [lo, hi] = LEVER_RANGE[name];
      expect(lo).toBeLessThanOrEqual(LEVER_TABLE[name].statusQuo);
      expect(LEVER_TABLE[name].statusQuo).toBeLessThanOrEqual(hi);
      expect(LEVER_TABLE[name].source.length).toBeGreaterThan(20);
    }
  });
});
