import { scenarioSchema, type Scenario } from '../model/params/schema.ts';
import { show } from '../model/params/fields.ts';
import { checkInputShape, stripBom } from './input-limits.ts';
import { leverYearErrors } from './lever-check.ts';

// The problem types live in problem.ts (so the input checks below need not import this file);
// they are handed on here because every parser's caller reads them with the parser.
export { formatProblems, type Problem, type Result } from './problem.ts';
export { issuesToProblems } from './zod-issues.ts';
import type { Result } from './problem.ts';
import { issuesToProblems } from './zod-issues.ts';

/**
 * Validates a parsed JSON value as a scenario, filling in defaults. Never throws on bad
 * input: every problem comes back with its field path, the bad value and what is allowed.
 */
export function parseScenario(input: unknown): Result<Scenario> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ path: '', message: `a scenario must be a JSON object, not ${show(input)}` }] };
  const shape = checkInputShape(input);
  if (shape.length > 0) return { ok: false, problems: shape };
  const r = scenarioSchema.safeParse(input, { reportInput: true });
  if (!r.success) return { ok: false, problems: issuesToProblems(scenarioSchema, r.error.issues) };
  const levers = leverYearErrors(r.data);
  if (levers.length > 0) return { ok: false, problems: levers };
  return { ok: true, value: r.data };
}

/** Parses scenario text (JSON), reporting syntax errors with their position. */
export function parseScenarioText(text: string): Result<Scenario> {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (err) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(err as Error).message}` }] };
  }
  return parseScenario(data);
}
