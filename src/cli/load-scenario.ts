import { parseScenario, formatProblems } from '../scenario/parse.ts';
import type { Scenario } from '../model/params/schema.ts';
import { setPath, parseSetValue } from '../scenario/set-path.ts';
import { EXIT } from './exit-codes.ts';
import { readJsonFile } from './read-json.ts';
import { UserError } from './user-error.ts';

/**
 * Reads and validates a scenario file, then applies `--set path=value` overrides to the
 * scenario with its defaults filled in (so any field the schema has can be set, list
 * elements included, e.g. economics.interns.0=3) and validates the result; user errors
 * name the file or the override and the field.
 */
export function loadScenario(file: string, sets: readonly string[] = []): Scenario {
  const parsed = parseScenario(readJsonFile(file));
  if (!parsed.ok) {
    const lines = formatProblems(parsed.problems).split('\n').map((l) => `${file}: ${l}`);
    throw new UserError(lines.join('\n'), EXIT.badInput);
  }
  let scenario = parsed.value;
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UserError(`--set ${assignment}: expected path=value, e.g. --set policy.taxRelief=0.3`, EXIT.badInput);
    const applied = setPath(scenario, assignment.slice(0, eq).trim(), parseSetValue(assignment.slice(eq + 1)));
    if (!applied.ok) throw new UserError(`--set ${assignment}: ${formatProblems(applied.problems)}`, EXIT.badInput);
    const r = parseScenario(applied.value);
    if (!r.ok) throw new UserError(`--set ${assignment}: ${formatProblems(r.problems).split('\n').join('; ')}`, EXIT.badInput);
    scenario = r.value;
  }
  return scenario;
}
