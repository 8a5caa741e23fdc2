import { stringify } from 'csv-stringify/browser/esm/sync';
import { METRIC_NAMES, type MetricName } from '../model/metrics.ts';
import type { MetricColumns } from '../model/simulate.ts';
import { VERSION } from '../version.ts';

/** Output columns of a per-year table: `year` then every metric. */
export const YEAR_COLUMNS: readonly string[] = ['year', ...METRIC_NAMES];

/**
 * Formats a number for output files. JavaScript's shortest round-trip form is specified
 * exactly, so Node and browsers write the same bytes for the same value.
 */
export function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : '';
}

/** Per-year metrics as rows of numbers (year first, then METRIC_NAMES order). */
export function metricRows(year: ArrayLike<number>, metrics: MetricColumns): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < year.length; i++) {
    const row = [year[i]];
    for (const name of METRIC_NAMES) row.push(metrics[name][i]);
    rows.push(row);
  }
  return rows;
}

/** Per-year metrics as CSV text with a header line (the `coopsim run` format). */
export function metricsToCsv(year: ArrayLike<number>, metrics: MetricColumns): string {
  const rows = metricRows(year, metrics).map((r) => r.map(formatNumber));
  return stringify([YEAR_COLUMNS as string[], ...rows], { record_delimiter: 'unix' });
}

/** Per-year metrics as a JSON document: run metadata plus one object per year. */
export function metricsToJson(
  meta: { scenario: string; seed: number },
  year: ArrayLike<number>,
  metrics: MetricColumns,
): string {
  const years = metricRows(year, metrics).map((r) => {
    const o: Record<string, number | null> = {};
    YEAR_COLUMNS.forEach((name, i) => (o[name] = Number.isFinite(r[i]) ? r[i] : null));
    return o;
  });
  return `${JSON.stringify({ coopsim: VERSION, scenario: meta.scenario, seed: meta.seed, years }, null, 2)}\n`;
}

/** Reads one metric column by name (typed helper for scripts). */
export function column(metrics: MetricColumns, name: MetricName): Float64Array {
  return metrics[name];
}
