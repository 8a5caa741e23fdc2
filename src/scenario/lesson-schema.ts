import { z } from 'zod';
import { METRIC_NAMES } from '../model/metrics.ts';
import { show } from '../model/params/fields.ts';

/** Text in every language of the app: English and Chinese. */
const text = (what: string) =>
  z
    .strictObject(
      {
        en: z.string({ error: (iss) => `${show(iss.input)} is not text; expected the English ${what}` }).min(1, { error: `an empty English ${what}` }),
        'zh-CN': z.string({ error: (iss) => `${show(iss.input)} is not text; expected the Chinese ${what}` }).min(1, { error: `an empty Chinese ${what}` }),
      },
      { error: (iss) => `${show(iss.input)} is not a text; expected {"en": "…", "zh-CN": "…"} (the ${what} in English and Chinese)` },
    )
    .describe(`the ${what}, in English (en) and Chinese (zh-CN)`);

const texts = (what: string) => z.array(text(what)).min(1, { error: `no ${what}; give at least one` });

/** Outputs a lesson can ask about: a model output, or `deep_share` (depth 3 + depth 4). */
export const LESSON_METRICS = [...METRIC_NAMES, 'deep_share'] as const;
export type LessonMetric = (typeof LESSON_METRICS)[number];

/** What the model shows: the scenario's value rises, stays about the same, or falls (against the comparison or the reference). */
export const DIRECTIONS = ['up', 'same', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How the explanation picks the agent it opens in the inspector (first match by index, in the year shown). */
export const INSPECT_PICKS = {
  'shallow-firm': 'a firm whose deepest partnership is shallow (depth 1)',
  'deep-firm': 'a firm with a partnership at depth 3 or 4',
  'idle-firm': 'a firm with no partnership',
  'idle-low-tech-firm': 'a low-tech firm with no partnership',
  'busy-college': 'the college with the most partnerships',
} as const;
export type InspectPick = keyof typeof INSPECT_PICKS;

const scenarioId = (what: string) =>
  z
    .string({ error: (iss) => `${show(iss.input)} is not a scenario name; expected a file name of scenarios/ without .json, e.g. "baseline"` })
    .regex(/^[a-z0-9-]+$/, { error: (iss) => `${show(iss.input)} is not a scenario name; expected lower-case letters, digits and dashes, e.g. "tax-relief"` })
    .describe(what);

const direction = z.enum(DIRECTIONS, { error: (iss) => `${show(iss.input)} is not a direction; expected "up", "same" or "down"` });

const choice = z.strictObject({
  direction: direction.describe('the outcome this choice predicts'),
  text: text('choice'),
});

const prediction = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('choice'),
      prompt: text('prediction prompt'),
      choices: z
        .array(choice)
        .min(2, { error: 'fewer than two choices; give one per direction the student can predict' })
        .max(3, { error: 'more than three choices; give one per direction (up, same, down)' })
        .describe('one choice per predicted direction'),
    }),
    z.strictObject({
      kind: z.literal('estimate'),
      prompt: text('prediction prompt'),
      min: z.number().describe('lowest value the student can set'),
      max: z.number().describe('highest value the student can set'),
      step: z.number().positive().describe('step of the slider'),
      start: z.number().describe('where the slider starts'),
    }),
    z.strictObject({
      kind: z.literal('sketch'),
      prompt: text('prediction prompt'),
      min: z.number().describe('lowest value the student can draw'),
      max: z.number().describe('highest value the student can draw'),
      step: z.number().positive().describe('step of an arrow key'),
      start: z.number().describe('where every point starts'),
      years: z
        .array(z.number().int().min(0).max(30))
        .min(2, { error: 'fewer than two years; a curve needs at least two points' })
        .max(16, { error: 'more than 16 years; a student can place at most 16 points' })
        .refine((ys) => ys.every((y, i) => i === 0 || y > ys[i - 1]), { error: 'years must increase' })
        .describe('the years of the curve\'s points; the point at the lesson\'s year is judged like an estimate'),
    }),
  ],
  { error: (iss) => `${show(iss.input)} is not a prediction; expected {"kind": "choice", …}, {"kind": "estimate", …} or {"kind": "sketch", …}` },
);

