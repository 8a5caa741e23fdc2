import { z } from 'zod';
import { finite, int, show } from '../model/params/fields.ts';
import { jsonSchemaWithBase } from '../scenario/json-schema.ts';

/** Most levers one goal may search. */
export const MAX_GOAL_LEVERS = 16;
/** Most objectives (the hypervolume is exact up to three). */
export const MAX_GOAL_OBJECTIVES = 3;

const range = (what: string) =>
  z
    .tuple([finite(what), finite(what)], { error: (iss) => `${show(iss.input)} is not valid; expected [low, high] (${what})` })
    .refine(([lo, hi]) => lo <= hi, { error: (iss) => `${show(iss.input)}: low is above high; expected [low, high] with low ≤ high` });

const path = z
  .string({ error: (iss) => `${show(iss.input)} is not a field path; expected e.g. "policy.taxRelief"` })
  .min(1, { error: 'an empty field path; expected e.g. "policy.taxRelief"' })
  .describe('scenario field the lever sets, e.g. policy.taxRelief');

const constantLever = z
  .strictObject({
    path,
    range: range('the lowest and highest value to try').describe('[low, high]: the values searched'),
    integer: z.boolean().default(false).describe('round to whole numbers (e.g. policy.evaluationInterval)'),
  })
  .describe('a lever held at one value for the whole run');

const timedLever = z
  .strictObject({
    path,
    startYear: range('the earliest and latest start year (whole years from 0)').describe(
      '[earliest, latest]: the year the lever is switched on (rounded to a whole year); before it the lever keeps its status-quo value',
    ),
    level: range('the lowest and highest level').describe('[low, high]: the value from the start year on'),
  })
  .describe('a lever switched on in a start year at a level: both are searched');

const leverSchema = z.union([constantLever, timedLever], {
  error: (iss) =>
    `${show(iss.input)} is not a lever; expected {"path": "policy.taxRelief", "range": [0, 0.5]} or ` +
    '{"path": "policy.taxRelief", "startYear": [0, 5], "level": [0, 1]}',
});

const expression = z
  .string({ error: (iss) => `${show(iss.input)} is not an expression; expected an output name or an expression of outputs, e.g. "depth_3_share + depth_4_share"` })
  .min(1, { error: 'an empty expression; expected e.g. "depth_3_share + depth_4_share"' })
  .describe('an output (metric) or an expression of outputs of one year, e.g. depth_3_share + depth_4_share');

const yearText = 'an integer year ≥ 0 (0 is the first simulated year)';
const year = z
  .number({ error: (iss) => `${show(iss.input)} is not a year; expected ${yearText}` })
  .int({ error: (iss) => `${show(iss.input)} is not a whole year; expected ${yearText}` })
  .min(0, { error: (iss) => `${show(iss.input)} is negative; expected ${yearText}` })
  .max(500, { error: (iss) => `${show(iss.input)} is too large; expected ${yearText} up to 500` });

const measureFields = {
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: (iss) => `${show(iss.input)} is not a column name; expected lower-case letters, digits and _` })
    .describe('column name in the output files'),
  of: expression,
  year: year.optional().describe('the year whose value counts (give this or cumulativeTo)'),
  cumulativeTo: year.optional().describe('sum of the yearly values from year 0 to this year (give this or year), e.g. a cumulative cost'),
};

const objectiveSchema = z
  .strictObject({
    ...measureFields,
    sense: z.enum(['minimise', 'maximise'], { error: (iss) => `${show(iss.input)} is not valid; expected "minimise" or "maximise"` }),
  })
  .describe('a measure to minimise or maximise');

const constraintSchema = z
  .strictObject({
    ...measureFields,
    atLeast: finite('a number').optional().describe('the measure must be at least this (give this or atMost)'),
    atMost: finite('a number').optional().describe('the measure must be at most this (give this or atLeast)'),
  })
  .describe('a measure that must stay on one side of a bound');

/** Parameter uncertainty: the runs of every candidate also span parameter sets drawn from a calibration's posterior. */
const acrossDraws = {
  posterior: z
    .string()
    .min(1, { error: 'an empty path; expected a posterior file, e.g. "../calibration/status-quo.posterior.json"' })
    .optional()
    .describe(
      'a posterior of coopsim calibrate (posterior.json, posterior.csv or its output folder), relative to this file: every candidate then runs ' +
        'each seed with each of `draws` parameter sets drawn from it, and the statistic is taken across seeds × parameter sets',
    ),
  draws: z
    .number({ error: (iss) => `${show(iss.input)} is not a number; expected a whole number of parameter sets, 1–1000` })
    .int({ error: (iss) => `${show(iss.input)} is not a whole number; expected a whole number of parameter sets, 1–1000` })
    .min(1, { error: (iss) => `${show(iss.input)} is too small; expected 1–1000 parameter sets` })
    .max(1000, { error: (iss) => `${show(iss.input)} is too large; expected 1–1000 parameter sets` })
    .optional()
    .describe('parameter sets drawn from the posterior by weight, from the master seed (default 8); the same sets for every candidate'),
};

