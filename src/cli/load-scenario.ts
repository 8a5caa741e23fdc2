import { parseScenario, formatProblems } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { setPath, parseSetValue } from '../scenario/set-path.ts';
import { readJsonFile } from './read-json.ts';
import { UserError } from './user-error.ts';

/** Reads a scenario file, applies `--set path=value` overrides, validates; user errors name the field. */
export function loadScenario(file: string, sets: readonly string[] = []): Scenario {
  let data = readJsonFile(file);
  for (const assignment of sets) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) throw new UserError(`--set ${assignment}: expected path=value, e.g. --set policy.taxRelief=0.3`);
    const r = setPath(data, assignment.slice(0, eq).trim(), parseSetValue(assignment.slice(eq + 1)));
    if (!r.ok) throw new UserError(`--set ${assignment}: ${formatProblems(r.problems)}`);
    data = r.value;
  }
  const r = parseScenario(data);
  if (!r.ok) {
    const lines = formatProblems(r.problems).split('\n').map((l) => `${file}: ${l}`);
    throw new UserError(lines.join('\n'), 1);
  }
  return r.value;
}
