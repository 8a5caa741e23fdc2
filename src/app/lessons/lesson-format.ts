import { METRICS } from '../../model/metrics.ts';
import type { Direction, LessonMetric } from '../../scenario/lesson-schema.ts';
import type { Formatter } from '../i18n/format.ts';

/** Whether a lesson output is a share (shown in %, effects in points). */
export function isShare(metric: LessonMetric): boolean {
  return metric === 'deep_share' || METRICS.find((m) => m[0] === metric)?.[2] === 'share';
}

/** A level of a lesson output as the page shows it. */
export function formatLevel(fmt: Formatter, metric: LessonMetric, v: number): string {
  if (isShare(metric)) return fmt.percent(v);
  return metric === 'deep_partnerships' || metric === 'partnerships' ? fmt.number(v, 1) : fmt.number(v, 2);
}

/** A paired effect (a difference) of a lesson output: points for shares, a signed number otherwise. */
export function formatEffect(fmt: Formatter, metric: LessonMetric, v: number): string {
  if (isShare(metric)) return fmt.points(v);
  return metric === 'deep_partnerships' || metric === 'partnerships' ? fmt.signed(v, 1) : fmt.signed(v, 3);
}

/** Whether a prediction matches the model: the direction chosen, or an estimate inside the band widened by the tolerance. */
export function predictionCorrect(pre: Direction | number, model: Direction, band: { lo: number; hi: number; reference: number }, tolerance: number): boolean {
  if (typeof pre === 'number') return pre >= band.reference + band.lo - tolerance && pre <= band.reference + band.hi + tolerance;
  return pre === model;
}