const robustnessSchema = z
  .union(
    [
      z.strictObject({ statistic: z.literal('mean'), ...acrossDraws }).describe('the mean across seeds (and parameter sets)'),
      z
        .strictObject({
          statistic: z.literal('quantile'),
          ...acrossDraws,
          confidence: finite('a share 0.5–0.99')
            .refine((c) => c >= 0.5 && c <= 0.99, { error: (iss) => `${show(iss.input)} is outside 0.5–0.99` })
            .describe('share of runs that must reach a value: a constraint atLeast b holds when b is reached in at least this share of runs'),
        })
        .describe('the pessimistic quantile across seeds: the value reached in at least `confidence` of the runs'),
    ],
    {
      error: (iss) =>
        `${show(iss.input)} is not valid; expected {"statistic": "mean"} or {"statistic": "quantile", "confidence": 0.8}, ` +
        'optionally with "posterior": FILE and "draws": N',
    },
  )
  .default({ statistic: 'mean' });

/**
 * The goal file schema: the levers to search and their ranges, a base scenario, the
 * objectives and constraints over outputs, how robustness across seeds is judged, the
 * search budget and a master seed. Paths, expressions and years are checked against the
 * scenario by {@link parseGoal}.
 */
export const goalSchema = z.strictObject({
  $schema: z.string().optional().describe('path of the JSON Schema for editors'),
  name: z.string().max(200).default('goal').describe('short name'),
  description: z.string().max(5000).default('').describe('the question the goal asks'),
  base: z
    .union([z.string().min(1), z.record(z.string(), z.unknown())], {
      error: (iss) => `${show(iss.input)} is not valid; expected a scenario file path (relative to this file) or a scenario object`,
    })
    .default({})
    .describe('the base scenario: a file path relative to this file, or an inline scenario; the levers are set on it'),
  levers: z
    .array(leverSchema)
    .min(1, { error: 'no levers; name at least one scenario field to search' })
    .max(MAX_GOAL_LEVERS, { error: `too many levers; at most ${MAX_GOAL_LEVERS}` })
    .describe('the levers to search and their ranges'),
  objectives: z
    .array(objectiveSchema)
    .min(1, { error: 'no objectives; give at least one' })
    .max(MAX_GOAL_OBJECTIVES, { error: `too many objectives; at most ${MAX_GOAL_OBJECTIVES}` })
    .describe('what to minimise or maximise (1–3); the first objective to minimise picks the summary\'s mix'),
  constraints: z.array(constraintSchema).default([]).describe('what every acceptable mix must meet'),
  robustness: robustnessSchema.describe('how the runs of a candidate are summed up: the mean, or the value reached in a share of the runs'),
  seeds: int(8, 1, 1000, 'runs per candidate; every candidate runs with the same seeds deriveSeed(seed, i) (common random numbers)'),
  seed: int(1, 0, 4294967295, 'master seed: the runs\' seeds and every random draw of the search come from it'),
  search: z
    .strictObject({
      population: int(24, 4, 10000, 'candidates per generation (NSGA-II population)'),
      generations: int(10, 0, 100000, 'generations after the first population'),
    })
    .default({ population: 24, generations: 10 })
    .describe('the search budget: candidates = population × (generations + 1)'),
});

/** A goal as written in a file. */
export type GoalInput = z.input<typeof goalSchema>;
/** A goal file after schema validation (base not yet resolved). */
export type GoalFile = z.output<typeof goalSchema>;
/** One lever as written. */
export type GoalLeverSpec = GoalFile['levers'][number];
/** One objective as written. */
export type GoalObjectiveSpec = GoalFile['objectives'][number];
/** One constraint as written. */
export type GoalConstraintSpec = GoalFile['constraints'][number];
/** How robustness is judged. */
export type Robustness = GoalFile['robustness'];

/** The goal schema as JSON Schema (draft 2020-12) for editors. */
export function goalJsonSchema(scenarioSchemaRef = '../scenario.schema.json'): Record<string, unknown> {
  return jsonSchemaWithBase(goalSchema, 'goal', scenarioSchemaRef);
}
