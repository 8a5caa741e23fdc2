import type { ScenarioInput } from '../../model/params/schema.ts';
import baseline from '../../../scenarios/baseline.json';
import schoolConditions from '../../../scenarios/school-conditions.json';
import taxRelief from '../../../scenarios/tax-relief.json';
import taxReliefStrongSchools from '../../../scenarios/tax-relief-strong-schools.json';
import law from '../../../scenarios/law.json';
import groupsEvaluation from '../../../scenarios/groups-evaluation.json';
import cheapLabourScarce from '../../../scenarios/cheap-labour-scarce.json';
import fullPackage from '../../../scenarios/full-package.json';

/** A scenario the app offers as a starting point, read from scenarios/ at build time. */
export interface Preset {
  /** File name without `.json`; used in links (`preset=law`). */
  id: string;
  /** The scenario as in its file, without the editor-only `$schema` key. */
  input: ScenarioInput;
}

function preset(id: string, json: unknown): Preset {
  const { $schema: _editorOnly, ...input } = json as ScenarioInput & { $schema?: string };
  return { id, input: input as ScenarioInput };
}

/** The baseline (status quo) and every claim scenario, in the order of the claims of docs/ODD.md. */
export const PRESETS: readonly Preset[] = [
  preset('baseline', baseline),
  preset('school-conditions', schoolConditions),
  preset('tax-relief', taxRelief),
  preset('tax-relief-strong-schools', taxReliefStrongSchools),
  preset('law', law),
  preset('groups-evaluation', groupsEvaluation),
  preset('cheap-labour-scarce', cheapLabourScarce),
  preset('full-package', fullPackage),
];

/** The preset id used when none (or an unknown one) is given. */
export const DEFAULT_PRESET = 'baseline';

/** Looks a preset up by id. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
