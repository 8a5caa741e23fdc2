import { METRIC_COUNT, METRIC_INDEX, METRIC_NAMES, type MetricName } from '../model/metrics.ts';
import type { RunOutput } from './run-request.ts';

/**
 * Reading the metrics of a {@link RunOutput}: the one place that knows how `values` is
 * laid out, so every reader in every thread (app, sweep tables, calibration, optimisation,
 * claims, lessons, the classroom game) goes through the same accessors.
 *
 * The layout is column-major, the model's own (see `SimulationResult.values`): metric m's
 * years stand together, `values[m * years + year]`, so a run crosses threads as the one
 * buffer the model filled, never transposed on the way.
 */

/** The metric values of a run, as a {@link RunOutput} carries them. */
export type RunValues = Pick<RunOutput, 'years' | 'values'>;

/**
 * Where metric `m` (its index in METRIC_NAMES) of year `year` stands in the values of a
 * run of `years` years. Throws on a year or metric outside the run: in this layout such an
 * index would land on another metric's value instead of nothing.
 */
export function valueIndex(years: number, year: number, m: number): number {
  if (!(year >= 0 && year < years && Number.isInteger(year))) throw new RangeError(`year ${year} is outside the run's ${years} years (0–${years - 1})`);
  if (!(m >= 0 && m < METRIC_COUNT && Number.isInteger(m))) throw new RangeError(`metric index ${m} is outside 0–${METRIC_COUNT - 1}`);
  return m * years + year;
}

/** Metric `m` (its index in METRIC_NAMES) in year `year` of a run. */
export function metricAt(out: RunValues, year: number, m: number): number {
  return out.values[valueIndex(out.years, year, m)];
}

/** The metric `name` in year `year` of a run. */
export function metricOf(out: RunValues, name: MetricName, year: number): number {
  return out.values[valueIndex(out.years, year, METRIC_INDEX[name])];
}

/**
 * The metric `name` in year `year`, or NaN when the run stops before that year: for a run
 * read while it grows a year at a time (the classroom game's rounds), against a longer one.
 */
export function metricSoFar(out: RunValues, name: MetricName, year: number): number {
  return year >= 0 && year < out.years ? metricOf(out, name, year) : NaN;
}

/** Metric `m` of every year of a run, as a new column (a copy: the run's values stay as they are). */
export function metricColumn(out: RunValues, m: number): Float64Array {
  const start = valueIndex(out.years, 0, m);
  return out.values.slice(start, start + out.years);
}

/** Sets every metric of year `year` in `scope` by name (the variables of an expression); returns `scope`. */
export function metricScope(out: RunValues, year: number, scope: Record<string, number>): Record<string, number> {
  const at = valueIndex(out.years, year, 0);
  for (let m = 0; m < METRIC_COUNT; m++) scope[METRIC_NAMES[m]] = out.values[at + m * out.years];
  return scope;
}

/**
 * The values of a run of `years` years whose metric `m` in year `year` is `value(m, year)`:
 * runs made up for tests and fixtures, in the same layout as the model's.
 */
export function runValues(years: number, value: (m: number, year: number) => number): Float64Array {
  const values = new Float64Array(years * METRIC_COUNT);
  for (let m = 0; m < METRIC_COUNT; m++) for (let y = 0; y < years; y++) values[m * years + y] = value(m, y);
  return values;
}
