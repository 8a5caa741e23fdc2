import { z } from 'zod';
import { int, num, show } from '../model/params/fields.ts';

const pair = (what: string) =>
  z
    .tuple(
      [
        z.number({ error: (iss) => `${show(iss.input)} is not a number; expected ${what}` }),
        z.number({ error: (iss) => `${show(iss.input)} is not a number; expected ${what}` }),
      ],
      { error: (iss) => `${show(iss.input)} is not valid; expected ${what}` },
    )
    .describe(what);

const source = z
  .string({ error: 'say where this comes from (a publication, or "assumption: …" with a reason)' })
  .min(1, { error: 'empty; say where this comes from (a publication, or "assumption: …" with a reason)' });

/** A parameter's prior: exactly one distribution, and where its range comes from. */
export const priorSchema = z
  .strictObject({
    uniform: pair('[lower, upper]').optional(),
    loguniform: pair('[lower, upper], lower above 0').optional(),
    normal: pair('[mean, standard deviation]; truncated to the field\'s range').optional(),
    beta: pair('[a, b] shapes, on 0–1').optional(),
    source: source.describe('where the prior range comes from'),
  })
  .superRefine((p, ctx) => {
    const kinds = (['uniform', 'loguniform', 'normal', 'beta'] as const).filter((k) => p[k] !== undefined);
    if (kinds.length !== 1)
      ctx.addIssue({
        code: 'custom',
        message:
          kinds.length === 0
            ? 'no distribution; give one of "uniform": [a, b], "loguniform": [a, b], "normal": [mean, sd] or "beta": [a, b]'
            : `more than one distribution (${kinds.join(', ')}); give exactly one`,
      });
  })
  .describe('prior of one scenario field');

const years = z
  .union([
    z.literal('steady'),
    z
      .tuple([z.int().min(0), z.int().min(0)])
      .refine((t) => t[0] <= t[1], { error: 'the first year must not be after the last' }),
  ], { error: (iss) => `${show(iss.input)} is not valid; expected [from, to] (simulated years, 0 = the first) or "steady"` })
  .describe('years averaged: [from, to] inclusive (0 = the first simulated year), or "steady" (the last 5 years of the run)');

/** One observed quantity the model is fitted to. */
export const targetSchema = z
  .strictObject({
    name: z.string().max(100).optional().describe('label in the outputs (default: the metric or expression)'),
    metric: z.string().optional().describe('a metric name (see coopsim run output columns)'),
    expression: z.string().optional().describe('an expression of metric names, e.g. "depth_1_share / firms_cooperating_share"'),
    years,
    value: z.number().optional().describe('observed value'),
    min: z.number().optional().describe('one-sided target: at least this'),
    max: z.number().optional().describe('one-sided target: at most this'),
    sd: z
      .number({ error: 'missing; give the uncertainty (standard deviation) of the observation, the scale its miss is measured in' })
      .positive({ error: 'must be above 0' })
      .describe('uncertainty of the observation: a miss of one sd adds 1 to the distance'),
    source: source.describe('where the observation comes from'),
  })
  .superRefine((t, ctx) => {
    if ((t.metric === undefined) === (t.expression === undefined))
      ctx.addIssue({ code: 'custom', message: 'give exactly one of "metric" or "expression"' });
    if (t.value !== undefined && (t.min !== undefined || t.max !== undefined))
      ctx.addIssue({ code: 'custom', message: 'give either "value" or the bounds "min"/"max", not both' });
    if (t.value === undefined && t.min === undefined && t.max === undefined)
      ctx.addIssue({ code: 'custom', message: 'no observation; give "value", or "min" and/or "max"' });
    if (t.min !== undefined && t.max !== undefined && t.min > t.max)
      ctx.addIssue({ code: 'custom', path: ['min'], message: `${t.min} is above max ${t.max}` });
  })
  .describe('an observed quantity');

/** The sampler's settings. */
export const methodSchema = z
  .strictObject({
    type: z.literal('abc-smc', { error: 'the only method is "abc-smc"' }).default('abc-smc'),
    particles: int(200, 10, 100000, 'particles per generation'),
    generations: int(8, 1, 100, 'most generations (generation 0 samples the prior)'),
    finalTolerance: z
      .number({ error: (iss) => `${show(iss.input)} is not a number; expected a distance above 0, or null` })
      .positive({ error: (iss) => `${show(iss.input)} is not above 0; expected a distance above 0, or null` })
      .nullable()
      .default(null)
      .describe('stop once the tolerance reaches this distance (null: run every generation)'),
    seedsPerParticle: int(1, 1, 100, 'model runs per particle, averaged'),
    seed: int(1, 0, 4294967295, 'master seed: every draw comes from it, by generation and candidate'),
    quantile: num(0.5, 0.05, 0.95, "each tolerance is this quantile of the previous generation's distances"),
    minAcceptance: num(0.02, 0.0001, 1, 'stop when a generation would accept fewer than this share of its candidates'),
  })
  .describe('ABC-SMC: population Monte Carlo (Beaumont et al. 2009) with adaptive tolerance (Del Moral et al. 2012)');

/** A calibration file (`scenarios/calibration/*.json`). */
export const calibrationSchema = z.strictObject({
  $schema: z.string().optional().describe('path of the JSON Schema for editors'),
  name: z.string().max(200).default('calibration').describe('short name'),
  description: z.string().max(5000).default('').describe('what is calibrated to what'),
  base: z
    .union([z.string(), z.record(z.string(), z.unknown())], { error: 'expected a scenario file path (relative to this file) or an inline scenario object' })
    .describe('base scenario: a path relative to this file, or an inline scenario'),
  years: z
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('years simulated per run (default: the base scenario\'s); fewer than the scenario\'s keeps runs short when the targets are early years'),
  parameters: z
    .record(z.string(), priorSchema)
    .refine((r) => Object.keys(r).length > 0, { error: 'no parameters; give at least one "field.path": {prior}' })
    .describe('scenario field path → prior'),
  targets: z.array(targetSchema).min(1, { error: 'no targets; give at least one' }).describe('observations the model is fitted to'),
  method: methodSchema.default(methodSchema.parse({})),
});

/** A calibration file as written. */
export type CalibrationInput = z.input<typeof calibrationSchema>;
/** A calibration file with defaults filled in. */
export type CalibrationFile = z.output<typeof calibrationSchema>;

/** The calibration file schema as JSON Schema, for editors. */
export function calibrationJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(calibrationSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'coopsim calibration', $id: 'https://coopsim.invalid/calibration.schema.json' };
}
