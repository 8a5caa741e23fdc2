import type { z } from 'zod';
import { scenarioSchema, type Scenario } from '../model/params/schema.ts';
import { show } from '../model/params/fields.ts';
import { checkInputShape, stripBom } from './input-limits.ts';
import { leverYearErrors } from './lever-check.ts';

// The problem types live in problem.ts (so the input checks below need not import this file);
// they are handed on here because every parser's caller reads them with the parser.
export { formatProblems, type Problem, type Result } from './problem.ts';
import type { Problem, Result } from './problem.ts';

function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: unknown = schema;
  for (const key of path) {
    s = unwrap(s);
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (!shape || !(String(key) in shape)) return [];
    s = shape[String(key)];
  }
  s = unwrap(s);
  const shape = (s as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(s: unknown): unknown {
  let cur = s as { def?: { innerType?: unknown; type?: string } };
  while (cur?.def?.innerType) cur = cur.def.innerType as typeof cur;
  return cur;
}

/** Turns zod issues into path-named problems with the bad value and what is allowed. */
export function issuesToProblems(schema: z.ZodType, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const out: Problem[] = [];
  for (const iss of issues) {
    if (iss.code === 'unrecognized_keys') {
      const allowed = allowedKeys(schema, iss.path);
      for (const key of iss.keys) {
        out.push({
          path: joinPath([...iss.path, key]),
          message: `unknown field; allowed here: ${allowed.join(', ')}`,
        });
      }
      continue;
    }
    if (iss.code === 'invalid_union') {
      // A lever value that had the right type but failed its own check: report that check.
      const specific = iss.errors.find((branch) => branch.length > 0 && branch.every((b) => b.code !== 'invalid_type'));
      if (specific) {
        out.push(...issuesToProblems(schema, specific.map((b) => ({ ...b, path: [...iss.path, ...b.path] }))));
        continue;
      }
    }
    let message = iss.message;
    if (iss.code === 'invalid_type' && iss.input === undefined) message = `missing; ${iss.message}`;
    else if (iss.code === 'invalid_type' && !message.includes(show(iss.input))) message = `${show(iss.input)}: ${message}`;
    out.push({ path: joinPath(iss.path), message });
  }
  return out;
}

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
