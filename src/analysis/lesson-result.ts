import { METRIC_COUNT, METRIC_INDEX, type MetricName } from '../model/metrics.ts';
import type { Direction, LessonMetric } from '../scenario/lesson-schema.ts';
import { pairedEffect, type PairedEffect } from './paired-effect.ts';

/** One year's value of a lesson's output from a run's packed metrics (`deep_share` is depth 3 + depth 4). */
export function lessonValue(values: ArrayLike<number>, year: number, metric: LessonMetric): number {
  const at = (m: MetricName) => values[year * METRIC_COUNT + METRIC_INDEX[m]];
  return metric === 'deep_share' ? at('depth_3_share') + at('depth_4_share') : at(metric);
}

/**
 * The paired effect a lesson reveals: per seed, the scenario's value at `year` minus the
 * comparison's (same seed), or minus a fixed `reference` level when there is no comparison.
 */
export function lessonEffect(
  scenario: readonly ArrayLike<number>[],
  comparison: readonly ArrayLike<number>[] | null,
  reference: number,
  year: number,
  metric: LessonMetric,
): PairedEffect {
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
