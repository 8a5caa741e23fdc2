import { z } from 'zod';
import { show, rangeText } from './fields.ts';
import { compileExpression } from './expression.ts';
import { EXPRESSION_VARIABLES } from '../metrics.ts';

/** Most steps of one lever (a step a year is the most that can matter). */
export const MAX_LEVER_STEPS = 1_000;

/** A lever's value over time: a constant, steps from given years on, or an expression. */
export type LeverValue = number | readonly { from: number; value: number }[] | string;

/**
 * Schema of a policy lever with a default and a documented source. Accepts a number in
 * [min, max], a list of `{from, value}` steps (from = first year it holds), or an
 * expression of `year` and last year's metrics, checked by the expression sandbox.
 */
export function lever(def: number, min: number, max: number, doc: string) {
  const expected = `expected ${rangeText(min, max)}, a list of {"from": year, "value": v} steps, or an expression of year (e.g. "year >= 3 ? ${max} : ${min}")`;
  const value = z
    .number({ error: (iss) => `${show(iss.input)} is not a number; expected ${rangeText(min, max)}` })
    .min(min, { error: (iss) => `${show(iss.input)} is too small; expected ${rangeText(min, max)}` })
    .max(max, { error: (iss) => `${show(iss.input)} is too large; expected ${rangeText(min, max)}` });
  const step = z.strictObject({
    from: z
      .number({ error: (iss) => `${show(iss.input)} is not a year; expected an integer year ≥ 0` })
      .int({ error: (iss) => `${show(iss.input)} is not a whole year; expected an integer year ≥ 0` })
      .min(0, { error: (iss) => `${show(iss.input)} is negative; expected an integer year ≥ 0` }),
    value,
  });
  const steps = z
    .array(step)
    .min(1, { error: 'an empty list of steps; give at least one {"from": year, "value": v}' })
    .max(MAX_LEVER_STEPS, { error: (iss) => `${(iss.input as unknown[]).length} steps; at most ${MAX_LEVER_STEPS} allowed (one a year is the most that can matter)` })
    .superRefine((list, ctx) => {
      for (let i = 1; i < list.length; i++) {
        if (list[i].from <= list[i - 1].from)
          ctx.addIssue({ code: 'custom', path: [i, 'from'], message: `steps must be in increasing "from" order; ${list[i].from} follows ${list[i - 1].from}` });
      }
    });
  const expression = z.string().superRefine((src, ctx) => {
    const r = compileExpression(src, EXPRESSION_VARIABLES);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `${show(src)} is not a number or an expression of year (${r.error}); expected ${rangeText(min, max)}` });
  });
  return z
    .union([value, steps, expression], {
      error: (iss) => `${show(iss.input)} is not a number or an expression of year; ${expected}`,
    })
    .default(def)
    .describe(doc);
}
