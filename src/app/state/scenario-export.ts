import type { ScenarioInput } from '../../model/params/schema.ts';
import { buildScenario, presetOrDefault, scenarioFile, valueAt } from './scenario-edits.ts';

/** Where an exported scenario's editor finds the schema: beside the shipped scenarios, as their files say. */
export const EXPORT_SCHEMA = './scenario.schema.json';

/** Whether one dotted path is the other or lies inside it. */
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

const shown = (v: unknown) => (v === undefined ? 'unset' : JSON.stringify(v));

/**
 * The scenario file the app exports for preset + edits: the command line's format with a
 * `$schema` line; the preset's sources for fields that were edited are dropped (they no
 * longer describe the value), each edited field's source says it was set in the app and what
 * the preset had, and the description ends by naming the preset and the edited fields.
 */
export function exportedScenario(presetId: string, edits: Readonly<Record<string, unknown>>): ScenarioInput & { $schema: string } {
  const preset = presetOrDefault(presetId);
  const file = scenarioFile(presetId, edits) as ScenarioInput & { sources?: Record<string, string>; name?: string; description?: string };
  const built = buildScenario(presetId, {});
  const paths = Object.keys(edits).filter((p) => p !== 'name' && p !== 'description');
  const sources: Record<string, string> = {};
  for (const [path, text] of Object.entries(file.sources ?? {})) if (!paths.some((p) => overlaps(p, path))) sources[path] = text;
  for (const path of paths)
    sources[path] = `set in the coopsim app (preset “${preset.input.name ?? preset.id}” has ${shown(built.ok ? valueAt(built.value, path) : valueAt(preset.input, path))})`;
  const { $schema: _old, sources: _sources, ...rest } = file as typeof file & { $schema?: string };
  const out: ScenarioInput & { $schema: string } = { $schema: EXPORT_SCHEMA, ...rest, sources };
  if (paths.length > 0) {
    const ownName = typeof edits.name === 'string';
    if (!ownName && out.name !== undefined && out.name.length <= 190) out.name = `${out.name} (edited)`;
    const note = `Edited in the coopsim app from the preset “${preset.input.name ?? preset.id}”: ${paths.join(', ')}.`;
    const description = out.description ? `${out.description} ${note}` : note;
    // The schema allows 5,000 characters; a description already near that keeps its text.
    if (description.length <= 5000) out.description = description;
  }
  return out;
}
