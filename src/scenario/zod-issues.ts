import type { z } from 'zod';
import { show } from '../model/params/fields.ts';
import type { Problem } from './problem.ts';

// How zod's issues become problems, apart from the scenario parser so that the game schema
// and other small files can report problems without loading the scenario schema.

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
