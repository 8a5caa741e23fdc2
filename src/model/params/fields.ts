import { z } from 'zod';

/** Longest text of a value shown in a message. */
const SHOW_LENGTH = 60;
/** Longest string shown in a message (expressions are shown nearly whole). */
const SHOW_STRING_LENGTH = 120;
/** Deepest nesting of a value shown in a message. */
const SHOW_DEPTH = 3;

/**
 * Shows a user's value in an error message the way it appeared in the file: a bounded prefix,
 * depth- and length-limited, so that formatting costs the same for any value (a list nested
 * thousands deep, a list of millions of items).
 */
export function show(value: unknown): string {
  if (value === undefined) return 'missing value';
  if (typeof value === 'string')
    return value.length > SHOW_STRING_LENGTH ? `${JSON.stringify(value.slice(0, SHOW_STRING_LENGTH - 3))}... (${value.length} characters)` : JSON.stringify(value);
  const out = { text: '' };
  preview(value, 0, out);
  return out.text.length > SHOW_LENGTH ? `${out.text.slice(0, SHOW_LENGTH - 3)}...` : out.text;
}

/** Appends a preview of `v` to `out.text`, stopping once it is longer than {@link SHOW_LENGTH}. */
function preview(v: unknown, depth: number, out: { text: string }): void {
  if (out.text.length > SHOW_LENGTH) return;
  if (typeof v === 'number') out.text += Number.isFinite(v) ? JSON.stringify(v) : String(v);
  else if (typeof v === 'string') out.text += JSON.stringify(v.length > SHOW_LENGTH ? `${v.slice(0, SHOW_LENGTH)}...` : v);
  else if (v === null || typeof v === 'boolean') out.text += String(v);
  else if (Array.isArray(v)) {
    if (depth >= SHOW_DEPTH) {
      out.text += v.length === 0 ? '[]' : '[...]';
      return;
    }
    out.text += '[';
    for (let i = 0; i < v.length && out.text.length <= SHOW_LENGTH; i++) {
      if (i > 0) out.text += ',';
      preview(v[i], depth + 1, out);
    }
    out.text += ']';
  } else if (typeof v === 'object') {
    if (depth >= SHOW_DEPTH) {
      out.text += '{...}';
      return;
    }
    out.text += '{';
    let first = true;
    for (const key in v as Record<string, unknown>) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      if (out.text.length > SHOW_LENGTH) break;
      if (!first) out.text += ',';
      first = false;
      out.text += `${JSON.stringify(key.length > SHOW_LENGTH ? key.slice(0, SHOW_LENGTH) : key)}:`;
      preview((v as Record<string, unknown>)[key], depth + 1, out);
    }
    out.text += '}';
  } else out.text += String(v);
}

/** Schema of any finite number (no default, no range); `what` says what is expected in its errors. */
export function finite(what: string) {
  return z.number({ error: (iss) => `${show(iss.input)} is not a number; expected ${what}` }).refine(Number.isFinite, {
    error: (iss) => `${show(iss.input)} is not a finite number; expected ${what}`,
  });
}

/** Formats a numeric range for messages, e.g. "0–1" or "at least 1". */
export function rangeText(min: number, max: number, integer = false): string {
  const kind = integer ? 'an integer ' : '';
  if (max === Infinity) return `${kind}at least ${min}`;
  return `${kind}${min}–${max}`;
}

/**
 * A documented number with a default. `doc` must say where the default comes from
 * (a source, or "assumption: …" with a reason); it becomes the JSON Schema
 * description that editors show.
 */
export function num(def: number, min: number, max: number, doc: string, integer = false) {
  const expected = `expected ${rangeText(min, max, integer)}`;
  let base = z.number({
    error: (iss) => `${show(iss.input)} is not a number; ${expected}`,
  });
  if (integer) base = base.int({ error: (iss) => `${show(iss.input)} is not an integer; ${expected}` });
  return base
    .min(min, { error: (iss) => `${show(iss.input)} is too small; ${expected}` })
    .max(max, { error: (iss) => `${show(iss.input)} is too large; ${expected}` })
    .default(def)
    .describe(doc);
}

/** A documented integer with a default (see {@link num}). */
export function int(def: number, min: number, max: number, doc: string) {
  return num(def, min, max, doc, true);
}

/** Four per-depth numbers (depth 1..4), documented. */
export function perDepth(def: [number, number, number, number], min: number, max: number, doc: string) {
  const expected = `expected a list of 4 numbers (depth 1–4), each ${rangeText(min, max)}`;
  const item = z
    .number({ error: (iss) => `${show(iss.input)} is not a number; ${expected}` })
    .min(min, { error: (iss) => `${show(iss.input)} is too small; ${expected}` })
    .max(max, { error: (iss) => `${show(iss.input)} is too large; ${expected}` });
  return z
    .tuple([item, item, item, item], { error: (iss) => `${show(iss.input)} is not valid; ${expected}` })
    .default(def)
    .describe(doc);
}
