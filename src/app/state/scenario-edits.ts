import { parseScenario, type Problem, type Result } from '../../scenario/parse.ts';
import { LEVER_NAMES, type Scenario, type ScenarioInput } from '../../model/params/schema.ts';
import { setPath } from '../../scenario/set-path.ts';
import { findPreset, DEFAULT_PRESET, type Preset } from './presets.ts';

/** Scenario paths whose value is a policy lever (number, steps or expression). */
export const LEVER_PATHS: ReadonlySet<string> = new Set(LEVER_NAMES.map((n) => `policy.${n}`));

/** Top-level scenario fields that are metadata, not model inputs, and never diffed. */
const NOT_DIFFED = new Set(['$schema', 'sources']);

/** The preset with this id, or the default preset. */
export function presetOrDefault(id: string): Preset {
  return findPreset(id) ?? (findPreset(DEFAULT_PRESET) as Preset);
}

/** Applies edits (path → value) to a scenario input; the first failing path is reported. */
export function applyEdits(input: ScenarioInput, edits: Readonly<Record<string, unknown>>): Result<ScenarioInput> {
  let doc = structuredClone(input) as Record<string, unknown>;
  for (const [path, value] of Object.entries(edits)) {
    const r = setPath(doc, path, value);
    if (!r.ok) return r;
    doc = r.value;
  }
  return { ok: true, value: doc as ScenarioInput };
}

/** The scenario a preset plus edits define, validated (defaults filled in). */
export function buildScenario(presetId: string, edits: Readonly<Record<string, unknown>>): Result<Scenario> {
  const applied = applyEdits(presetOrDefault(presetId).input, edits);
  if (!applied.ok) return applied;
  return parseScenario(applied.value);
}

/** Reads the value at a dotted path of a (validated) scenario. */
export function valueAt(scenario: unknown, path: string): unknown {
  let node: unknown = scenario;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Structural equality of JSON-like values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The leaves in which scenario `b` differs from scenario `a` (both validated): levers and
 * lists are leaves, objects are walked. `b`'s values are returned, path → value.
 */
export function scenarioDiff(a: Scenario, b: Scenario): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (x: unknown, y: unknown, path: string) => {
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!LEVER_PATHS.has(path) && isObject(x) && isObject(y)) {
      const keys = new Set([...Object.keys(x as object), ...Object.keys(y as object)]);
      for (const k of keys) {
        if (path === '' && NOT_DIFFED.has(k)) continue;
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      }
      return;
    }
    if (!sameValue(x, y) && y !== undefined) out[path] = structuredClone(y);
  };
  walk(a, b, '');
  return out;
}

/**
 * Drops edits that do not change the preset's scenario (e.g. a slider moved back to its
 * preset value), keeping the others in their order.
 */
export function normalizeEdits(presetId: string, edits: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const base = buildScenario(presetId, {});
  if (!base.ok) return { ...edits };
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(edits)) {
    const one = buildScenario(presetId, { [path]: value });
    if (!one.ok || !sameValue(valueAt(one.value, path), valueAt(base.value, path))) out[path] = value;
  }
  return out;
}

/**
 * Checks one edit on its own against the preset: returns the problems it causes (empty
 * when it is valid).
 */
export function checkEdit(presetId: string, path: string, value: unknown): Problem[] {
  const r = buildScenario(presetId, { [path]: value });
  return r.ok ? [] : r.problems;
}

/**
 * The scenario file for preset + edits in the command line's format: the preset's file
 * with the edits written in (so `coopsim run` on it gives the app's numbers).
 */
export function scenarioFile(presetId: string, edits: Readonly<Record<string, unknown>>): ScenarioInput {
  const applied = applyEdits(presetOrDefault(presetId).input, edits);
  if (!applied.ok) return presetOrDefault(presetId).input;
  return applied.value;
}

/**
 * Turns any valid scenario (e.g. an imported file) into the baseline preset plus the
 * edits that make it (its `sources` are not kept: they are notes, not inputs).
 */
export function editsFromScenario(scenario: Scenario): { preset: string; edits: Record<string, unknown> } {
  const base = buildScenario(DEFAULT_PRESET, {});
  if (!base.ok) throw new Error('the baseline preset is invalid');
  return { preset: DEFAULT_PRESET, edits: scenarioDiff(base.value, scenario) };
}
