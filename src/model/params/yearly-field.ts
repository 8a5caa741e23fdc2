import { z } from 'zod';
import { rangeText, show } from './fields.ts';

/**
 * Parameters of colleges' and firms' own conduct that a scenario may change from a given
 * year on (the classroom game's college and firm teams decide them). Only parameters the
 * model reads afresh every year are listed, so a change takes effect in its year; the range
 * is the parameter's own.
 */
export const YEARLY_PARAMS = {
  'schools.placementValue': { range: [0, 100], who: 'colleges', doc: "colleges' value of placing one intern (k¥): how much placements count for a college" },
  'behaviour.searchRate': { range: [0, 1], who: 'firms', doc: 'share of non-cooperating firms that look for a college partner in a year' },
} as const satisfies Record<string, { range: readonly [number, number]; who: string; doc: string }>;

/** A parameter a scenario can schedule by year. */
export type YearlyParam = keyof typeof YEARLY_PARAMS;

/** Names of the schedulable parameters, in a fixed order. */
export const YEARLY_PARAM_NAMES = Object.keys(YEARLY_PARAMS) as YearlyParam[];

/** Most steps of one schedule (a step a year is the most that can matter). */
const MAX_STEPS = 1_000;

function steps(param: YearlyParam) {
  const [min, max] = YEARLY_PARAMS[param].range;
  const step = z.strictObject({
    from: z
      .number({ error: (iss) => `${show(iss.input)} is not a year; expected an integer year ≥ 0` })
      .int({ error: (iss) => `${show(iss.input)} is not a whole year; expected an integer year ≥ 0` })
      .min(0, { error: (iss) => `${show(iss.input)} is negative; expected an integer year ≥ 0` }),
    value: z
      .number({ error: (iss) => `${show(iss.input)} is not a number; expected ${rangeText(min, max)}` })
      .min(min, { error: (iss) => `${show(iss.input)} is too small; expected ${rangeText(min, max)}` })
      .max(max, { error: (iss) => `${show(iss.input)} is too large; expected ${rangeText(min, max)}` }),
  });
  return z
    .array(step)
    .min(1, { error: 'an empty list of steps; give at least one {"from": year, "value": v}' })
    .max(MAX_STEPS, { error: (iss) => `${(iss.input as unknown[]).length} steps; at most ${MAX_STEPS} allowed` })
    .superRefine((list, ctx) => {
      for (let i = 1; i < list.length; i++)
        if (list[i].from <= list[i - 1].from) ctx.addIssue({ code: 'custom', path: [i, 'from'], message: `steps must be in increasing "from" order; ${list[i].from} follows ${list[i - 1].from}` });
    })
    .optional()
    .describe(`${YEARLY_PARAMS[param].doc}: {"from": year, "value": v} steps; before the first step (and in the spin-up) the value set in ${param}`);
}

/**
 * The optional `yearly` section: per-year values of colleges' and firms' own parameters.
 * Absent (the usual case) it changes nothing; the parsed scenario then has no such key.
 */
export const yearlySchema = z
  .strictObject(Object.fromEntries(YEARLY_PARAM_NAMES.map((p) => [p, steps(p)])) as Record<YearlyParam, ReturnType<typeof steps>>)
  .optional()
  .describe("decisions of colleges and firms from a given year on (the classroom game's teams): steps of a few of their parameters that the model reads every year");