const year = z
  .number({ error: (iss) => `${show(iss.input)} is not a year; expected a whole year 1–30` })
  .int({ error: (iss) => `${show(iss.input)} is not a whole year; expected a whole year 1–30` })
  .min(1, { error: (iss) => `${show(iss.input)} is too early; expected a whole year 1–30` })
  .max(30, { error: (iss) => `${show(iss.input)} is too late; expected a whole year 1–30` });

/**
 * One guided lesson (a file of scenarios/lessons/): a question about one claim of the seed
 * paper, a prediction the student commits to, a paired run that answers it, the reveal,
 * an explanation that opens the inspector on a telling agent, a follow-up and teacher notes.
 */
export const lessonSchema = z.strictObject({
  $schema: z.string().optional().describe('path of this schema, for editors'),
  id: z.string().regex(/^[a-z0-9-]+$/, { error: (iss) => `${show(iss.input)} is not an id; expected the file name without .json (lower-case, digits, dashes)` }).describe('the file name without .json; `?lesson=ID` opens it'),
  claim: z.number().int().min(1).max(7).describe('the claim of the seed paper (1–7) the lesson is about'),
  title: text('title'),
  question: text('question'),
  prediction,
  run: z
    .strictObject({
      scenario: scenarioId('the shipped scenario the question is about'),
      comparison: scenarioId('the shipped scenario it is compared with over the same seeds; omit to compare with `reference`').optional(),
      reference: z.number().optional().describe('a fixed level the scenario is compared with when there is no comparison scenario'),
      metric: z.enum(LESSON_METRICS, { error: (iss) => `${show(iss.input)} is not an output; expected a column of coopsim run or "deep_share"` }).describe('the output the question is about'),
      year: year.describe('the year whose paired effect is revealed'),
      seeds: z.number().int().min(2).max(32).default(8).describe('seeds of the ensemble the app runs (the band is the 5%–95% range of their effects)'),
    })
    .refine((r) => (r.comparison === undefined) !== (r.reference === undefined), {
      error: 'give either a comparison scenario or a reference level, not both and not neither',
    }),
  result: z
    .strictObject({
      direction: direction.describe('what the model shows: the median paired effect at the year is above +tolerance (up), within ±tolerance (same) or below −tolerance (down)'),
      tolerance: z.number().nonnegative().describe('half-width of "about the same", in the metric\'s unit'),
    })
    .describe('the result the lesson states; a test checks that the model shows it'),
  reveal: text('reveal: what the run shows'),
  explanation: z.strictObject({
    text: text('explanation'),
    inspect: z.strictObject({
      in: z.enum(['scenario', 'comparison']).describe('whose run the agent is taken from'),
      pick: z.enum(Object.keys(INSPECT_PICKS) as [InspectPick, ...InspectPick[]]).describe(Object.entries(INSPECT_PICKS).map(([k, v]) => `${k}: ${v}`).join('; ')),
      prompt: text('question on the inspected agent'),
    }),
  }),
  followUp: text('follow-up question'),
  teacher: z.strictObject({
    goals: texts('learning goal'),
    minutes: z.number().int().min(5).max(90).describe('time the lesson takes in class, minutes'),
    discussion: texts('discussion prompt'),
    misconceptions: texts('misconception'),
  }),
}).refine((l) => l.prediction.kind !== 'sketch' || l.prediction.years.includes(l.run.year), {
  error: 'a sketch must have a point at the run\'s year (prediction.years must include run.year): that point is judged',
  path: ['prediction', 'years'],
});

/** A lesson as written in its file. */
export type LessonInput = z.input<typeof lessonSchema>;
/** A checked lesson, defaults filled in. */
export type Lesson = z.output<typeof lessonSchema>;
/** Text in every language of the app. */
export type LessonText = Lesson['title'];

/** The JSON Schema of lesson files (scenarios/lessons/lesson.schema.json). */
export function lessonJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(lessonSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'coopsim lesson', $id: 'https://coopsim.invalid/lesson.schema.json' };
}
