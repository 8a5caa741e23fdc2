import { METRIC_COUNT, METRIC_INDEX, METRIC_NAMES, type MetricName } from '../model/metrics.ts';
import type { RunOutput } from './run-request.ts';

/**
 * Reading the metrics of a {@link RunOutput}: the one place, besides the packing that
 * writes them, that knows how `values` is laid out, so every reader in every thread (app,
 * sweep tables, calibration, optimisation, claims) goes through the same accessors.
 */

/** The metric values of a run, as a {@link RunOutput} carries them. */
export type RunValues = Pick<RunOutput, 'years' | 'values'>;

/** Where metric `m` (its index in METRIC_NAMES) of year `year` stands in `values`. */
export function valueIndex(year: number, m: number): number {
  return year * METRIC_COUNT + m;
}

/** Metric `m` (its index in METRIC_NAMES) in year `year` of a run. */
export function metricAt(out: RunValues, year: number, m: number): number {
  return out.values[valueIndex(year, m)];
}

/** The metric `name` in year `year` of a run. */
export function metricOf(out: RunValues, name: MetricName, year: number): number {
  return out.values[valueIndex(year, METRIC_INDEX[name])];
}

/** Metric `m` of every year of a run, as a new column. */
export function metricColumn(out: RunValues, m: number): Float64Array {
  const col = new Float64Array(out.years);
  for (let t = 0; t < out.years; t++) col[t] = out.values[valueIndex(t, m)];
  return col;
}

/** Sets every metric of year `year` in `scope` by name (the variables of an expression); returns `scope`. */
export function metricScope(out: RunValues, year: number, scope: Record<string, number>): Record<string, number> {
  for (let m = 0; m < METRIC_COUNT; m++) scope[METRIC_NAMES[m]] = out.values[valueIndex(year, m)];
  return scope;
}
