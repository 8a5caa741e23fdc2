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

  it("each control's slider lies in the lever's range and steps onto every named level; the panel places are 1 to n, each once", () => {
    const onStep = (v: number, from: number, step: number) => Math.abs((v - from) / step - Math.round((v - from) / step)) < 1e-9;
    for (const name of LEVER_NAMES) {
      const { range, statusQuo, control: c } = LEVER_TABLE[name];
      expect(range[0] <= c.slider[0] && c.slider[0] < c.slider[1] && c.slider[1] <= range[1], name).toBe(true);
      expect(c.step, name).toBeGreaterThan(0);
      expect(onStep(c.slider[1], c.slider[0], c.step), `${name}: the slider's top is a step`).toBe(true);
      for (const l of c.levels) expect(l.value >= c.slider[0] && l.value <= c.slider[1] && onStep(l.value, c.slider[0], c.step), `${name}: level ${l.label}`).toBe(true);
      expect(c.slider[0] <= statusQuo && statusQuo <= c.slider[1], `${name}: the status quo is on the slider`).toBe(true);
      expect(c.reason.length, name).toBeGreaterThan(20);
    }
    expect(LEVER_NAMES.map((n) => LEVER_TABLE[n].control.panel).sort((a, b) => a - b)).toEqual(LEVER_NAMES.map((_, i) => i + 1));
    expect(LEVER_SPECS.map((c) => LEVER_TABLE[c.lever].control.panel)).toEqual(LEVER_NAMES.map((_, i) => i + 1));
  });

  it("the app's lever controls are the table's, field for field (restates the mapping of controls-catalog.ts)", () => {
    for (const spec of LEVER_SPECS) {
      const c = LEVER_TABLE[spec.lever].control;
      expect([spec.min, spec.max, spec.step, spec.display, spec.unit, spec.label, spec.help], spec.lever).toEqual([...c.slider, c.step, c.display, `unit.${c.unit}`, `lever.${spec.lever}`, `lever.${spec.lever}.help`]);
      expect(spec.levels, spec.lever).toEqual(c.levels.map((l) => ({ value: l.value, label: `level.${l.label}` })));
    }
  });
});
