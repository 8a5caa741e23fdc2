import { effectDirection, lessonEffect, lessonValue } from './lesson-result.ts';
import type { PairedEffect } from '../../analysis/paired-effect.ts';
import { ensembleBand, type Band } from '../../analysis/quantiles.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import type { Direction, Lesson } from '../../scenario/lesson-schema.ts';
import { PRIORITY, type RunService } from '../scheduling/run-service.ts';
import { ensembleSeeds } from '../state/comparison.ts';
import { presetOrDefault } from '../state/scenario-edits.ts';

/** What a lesson's run shows: both ensembles over the same seeds, the effect at the lesson's year and its direction. */
export interface LessonRun {
  seeds: number[];
  years: number;
  scenario: RunOutput[];
  comparison: RunOutput[] | null;
  /** Per-year bands (10%–90%) of the output, for the chart. */
  scenarioBand: Band;
  comparisonBand: Band | null;
  effect: PairedEffect;
  direction: Direction;
}

/** The seed the lessons' ensembles derive from: seed 1, the default of every shipped scenario and of `coopsim sweep`. */
export const LESSON_SEED = 1;

/** Runs a lesson's scenario and comparison on the same seeds (the cache makes a second visit instant). */
export async function runLesson(runs: RunService, lesson: Lesson, signal?: AbortSignal): Promise<LessonRun> {
  const { run } = lesson;
  const seeds = ensembleSeeds(LESSON_SEED, run.seeds);
  const one = (id: string) => Promise.all(seeds.map((s) => runs.run(presetOrDefault(id).input, s, PRIORITY.preview, signal)));
  const [scenario, comparison] = await Promise.all([one(run.scenario), run.comparison ? one(run.comparison) : Promise.resolve(null)]);
  const years = scenario[0].years;
  const series = (outs: RunOutput[]) => outs.map((o) => Float64Array.from({ length: years }, (_, y) => lessonValue(o, y, run.metric)));
  const effect = lessonEffect(scenario, comparison, run.reference ?? 0, run.year, run.metric);
  return {
    seeds,
    years,
    scenario,
    comparison,
    scenarioBand: ensembleBand(series(scenario)),
    comparisonBand: comparison ? ensembleBand(series(comparison)) : null,
    effect,
    direction: effectDirection(effect, lesson.result.tolerance),
  };
}
