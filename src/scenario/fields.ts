import { z } from 'zod';

/** Shows a user's value in an error message the way it appeared in the file. */
export function show(value: unknown): string {
  if (value === undefined) return 'missing value';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s === undefined ? String(value) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(value);
  }
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
