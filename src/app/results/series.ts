import { METRIC_INDEX, type MetricName } from '../../model/metrics.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import { ensembleBand, type Band } from '../../analysis/quantiles.ts';
import { metricColumn } from '../../runner/run-metrics.ts';

/** A metric the app shows: an output column or one derived from columns. */
export type SeriesName = MetricName | 'deep_share' | 'fiscal_cost_cumulative';

/** One series of one run, per year. */
export function seriesOf(out: RunOutput, name: SeriesName): Float64Array {
  const col = (m: MetricName) => metricColumn(out, METRIC_INDEX[m]);
  if (name === 'deep_share') {
    const a = col('depth_3_share');
    const b = col('depth_4_share');
    return a.map((v, t) => v + b[t]);
  }
  if (name === 'fiscal_cost_cumulative') {
    const c = col('fiscal_cost');
    let sum = 0;
    return c.map((v) => (sum += v));
  }
  return col(name);
}

/** The value of a series in year `t` for every run. */
export function valuesAt(runs: readonly RunOutput[], name: SeriesName, t: number): Float64Array {
  return Float64Array.from(runs, (r) => seriesOf(r, name)[t]);
}

/** Median and 10–90% band of a series over an ensemble. */
export function bandOf(runs: readonly RunOutput[], name: SeriesName): Band {
  return ensembleBand(runs.map((r) => seriesOf(r, name)));
}
