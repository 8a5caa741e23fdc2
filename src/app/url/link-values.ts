import { EXPRESSION_VARIABLES } from '../../model/metrics.ts';
import type { LeverValue } from '../../model/params/lever-field.ts';
import { compileExpression } from '../../model/params/expression.ts';

/** Longest parameter value read (a guard against pasted junk). */
export const MAX_VALUE_LENGTH = 5000;

/** A plain number, as a link writes it. */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
/** A step schedule: `year:value` pairs separated by commas. */
const STEPS = /^\d+:[-+]?[\d.]+([eE][-+]?\d+)?(,\d+:[-+]?[\d.]+([eE][-+]?\d+)?)*$/;

/** Encodes a lever value for a link: `0.3`, steps `3:0.1,4:0.2`, or the expression text. */
export function encodeLever(v: LeverValue): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  return v.map((s) => `${s.from}:${s.value}`).join(',');
}

/** Decodes a lever value from a link; expressions are checked by the sandbox first. */
export function decodeLever(text: string): { ok: true; value: LeverValue } | { ok: false; error: string } {
  const s = text.trim();
  if (NUMBER.test(s)) return { ok: true, value: Number(s) };
  if (STEPS.test(s)) {
    const steps = s.split(',').map((pair) => {
      const [from, value] = pair.split(':');
      return { from: Number(from), value: Number(value) };
    });
    return { ok: true, value: steps };
  }
  const r = compileExpression(s, EXPRESSION_VARIABLES);
  if (!r.ok) return { ok: false, error: r.error };
  return { ok: true, value: s };
}

/** Encodes any other scenario value: numbers and text as they are, lists as JSON. */
export function encodeValue(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return JSON.stringify(v);
}

/** Decodes any other scenario value: name and description as text, numbers, else JSON, else text. */
export function decodeValue(path: string, text: string): unknown {
  if (path === 'name' || path === 'description') return text;
  if (NUMBER.test(text.trim())) return Number(text.trim());
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
