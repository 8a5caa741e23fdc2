import type { Direction, LessonMetric } from '../../scenario/lesson-schema.ts';
import { pairedEffect, type PairedEffect } from '../../analysis/paired-effect.ts';
import { metricOf, type RunValues } from '../../runner/run-metrics.ts';

/** One year's value of a lesson's output in a run (`deep_share` is depth 3 + depth 4). */
export function lessonValue(run: RunValues, year: number, metric: LessonMetric): number {
  return metric === 'deep_share' ? metricOf(run, 'depth_3_share', year) + metricOf(run, 'depth_4_share', year) : metricOf(run, metric, year);
}

/**
 * The paired effect a lesson reveals: per seed, the scenario's value at `year` minus the
 * comparison's (same seed), or minus a fixed `reference` level when there is no comparison.
 */
export function lessonEffect(scenario: readonly RunValues[], comparison: readonly RunValues[] | null, reference: number, year: number, metric: LessonMetric): PairedEffect {
  const current = scenario.map((v) => lessonValue(v, year, metric));
  const base = comparison ? comparison.map((v) => lessonValue(v, year, metric)) : current.map(() => reference);
  return pairedEffect(base, current);
}

/** Which way an effect goes: its median above +tolerance is up, below −tolerance down, else about the same. */
export function effectDirection(effect: PairedEffect, tolerance: number): Direction {
  if (effect.difference > tolerance) return 'up';
  if (effect.difference < -tolerance) return 'down';
  return 'same';
}
