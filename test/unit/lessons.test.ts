import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectDirection, lessonEffect } from '../../src/app/lessons/lesson-result.ts';
import { CLAIMS } from '../../src/studies/claims/claim-definitions.ts';
import { executeRun } from '../../src/runner/execute-run.ts';
import type { RunOutput } from '../../src/runner/run-request.ts';
import { lessonJsonSchema, lessonSchema, type Lesson } from '../../src/scenario/lesson-schema.ts';
import { ensembleSeeds } from '../../src/app/state/comparison.ts';

const DIR = 'scenarios/lessons';
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'lesson.schema.json');
const lessons: Lesson[] = files.map((f) => lessonSchema.parse(JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'))));

/** Runs of a shipped scenario on the first `n` seeds the app uses (seed 1's derived ensemble). */
function runsOf(name: string, years: number, n: number): RunOutput[] {
  const { $schema: _editorOnly, ...input } = JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')) as Record<string, unknown>;
  return ensembleSeeds(1, n).map((seed) => executeRun({ scenario: input as never, seed, years }));
}

describe('lessons (scenarios/lessons/)', () => {
  it('one lesson per claim of the seed paper, each valid, named after its file, pointing at the JSON Schema, which is up to date (npm run schema)', () => {
    expect(lessons.map((l) => l.claim).sort()).toEqual(CLAIMS.map((c) => c.id));
    for (const [i, f] of files.entries()) {
      const raw = JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8'));
      const r = lessonSchema.safeParse(raw);
      expect(r.success ? 'ok' : r.error.message, f).toBe('ok');
      expect(raw.$schema, f).toBe('./lesson.schema.json');
      expect(lessons[i].id, f).toBe(f.replace(/\.json$/, ''));
    }
    expect(JSON.parse(readFileSync(`${DIR}/lesson.schema.json`, 'utf8'))).toEqual(lessonJsonSchema());
  });

  it('every scenario a lesson runs is a shipped scenario file', () => {
    for (const l of lessons)
      for (const s of [l.run.scenario, l.run.comparison].filter((x): x is string => !!x)) expect(existsSync(`scenarios/${s}.json`), `${l.id}: ${s}`).toBe(true);
  });

  it('a choice lesson offers its stated result as a choice, with no direction twice', () => {
    for (const l of lessons) {
      if (l.prediction.kind !== 'choice') continue;
      const dirs = l.prediction.choices.map((c) => c.direction);
      expect(new Set(dirs).size, l.id).toBe(dirs.length);
      expect(dirs, l.id).toContain(l.result.direction);
    }
  });

  it('refuses a lesson with both a comparison and a reference, naming the problem', () => {
    const bad = { ...JSON.parse(readFileSync(`${DIR}/${files[0]}`, 'utf8')) };
    bad.run = { ...bad.run, comparison: 'baseline', reference: 0.5 };
    const r = lessonSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.message).toMatch(/either a comparison scenario or a reference level/);
  });

  // The model run, not a restated number: each lesson's stated direction must be what
  // the paired runs show at its year (4 seeds of the app's ensemble, to keep this quick).
  it.each(lessons.map((l) => [l.id, l] as const))('%s: the model shows the stated result direction', (_id, l) => {
    const years = l.run.year + 1;
    const current = runsOf(l.run.scenario, years, 4);
    const comparison = l.run.comparison ? runsOf(l.run.comparison, years, 4) : null;
    const effect = lessonEffect(current, comparison, l.run.reference ?? 0, l.run.year, l.run.metric);
    expect(effect.n).toBe(4);
    expect(effectDirection(effect, l.result.tolerance), `median effect ${effect.difference}`).toBe(l.result.direction);
  }, 120_000);
});
