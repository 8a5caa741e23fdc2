import { z } from 'zod';
import { METRIC_NAMES } from '../../model/metrics.ts';
import { finite, int, show } from '../../model/params/fields.ts';

/** Most factors a Sobol/Saltelli design accepts (its Sobol sequence has 2 × this many dimensions). */
export const MAX_SOBOL_FACTORS = 16;
/** Most runs one experiment may define. */
export const MAX_RUNS = 10_000_000;

const pair = (what: string) =>
  z.tuple([finite(what), finite(what)], {
    error: (iss) => `${show(iss.input)} is not valid; expected [${what}]`,
  });

/** A factor as a list of values (numbers, lever expressions, lists: anything the field takes). */
const listFactor = z
  .array(z.unknown())
  .min(1, { error: 'an empty list of values; give at least one' })
  .max(10_000, { error: (iss) => `${(iss.input as unknown[]).length} values; at most 10000 allowed` })
  .describe('the values to try, in order (numbers, lever expressions or lists: whatever the field takes)');

/** A factor as an evenly spaced range. */
const rangeFactor = z
  .strictObject({
    from: finite('a number').describe('first value'),
    to: finite('a number').describe('last value'),
    steps: z
      .number({ error: (iss) => `${show(iss.input)} is not a number; expected an integer 2–10000` })
      .int({ error: (iss) => `${show(iss.input)} is not an integer; expected an integer 2–10000` })
      .min(2, { error: (iss) => `${show(iss.input)} is too small; expected an integer 2–10000` })
      .max(10000, { error: (iss) => `${show(iss.input)} is too large; expected an integer 2–10000` })
      .describe('number of values, from and to included'),
  })
  .describe('evenly spaced values from..to (a full grid tries each; sampling designs draw uniformly between from and to)');

const uniform = z.strictObject({ uniform: pair('low, high').describe('[low, high]') }).describe('uniform between low and high');
const logUniform = z
  .strictObject({ loguniform: pair('low > 0, high').describe('[low, high], low > 0') })
  .describe('log-uniform between low and high (both positive)');
const normal = z
  .strictObject({ normal: pair('mean, standard deviation').describe('[mean, standard deviation]') })
  .describe('normal (not for Morris designs, which need bounds)');
const triangular = z
  .strictObject({
    triangular: z
      .tuple([finite('low, mode, high'), finite('low, mode, high'), finite('low, mode, high')], {
        error: (iss) => `${show(iss.input)} is not valid; expected [low, mode, high]`,
      })
      .describe('[low, mode, high]'),
  })
  .describe('triangular between low and high with its peak at mode');
const integer = z
  .strictObject({ integer: pair('low, high (integers)').describe('[low, high], integers, both included') })
  .describe('uniform over the integers low..high');

/** The object forms of a factor, by their distinguishing key (for precise error messages). */
export const FACTOR_OBJECT_FORMS = {
  from: rangeFactor,
  to: rangeFactor,
  steps: rangeFactor,
  uniform,
  loguniform: logUniform,
  normal,
  triangular,
  integer,
} as const;

/** Every way of writing a factor. */
export const factorSchema = z.union([listFactor, rangeFactor, uniform, logUniform, normal, triangular, integer], {
  error: (iss) =>
    `${show(iss.input)} is not a factor; expected a list of values, {"from": a, "to": b, "steps": n}, ` +
    'or a distribution: {"uniform": [a, b]}, {"loguniform": [a, b]}, {"normal": [mean, sd]}, ' +
    '{"triangular": [a, mode, b]}, {"integer": [a, b]}',
});

const positiveInt = (what: string, max: number) =>
  z
    .number({ error: (iss) => `${show(iss.input)} is not a number; expected an integer 1–${max}` })
    .int({ error: (iss) => `${show(iss.input)} is not an integer; expected an integer 1–${max}` })
    .min(1, { error: (iss) => `${show(iss.input)} is too small; expected an integer 1–${max}` })
    .max(max, { error: (iss) => `${show(iss.input)} is too large; expected an integer 1–${max}` })
    .describe(what);

/** The experimental designs. */
export const DESIGN_TYPES = ['grid', 'latin-hypercube', 'morris', 'sobol'] as const;
/** Name of an experimental design. */
export type DesignType = (typeof DESIGN_TYPES)[number];

const designSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('grid') }).describe('every combination of the factors\' values (lists and ranges)'),
    z
      .strictObject({ type: z.literal('latin-hypercube'), samples: positiveInt('number of samples', 1_000_000) })
      .describe('Latin hypercube sample of the factors\' distributions'),
    z
      .strictObject({
        type: z.literal('morris'),
        trajectories: positiveInt('number of trajectories r (each has factors + 1 points)', 100_000),
        levels: z
          .number({ error: (iss) => `${show(iss.input)} is not a number; expected an even integer 2–100` })
          .int({ error: (iss) => `${show(iss.input)} is not an integer; expected an even integer 2–100` })
          .min(2, { error: (iss) => `${show(iss.input)} is too small; expected an even integer 2–100` })
          .max(100, { error: (iss) => `${show(iss.input)} is too large; expected an even integer 2–100` })
          .refine((p) => p % 2 === 0, { error: (iss) => `${show(iss.input)} is odd; expected an even integer 2–100` })
          .default(4)
          .describe('number of levels p of the grid (even); the step is p / (2(p − 1))'),
      })
      .describe('Morris elementary-effects screening'),
    z
      .strictObject({
        type: z.literal('sobol'),
        samples: positiveInt('base samples N (a power of 2 is best); runs = N × (factors + 2)', 1_000_000),
      })
      .describe('Saltelli sampling on a Sobol sequence, for first-order and total Sobol indices'),
  ],
  { error: (iss) => `${show(iss.input)} is not a design; expected {"type": one of ${DESIGN_TYPES.join(', ')}, ...}` },
);

const metricName = z.enum(METRIC_NAMES as [string, ...string[]], {
  error: (iss) => `${show(iss.input)} is not an output metric; expected one of ${METRIC_NAMES.join(', ')}`,
});

const yearMessage = (iss: { input?: unknown }) => `${show(iss.input)} is not a year; expected an integer year ≥ 0 or "last"`;
const yearRef = z.union(
  [z.number({ error: yearMessage }).int({ error: yearMessage }).min(0, { error: yearMessage }), z.literal('last', { error: yearMessage })],
  { error: yearMessage },
);

const outputsSchema = z.strictObject({
  years: z
    .union([z.boolean(), z.strictObject({ metrics: z.array(metricName).min(1) })], {
      error: (iss) => `${show(iss.input)} is not valid; expected true, false or {"metrics": [names]}`,
    })
    .default(true)
    .describe('write years.csv, one row per run and year: true (every metric), false, or {"metrics": [...]}'),
  summary: z
    .strictObject({
      metrics: z.array(metricName).min(1, { error: 'an empty list; name at least one metric' }).describe('metrics to keep'),
      years: z
        .array(yearRef)
        .min(1, { error: 'an empty list; name at least one year' })
        .default(['last'])
        .describe('years at which to keep them (year numbers from 0, or "last")'),
    })
    .optional()
    .describe('per-run summary columns in runs.csv, named metric_yN or metric_last; the outputs of sensitivity analysis'),
});

/**
 * The experiment file schema: a base scenario, factors, a design, replications and the
 * outputs to keep. Factor paths are checked against the scenario schema by
 * {@link parseExperiment}, not here.
 */
export const experimentSchema = z.strictObject({
  $schema: z.string().optional().describe('path of the JSON Schema for editors'),
  name: z.string().max(200).default('experiment').describe('short name'),
  description: z.string().max(5000).default('').describe('what the experiment asks'),
  base: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())], {
      error: (iss) => `${show(iss.input)} is not valid; expected a scenario file path (relative to this file) or a scenario object`,
    })
    .default({})
    .describe('the base scenario: a file path relative to this file, or an inline scenario'),
  factors: z
    .record(z.string(), factorSchema)
    .default({})
    .describe('scenario field path (e.g. policy.taxRelief) → values to try or a distribution to sample; none (the default) runs the base scenario alone: a plain ensemble of replications'),
  design: designSchema.default({ type: 'grid' }).describe('how factor values are combined into design points'),
  replications: z
    .strictObject({
      count: int(1, 1, 100_000, 'runs (seeds) per design point'),
      seed: int(
        1,
        0,
        4294967295,
        'master seed: replicate r of every design point runs with seed deriveSeed(seed, r); sampling designs draw from it too',
      ),
    })
    .default({ count: 1, seed: 1 })
    .describe('seeds per design point (the same seeds at every point: common random numbers)'),
  outputs: outputsSchema.default({ years: true }).describe('what to keep of each run'),
});

/** An experiment as written in a file. */
export type ExperimentInput = z.input<typeof experimentSchema>;
/** An experiment file after schema validation (base not yet resolved). */
export type ExperimentFile = z.output<typeof experimentSchema>;
/** One factor as written. */
export type FactorSpec = z.output<typeof factorSchema>;
/** A design as written. */
export type DesignSpec = ExperimentFile['design'];
/** The outputs section. */
export type OutputsSpec = ExperimentFile['outputs'];
