import { stringify } from 'csv-stringify/browser/esm/sync';
import { METRIC_INDEX, type MetricName } from '../../model/metrics.ts';
import type { RunOutput } from '../../runner/run-request.ts';
import type { ExperimentPlan, RunCoordinates } from '../plan/experiment-plan.ts';
import type { Experiment, SummaryYear } from '../parse/parse-experiment.ts';
import { formatNumber } from '../../runner/metrics-table.ts';
import { metricAt, metricOf } from '../../runner/run-metrics.ts';

/** File names of a sweep directory. */
export const SWEEP_FILES = {
  runs: 'runs.csv',
  years: 'years.csv',
  failures: 'failures.csv',
  manifest: 'manifest.json',
} as const;

/** A summary column: a metric at a year. */
export interface SummaryColumn {
  readonly name: string;
  readonly metric: MetricName;
  readonly year: SummaryYear;
}

/** The summary columns of runs.csv: `metric_yN` or `metric_last`, metric by metric. */
export function summaryColumns(experiment: Experiment): SummaryColumn[] {
  const s = experiment.outputs.summary;
  if (!s) return [];
  const out: SummaryColumn[] = [];
  for (const metric of s.metrics)
    for (const year of s.years) out.push({ name: year === 'last' ? `${metric}_last` : `${metric}_y${year}`, metric, year });
  return out;
}

/** Header of runs.csv: run_id, point, replicate, the factor paths, seed, the summary columns. */
export function runsHeader(experiment: Experiment): string[] {
  return ['run_id', 'point', 'replicate', ...experiment.factors.map((f) => f.path), 'seed', ...summaryColumns(experiment).map((c) => c.name)];
}

/** Header of years.csv: run_id, year, the kept metrics. */
export function yearsHeader(experiment: Experiment): string[] {
  return ['run_id', 'year', ...(experiment.outputs.years ?? [])];
}

/** Header of failures.csv: run_id, point, replicate, the factor paths, seed, error. */
export function failuresHeader(experiment: Experiment): string[] {
  return ['run_id', 'point', 'replicate', ...experiment.factors.map((f) => f.path), 'seed', 'error'];
}

/** One CSV line (with its newline) from cells. */
export function csvLine(cells: readonly string[]): string {
  return stringify([cells as string[]], { record_delimiter: 'unix' });
}

/** A cell for any value: numbers in the output format, text on one line, other data as JSON. */
export function formatCell(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return oneLine(v);
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return String(v);
  return oneLine(JSON.stringify(v));
}

/** Text without line breaks, so every CSV record is one line (what resume and merge rely on). */
export function oneLine(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' | ');
}

function leading(plan: ExperimentPlan, c: RunCoordinates): string[] {
  const values = plan.design.points[c.point];
  return [String(c.runId), String(c.point), String(c.replicate), ...values.map(formatCell), String(c.seed)];
}

/** The value of a summary column in a run's output (NaN when the run is shorter). */
export function summaryValue(out: RunOutput, col: SummaryColumn): number {
  const y = col.year === 'last' ? out.years - 1 : col.year;
  if (y < 0 || y >= out.years) return NaN;
  return metricOf(out, col.metric, y);
}

/** The runs.csv line of a finished run. */
export function runsLine(plan: ExperimentPlan, runId: number, out: RunOutput, columns = summaryColumns(plan.experiment)): string {
  const c = plan.coordinates(runId);
  return csvLine([...leading(plan, c), ...columns.map((col) => formatNumber(summaryValue(out, col)))]);
}

/**
 * The years.csv lines of a finished run (empty when years.csv is not kept). Every cell is
 * a number as formatNumber writes it, which never needs quoting, so the cells are joined
 * as they are: passing each of the thousands of cells of a sweep through the CSV writer
 * made most of the main thread's work and garbage while the workers ran.
 */
export function yearsLines(plan: ExperimentPlan, runId: number, out: RunOutput): string {
  const metrics = plan.experiment.outputs.years;
  if (!metrics) return '';
  const idx = metrics.map((m) => METRIC_INDEX[m]);
  let text = '';
  for (let y = 0; y < out.years; y++) {
    let line = `${runId},${y}`;
    for (const i of idx) line += `,${formatNumber(metricAt(out, y, i))}`;
    text += `${line}\n`;
  }
  return text;
}

/** The failures.csv line of a run that failed. */
export function failureLine(plan: ExperimentPlan, runId: number, error: string): string {
  return csvLine([...leading(plan, plan.coordinates(runId)), oneLine(error)]);
}

/** The run id a CSV line starts with, or NaN when the line does not start with one. */
export function lineRunId(line: string): number {
  const comma = line.indexOf(',');
  const head = comma < 0 ? line : line.slice(0, comma);
  return /^\d+$/.test(head) ? Number(head) : NaN;
}
